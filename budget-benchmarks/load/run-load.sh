#!/usr/bin/env bash
# Overhead of Query Budget under load: the sample application's throughput and latency (P50, P99) under a fixed wrk
# load, with the library absent, in record mode, and with diagnosis on, over PostgreSQL and over in-memory H2 (the
# worst case: no network, so the library's share of each request is largest). Prints one markdown table per database,
# with every figure as a median over the rounds, its spread (min-max), and its ratio to the absent run.
#
# Method: per database, one application per mode is started, each on a free port, in the order of QB_LOAD_MODES (or
# its reverse), and each is warmed up alone, in slices taken in turn, until its JIT compiler has settled (its compiler
# threads took less than QB_LOAD_SETTLED percent of its CPU in its last slice). The
# applications run on their own CPU and wrk on the others (taskset), as an application and its clients would on
# separate hosts: the application's CPU is then what limits its throughput, and wrk's own work does not blur it.
# Then two measurements:
# - Alone: in every round each application is loaded in turn, the others idle, the order rotating from round to round,
#   a pause before each run. wrk's requests/s is then the application's capacity on its CPU, with its latencies. Ratios
#   to the absent mode are taken round by round (each run against the absent run of the same round) and their median
#   is shown, so that a drift of the machine between rounds cancels out.
# - At once: in further rounds the applications are loaded together, sharing the application CPU for the same
#   seconds, so that whatever makes the machine faster or slower falls on them alike; the CPU time each spends per
#   request (from /proc/PID/stat), divided by the absent one's in the same round, is the library's cost in CPU.
# Both tables also give the bytes each application allocated per request (Micrometer's jvm.gc.memory.allocated, with
# the eden space in use read by jstat).
# Two JVMs of the same jar differ by a few percent (what their JIT compilers made of the warm-up), so a mode may run in
# several JVMs: absent-2, record-2 and so on are further applications of the mode before the dash. With two
# applications or more without the library, a last table compares JVMs at once: each application's CPU per request in a
# round against the median of the applications without the library in that round, its median over the rounds, and per
# mode the median across its JVMs, whose spread among the applications without the library is the JVM-to-JVM error.
# Last, each application records Java Flight Recorder execution samples during one more run alone (after the measured
# ones, which the recording would slow in proportion to each application's stack depth); the first table gives the
# share of them spent in Query Budget and datasource-proxy (and in the JDK and Micrometer code they call).
#
# Modes:
#   absent     query-budget.enabled=false: no DataSource proxy, no filter, no meters, no endpoint, no Hibernate
#              integration (checked on startup through the beans endpoint)
#   record     query-budget.mode=record, without the Hibernate attribution (QueryBudgetOrmAutoConfiguration excluded)
#   proxy      as record without QueryBudgetWebMvcAutoConfiguration: the DataSource proxy and the library's other beans,
#              but no request scope, so every statement goes straight to the driver through the wrappers
#   scopes     as record without the meters and the endpoint (query-budget.metrics.enabled=false and
#              QueryBudgetEndpointAutoConfiguration excluded): the request scopes count every statement, but no listener
#              reads their reports, so its ratio to record is what the meters and the endpoint statistics cost
#   meters     as record without the endpoint (QueryBudgetEndpointAutoConfiguration excluded): between scopes and record,
#              it tells the meters' share of reading the reports from the endpoint statistics'
#   statements as record with the DB time timer turned into a no-op by Boot's meter filter
#              (management.metrics.enable.query.budget.scope.db.time=false): its ratio to record is what recording that
#              timer costs
#   diagnosis  the sample as it ships: mode log, the Hibernate attribution, meters and endpoint
#   control    a second application without the library, configured as absent: its ratio to the absent one is the
#              method's own error (an A/A comparison), which a ratio of the other modes must exceed to mean anything
#   MODE-N     (absent-2, record-3...) one more application of MODE, in its own JVM
#
# Usage: budget-benchmarks/load/run-load.sh   (from anywhere; about 70 minutes with the defaults)
# Environment (defaults in brackets):
#   QB_LOAD_DATABASES "postgres h2"   QB_LOAD_MODES "absent record diagnosis": the modes to run, absent first, any of
#   absent, control, proxy, scopes, meters, record and diagnosis, each optionally suffixed -2, -3... for more JVMs of it
#   QB_LOAD_START_ORDER listed: the order the applications start in, listed or reverse (the first started may have an
#   edge, which a control started after it shows)
#   QB_LOAD_WARMUP 600: the most seconds of warm-up per application, alone on the CPU, in slices of
#   QB_LOAD_WARMUP_SLICE 60 seconds taken in turn; an application stops warming up after QB_LOAD_WARMUP_MIN 180
#   seconds once its JIT compiler threads took less than QB_LOAD_SETTLED 2 percent of its CPU in its last slice (one
#   still compiling after QB_LOAD_WARMUP is reported, not waited for)
#   QB_LOAD_ROUNDS 8 rounds alone   QB_LOAD_PAUSE 5 seconds before each run alone
#   QB_LOAD_TOGETHER_ROUNDS 8 rounds at once (0 skips them)   QB_LOAD_DURATION 15s: the length of every run
#   QB_LOAD_THREADS 1   QB_LOAD_CONNECTIONS 16   QB_LOAD_JAVA_OPTS "-Xms512m -Xmx512m -XX:+UseParallelGC"
#   QB_LOAD_APP_CPUS [the last CPU] and QB_LOAD_WRK_CPUS [the others]: taskset CPU lists; QB_LOAD_APP_CPUS= (empty)
#   runs everything unpinned
#   QB_LOAD_POSTGRES_URL [jdbc:postgresql://127.0.0.1:5432/qb_overhead, created with createdb when missing]   QB_LOAD_POSTGRES_USER [postgres]
#   QB_LOAD_POSTGRES_PASSWORD []   QB_LOAD_START_TIMEOUT [300] seconds for an application to start
#   QB_LOAD_BUILD=1 rebuilds the sample jar even when it exists
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lua="$root/budget-benchmarks/load/fixed-mix.lua"
jar="$root/budget-sample-app/target/budget-sample-app.jar"
# shellcheck source=common.sh
source "$root/budget-benchmarks/load/common.sh"
databases="${QB_LOAD_DATABASES:-postgres h2}"
rounds="${QB_LOAD_ROUNDS:-8}"
warmup="${QB_LOAD_WARMUP:-600}"
warmup_slice="${QB_LOAD_WARMUP_SLICE:-60}"
warmup_min="${QB_LOAD_WARMUP_MIN:-180}"
settled_percent="${QB_LOAD_SETTLED:-2}"
pause="${QB_LOAD_PAUSE:-5}"
duration="${QB_LOAD_DURATION:-15s}"
threads="${QB_LOAD_THREADS:-1}"
cpus="$(nproc)"
if ((cpus > 1)); then
	app_cpus="${QB_LOAD_APP_CPUS-$((cpus - 1))}"
	wrk_cpus="${QB_LOAD_WRK_CPUS-$( ((cpus == 2)) && echo 0 || echo "0-$((cpus - 2))")}"
else
	app_cpus="${QB_LOAD_APP_CPUS-}"
	wrk_cpus="${QB_LOAD_WRK_CPUS-}"
fi
app_pin=()
wrk_pin=()
[[ -z "$app_cpus" ]] || app_pin=(taskset -c "$app_cpus")
[[ -z "$app_cpus" || -z "$wrk_cpus" ]] || wrk_pin=(taskset -c "$wrk_cpus")
ticks_per_second="$(getconf CLK_TCK)"
connections="${QB_LOAD_CONNECTIONS:-16}"
start_timeout="${QB_LOAD_START_TIMEOUT:-300}"
read -r -a java_opts <<<"${QB_LOAD_JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseParallelGC}"
read -r -a modes <<<"${QB_LOAD_MODES:-absent record diagnosis}"
start_order=("${modes[@]}")
if [[ "${QB_LOAD_START_ORDER:-listed}" == reverse ]]; then
	for ((i = 0; i < ${#modes[@]}; i++)); do
		start_order[i]="${modes[$((${#modes[@]} - 1 - i))]}"
	done
fi
work="$(mktemp -d -t qb-load.XXXXXX)"
results="$work/results.txt"
together_results="$work/together.txt"
together_rounds="${QB_LOAD_TOGETHER_ROUNDS:-8}"
shares="$work/shares.txt"
declare -A pids ports settled_after warm_jit
# The share of its CPU that an application's JIT compiler threads took in its last run, in percent
last_jit_percent=100

stop_all() {
	local pid
	for pid in "${pids[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${pids[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
	pids=()
}
trap stop_all EXIT

database_args() {
	case "$1" in
		postgres) echo "--spring.profiles.active=postgres" ;;
		h2) echo "" ;;
		*) fail "unknown database '$1' (postgres or h2)" ;;
	esac
}

# Starts the sample in one mode on a free port (server.port=0; the port is read from the log)
start() {
	local database="$1" mode="$2" log="$work/$1-$2.log" waited=0 port=""
	# shellcheck disable=SC2046
	SAMPLE_POSTGRES_URL="${QB_LOAD_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/qb_overhead}" \
	SAMPLE_POSTGRES_USER="${QB_LOAD_POSTGRES_USER:-postgres}" \
	SAMPLE_POSTGRES_PASSWORD="${QB_LOAD_POSTGRES_PASSWORD:-}" \
		"${app_pin[@]}" java "${java_opts[@]}" -jar "$jar" --server.port=0 --spring.main.banner-mode=off \
		--management.endpoints.web.exposure.include=health,prometheus,querybudget,beans \
		$(database_args "$database") $(mode_args "$mode") >"$log" 2>&1 &
	pids[$mode]=$!
	while [[ -z "$port" ]]; do
		kill -0 "${pids[$mode]}" 2>/dev/null || fail "the $mode application on $database did not start; see $log"
		((waited++ < 2 * start_timeout)) ||
			fail "the $mode application on $database did not start within $start_timeout s; see $log"
		sleep 0.5
		port="$(sed -nE 's/.*Tomcat started on port ([0-9]+).*/\1/p' "$log" | head -n 1)"
	done
	ports[$mode]="$port"
	until curl -fsS "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
		sleep 0.5
	done
	check_mode "$database" "$mode" "$port"
}

# The CPU time (user and system, in clock ticks) a process has spent so far
cpu_ticks() {
	awk '{ print $14 + $15 }' "/proc/$1/stat"
}

# The CPU time its JIT compiler threads have spent so far: compiling is a cost of warming up, not of serving a request
jit_ticks() {
	local task ticks=0 name
	for task in /proc/"$1"/task/*; do
		name="$(cat "$task/comm" 2>/dev/null)" || continue
		[[ "$name" == C1\ Compiler* || "$name" == C2\ Compiler* ]] || continue
		ticks=$((ticks + $(awk '{ print $14 + $15 }' "$task/stat" 2>/dev/null || echo 0)))
	done
	echo "$ticks"
}

# The bytes an application has allocated so far: Micrometer's jvm.gc.memory.allocated (published in every mode), which
# grows at each young collection by what was allocated since the one before, plus the eden space in use now (jstat's
# EU, in KB), what was allocated since the last collection. A collection between the two reads would count its eden
# twice or not at all, so the reads are made again until jstat's count of young collections (YGC) is the same around
# them
allocated_bytes() {
	local counted eden collections again attempt
	read -r eden collections <<<"$(young_generation "$1")"
	for ((attempt = 1; attempt <= 5; attempt++)); do
		counted="$(curl -fsS "http://127.0.0.1:${ports[$1]}/actuator/prometheus" |
			awk '/^jvm_gc_memory_allocated_bytes_total/ { total += $NF } END { printf "%.0f", total }')"
		read -r eden again <<<"$(young_generation "$1")"
		[[ "$again" == "$collections" ]] && break
		collections="$again"
		# Micrometer records a collection when the JVM notifies it, a moment after
		sleep 0.2
	done
	echo $((counted + eden))
}

# The eden space in use (bytes) and the number of young collections so far, read at the same instant
young_generation() {
	jstat -gc "${pids[$1]}" | awk 'NR == 1 { for (i = 1; i <= NF; i++) column[$i] = i }
		NR == 2 { printf "%.0f %d", $column["EU"] * 1024, $column["YGC"] }'
}

# What a run is measured by, read before (counters MODE before) and after it: the CPU ticks of the application, those of
# its JIT compiler threads, and the bytes it allocated. The bytes are read outside the CPU times, so that serving the
# scrape does not count
counters() {
	local allocated
	if [[ "${2:-}" == before ]]; then
		allocated="$(allocated_bytes "$1")"
		echo "$(cpu_ticks "${pids[$1]}") $(jit_ticks "${pids[$1]}") $allocated"
	else
		echo "$(cpu_ticks "${pids[$1]}") $(jit_ticks "${pids[$1]}") $(allocated_bytes "$1")"
	fi
}

# Runs wrk against one application; appends "database mode round rps p50_us p99_us cpu_us_per_request cpu_busy
# cpu_us_per_request_without_jit allocated_kb_per_request" to the results, the last four from the counters
load() {
	local database="$1" mode="$2" length="$3" round="$4" output before
	before="$(counters "$mode" before)"
	output="$(wrk_run "$mode" "$length")"
	record "$database" "$mode" "$round" "$output" "$before" "$results"
}

# Runs wrk against the applications at once, for the same seconds, sharing the applications' CPU; appends one
# line per mode, as load() does, to the results of that phase
load_together() {
	local database="$1" length="$2" round="$3" mode
	local -A before wrks
	for mode in "${modes[@]}"; do
		before[$mode]="$(counters "$mode" before)"
	done
	for mode in "${modes[@]}"; do
		wrk_run "$mode" "$length" >"$work/wrk-$mode.out" &
		wrks[$mode]=$!
	done
	for mode in "${modes[@]}"; do
		wait "${wrks[$mode]}" || fail "$database/$mode: wrk failed: $(cat "$work/wrk-$mode.out")"
	done
	for mode in "${modes[@]}"; do
		record "$database" "$mode" "$round" "$(cat "$work/wrk-$mode.out")" "${before[$mode]}" "$together_results"
	done
}

wrk_run() {
	"${wrk_pin[@]}" wrk -t"$threads" -c"$connections" -d"$2" --timeout 10s -s "$lua" "http://127.0.0.1:${ports[$1]}"
}

# Checks a wrk run and appends its figures, with what the application spent since the counters $before, to $file
# (not for the warm-up, nor for the run that feeds the flight recording)
record() {
	local database="$1" mode="$2" round="$3" output="$4" before="$5" file="$6" line cpu_before jit_before alloc_before
	local cpu_after jit_after alloc_after
	read -r cpu_after jit_after alloc_after <<<"$(counters "$mode")"
	read -r cpu_before jit_before alloc_before <<<"$before"
	line="$(grep '^RESULT ' <<<"$output")" || fail "$database/$mode: no result from wrk: $output"
	[[ "$line" == *" http_errors=0 socket_errors=0"* ]] || fail "$database/$mode: failed requests: $line"
	line="$line app_cpu_s=$(awk -v t="$((cpu_after - cpu_before))" -v hz="$ticks_per_second" 'BEGIN { printf "%.2f", t / hz }')"
	line="$line jit_cpu_s=$(awk -v t="$((jit_after - jit_before))" -v hz="$ticks_per_second" 'BEGIN { printf "%.2f", t / hz }')"
	line="$line allocated_mb=$(((alloc_after - alloc_before) / 1048576))"
	last_jit_percent="$(awk -v t="$((cpu_after - cpu_before))" -v j="$((jit_after - jit_before))" \
		'BEGIN { printf "%.1f", (t > 0) ? 100 * j / t : 100 }')"
	if [[ "$round" != warmup && "$round" != sampled ]]; then
		awk -v d="$database" -v m="$mode" -v r="$round" '{
			for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
			printf "%s %s %s %s %s %s %.1f %.3f %.1f %.1f\n", d, m, r, v["rps"], v["p50_us"], v["p99_us"],
				v["app_cpu_s"] * 1e6 / v["requests"], v["app_cpu_s"] * 1e6 / v["duration_us"],
				(v["app_cpu_s"] - v["jit_cpu_s"]) * 1e6 / v["requests"], v["allocated_mb"] * 1024 / v["requests"]
		}' <<<"$line" >>"$file"
	fi
	echo "  $round $mode: $line" >&2
}

# Stops the flight recording of one application and appends "database mode datasource_proxy_percent
# query_budget_percent samples" to the shares: the share of its execution samples whose innermost frame outside the JDK
# and Micrometer belongs to datasource-proxy, and to Query Budget (so that recording the library's meters counts as the
# library's, and recording Spring Boot's own meters as the application's)
library_share() {
	local database="$1" mode="$2" recording="$work/$1-$2.jfr" share
	jcmd "${pids[$mode]}" JFR.stop name=qb-load filename="$recording" >/dev/null ||
		fail "$database/$mode: cannot stop the flight recording"
	share="$(jfr print --events jdk.ExecutionSample --stack-depth 64 "$recording" | awk '
		/^jdk.ExecutionSample/ { samples++; decided = 0; next }
		/^  stackTrace = \[/ { stack = 1; next }
		/^  \]/ { stack = 0; next }
		stack && !decided {
			frame = $1
			if (frame ~ /^net\.ttddyy\./) { proxy++; decided = 1 }
			else if (frame ~ /^dev\.querybudget\./ && frame !~ /^dev\.querybudget\.sample\./) { library++; decided = 1 }
			else if (frame !~ /^(java|javax|jdk|sun|com\.sun|io\.micrometer)\./) decided = 1
		}
		END { samples += 0; printf "%.2f %.2f %d", (samples > 0) ? 100 * proxy / samples : 0, (samples > 0) ? 100 * library / samples : 0, samples }')"
	echo "$database $mode $share" >>"$shares"
	read -r proxy library samples <<<"$share"
	echo "  $mode: of $samples execution samples, $proxy% in datasource-proxy and $library% in Query Budget" >&2
}

# The median of a space-separated list, for the tables' awk programs; it leaves the list's extremes in low and high
awk_median="$(cat <<'MEDIAN'
	function median(list,    n, a, i, j, t) {
		n = split(list, a, " ")
		for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
		low = a[1]; high = a[n]
		return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
	}
MEDIAN
)"

# One markdown table per database: medians over the rounds with their spread, the medians of the ratios of each round
# to the absent run of the same round, and the library's share of the execution samples. Figures are the fields of
# the results: 4 requests/s, 5 P50, 6 P99, 7 CPU per request, 8 CPU busy (no ratio), 10 allocated KB per request
table() {
	awk -v rounds="$rounds" -v mode_list="${modes[*]}" "$awk_median"'
		FNR == NR { share[$1, $2] = sprintf("%.1f%% | %.1f%% | %.1f%% (%d)", $3 + $4, $3, $4, $5); next }
		{ for (f = 4; f <= 10; f++) { values[$1, $2, f] = values[$1, $2, f] " " $f; figure[$1, $2, $3, f] = $f }
		  if (!($1 in seen)) { seen[$1] = 1; order[++count] = $1 } }
		END {
			mode_count = split(mode_list, modes, " ")
			field_count = split("4 5 6 7 8 10", fields, " ")
			for (d = 1; d <= count; d++) {
				db = order[d]
				printf "\n%s, median of %d rounds (min-max)\n\n", (db == "h2") ? "H2 (in memory)" : "PostgreSQL", rounds
				print "| mode | requests/s | ÷ absent | P50 ms | ÷ absent | P99 ms | ÷ absent | app CPU µs/request | ÷ absent | app CPU busy | allocated KB/request | ÷ absent | library share of app CPU samples | datasource-proxy | Query Budget (samples) |"
				print "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
				for (m = 1; m <= mode_count; m++) {
					mode = modes[m]
					line = "| " mode
					for (k = 1; k <= field_count; k++) {
						f = fields[k]
						scale = (f == 5 || f == 6) ? 1000 : 1
						v = median(values[db, mode, f]) / scale; l = low / scale; h = high / scale
						format = (f == 4 || f == 7) ? "%.0f (%.0f-%.0f)" : (f == 10) ? "%.1f (%.1f-%.1f)" : "%.2f (%.2f-%.2f)"
						line = line " | " sprintf(format, v, l, h)
						if (f != 8) {
							ratios = ""
							for (r = 1; r <= rounds; r++) ratios = ratios " " figure[db, mode, r, f] / figure[db, "absent", r, f]
							line = line sprintf(" | %.3f (%.3f-%.3f)", median(ratios), low, high)
						}
					}
					print line " | " share[db, mode] " |"
				}
			}
		}' "$shares" "$results"
}

# One markdown table per database for the rounds that loaded the applications at once: the CPU time per request
# of each, its median ratio to the absent application's in the same round, and the capacity that follows (requests per
# second of the application's CPU, the inverse of the CPU time per request), as a ratio to the absent one's
table_together() {
	awk -v rounds="$together_rounds" -v mode_list="${modes[*]}" "$awk_median"'
		{ rps[$1, $2] = rps[$1, $2] " " $4; cpu[$1, $2] = cpu[$1, $2] " " $7; figure[$1, $2, $3] = $7
		  nojit[$1, $2] = nojit[$1, $2] " " $9; nojit_figure[$1, $2, $3] = $9
		  allocated[$1, $2] = allocated[$1, $2] " " $10; allocated_figure[$1, $2, $3] = $10
		  if (!($3 in seen_round)) { seen_round[$3] = 1; round_names[++round_count] = $3 }
		  if (!($1 in seen)) { seen[$1] = 1; order[++count] = $1 } }
		END {
			mode_count = split(mode_list, modes, " ")
			for (d = 1; d <= count; d++) {
				db = order[d]
				printf "\n%s, the %d applications loaded at once on the same CPU, median of %d rounds (min-max)\n\n", (db == "h2") ? "H2 (in memory)" : "PostgreSQL", mode_count, rounds
				print "| mode | requests/s | app CPU µs/request | ÷ absent | capacity (requests per CPU second) ÷ absent | without the JIT compiler threads, µs/request | ÷ absent | allocated KB/request | ÷ absent |"
				print "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
				for (m = 1; m <= mode_count; m++) {
					mode = modes[m]
					line = sprintf("| %s | %.0f (%.0f-%.0f)", mode, median(rps[db, mode]), low, high)
					line = line sprintf(" | %.0f (%.0f-%.0f)", median(cpu[db, mode]), low, high)
					ratios = ""; capacities = ""; nojit_ratios = ""; allocated_ratios = ""
					for (r = 1; r <= round_count; r++) {
						name = round_names[r]
						if ((db, mode, name) in figure) {
							ratio = figure[db, mode, name] / figure[db, "absent", name]
							ratios = ratios " " ratio; capacities = capacities " " 1 / ratio
							nojit_ratios = nojit_ratios " " nojit_figure[db, mode, name] / nojit_figure[db, "absent", name]
							allocated_ratios = allocated_ratios " " allocated_figure[db, mode, name] / allocated_figure[db, "absent", name]
						}
					}
					line = line sprintf(" | %.3f (%.3f-%.3f)", median(ratios), low, high)
					line = line sprintf(" | %.3f (%.3f-%.3f)", median(capacities), low, high)
					line = line sprintf(" | %.0f (%.0f-%.0f)", median(nojit[db, mode]), low, high)
					line = line sprintf(" | %.3f (%.3f-%.3f)", median(nojit_ratios), low, high)
					line = line sprintf(" | %.1f (%.1f-%.1f)", median(allocated[db, mode]), low, high)
					line = line sprintf(" | %.3f (%.3f-%.3f)", median(allocated_ratios), low, high)
					print line " |"
				}
			}
		}' "$together_results"
}

# With several applications without the library (absent-2, control...), one markdown table per database and phase
# (the rounds alone, the rounds at once) that compares JVMs: in each round, each application's requests per second,
# CPU time and bytes allocated per request divided by the median of the applications without the library in that
# round; each application's median over the rounds; and per mode, the median across its JVMs with each JVM's figure.
# The spread of the applications without the library is what two JVMs of the same jar differ by; a mode's median across
# JVMs divided by theirs is its cost
table_jvms() {
	local file="$1" phase="$2"
	awk -v mode_list="${modes[*]}" -v phase="$phase" "$awk_median"'
		{ instance = $2; base = instance; sub(/-[0-9]+$/, "", base)
		  rps[$1, $3, instance] = $4; cpu[$1, $3, instance] = $7; allocated[$1, $3, instance] = $10
		  if (base == "absent" || base == "control") { rps_pool[$1, $3] = rps_pool[$1, $3] " " $4; cpu_pool[$1, $3] = cpu_pool[$1, $3] " " $7; allocated_pool[$1, $3] = allocated_pool[$1, $3] " " $10 }
		  if (!($3 in seen_round)) { seen_round[$3] = 1; round_names[++round_count] = $3 }
		  if (!($1 in seen)) { seen[$1] = 1; order[++count] = $1 } }
		END {
			instance_count = split(mode_list, instances, " ")
			base_count = 0
			for (i = 1; i <= instance_count; i++) {
				base = instances[i]; sub(/-[0-9]+$/, "", base)
				if (base == "control") base = "absent"
				if (!(base in seen_base)) { seen_base[base] = 1; bases[++base_count] = base }
				group[instances[i]] = base
			}
			for (d = 1; d <= count; d++) {
				db = order[d]
				for (i = 1; i <= instance_count; i++) {
					instance = instances[i]; rps_ratios = ""; cpu_ratios = ""; allocated_ratios = ""
					for (r = 1; r <= round_count; r++) {
						name = round_names[r]
						rps_ratios = rps_ratios " " rps[db, name, instance] / median(rps_pool[db, name])
						cpu_ratios = cpu_ratios " " cpu[db, name, instance] / median(cpu_pool[db, name])
						allocated_ratios = allocated_ratios " " allocated[db, name, instance] / median(allocated_pool[db, name])
					}
					rps_of[instance] = median(rps_ratios); cpu_of[instance] = median(cpu_ratios); allocated_of[instance] = median(allocated_ratios)
				}
				printf "\n%s, the %d applications %s, each round against the median of the applications without the library in it; medians over %d rounds\n\n", (db == "h2") ? "H2 (in memory)" : "PostgreSQL", instance_count, phase, round_count
				print "| mode | JVMs | requests/s ÷ without the library (min-max) | CPU µs/request ÷ without the library, median across JVMs (min-max) | each JVM | ÷ the JVMs without the library | allocated KB/request ÷ without the library (min-max) | each JVM |"
				print "|---|---:|---:|---:|---|---:|---:|---|"
				for (b = 1; b <= base_count; b++) {
					jvms = 0; rps_list = ""; cpu_list = ""; allocated_list = ""; each_cpu = ""; each_allocated = ""
					for (i = 1; i <= instance_count; i++) {
						instance = instances[i]
						if (group[instance] != bases[b]) continue
						jvms++; rps_list = rps_list " " rps_of[instance]; cpu_list = cpu_list " " cpu_of[instance]; allocated_list = allocated_list " " allocated_of[instance]
						each_cpu = each_cpu sprintf("%s%s %.3f", (jvms > 1) ? ", " : "", instance, cpu_of[instance])
						each_allocated = each_allocated sprintf("%s%s %.3f", (jvms > 1) ? ", " : "", instance, allocated_of[instance])
					}
					group_rps = median(rps_list); rps_low = low; rps_high = high
					group_cpu[bases[b]] = median(cpu_list); cpu_low = low; cpu_high = high
					group_allocated = median(allocated_list); allocated_low = low; allocated_high = high
					printf "| %s | %d | %.3f (%.3f-%.3f) | %.3f (%.3f-%.3f) | %s | %.3f | %.3f (%.3f-%.3f) | %s |\n", bases[b], jvms, group_rps, rps_low, rps_high, group_cpu[bases[b]], cpu_low, cpu_high, each_cpu, group_cpu[bases[b]] / group_cpu["absent"], group_allocated, allocated_low, allocated_high, each_allocated
				}
			}
		}' "$file"
}

[[ "${modes[0]:-}" == absent ]] || fail "QB_LOAD_MODES must start with absent, the baseline of every ratio"
[[ " listed reverse " == *" ${QB_LOAD_START_ORDER:-listed} "* ]] || fail "QB_LOAD_START_ORDER must be listed or reverse"
[[ "$warmup" =~ ^[0-9]+$ && "$warmup_slice" =~ ^[1-9][0-9]*$ && "$warmup_min" =~ ^[0-9]+$ ]] ||
	fail "QB_LOAD_WARMUP, QB_LOAD_WARMUP_SLICE and QB_LOAD_WARMUP_MIN are whole seconds (600, 60 and 180, say)"
[[ "$settled_percent" =~ ^[0-9]+([.][0-9]+)?$ ]] || fail "QB_LOAD_SETTLED is a percentage (2, say)"
warmup_slices=$(((warmup + warmup_slice - 1) / warmup_slice))
declare -A seen_modes
for mode in "${modes[@]}"; do
	check_mode_name "$mode"
	[[ -z "${seen_modes[$mode]:-}" ]] || fail "mode '$mode' is listed twice"
	seen_modes[$mode]=1
done
command -v wrk >/dev/null || fail "wrk is not installed (apt-get install -y wrk)"
command -v jq >/dev/null || fail "jq is not installed (apt-get install -y jq)"
command -v jcmd >/dev/null && command -v jfr >/dev/null && command -v jstat >/dev/null ||
	fail "jcmd, jfr and jstat, from the JDK, are not on the PATH"
# Execution samples only, every millisecond of a running Java thread
cat >"$work/sampling.jfc" <<'JFC'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0" label="Query Budget load run">
  <event name="jdk.ExecutionSample"><setting name="enabled">true</setting><setting name="period">1 ms</setting></event>
</configuration>
JFC
build_jar
if [[ " $databases " == *" postgres "* && -z "${QB_LOAD_POSTGRES_URL:-}" ]]; then
	ensure_database qb_overhead
fi
echo "Load: wrk -t$threads -c$connections; the ${#modes[@]} applications started in the order ${start_order[*]} and warmed up alone in slices of $warmup_slice s, each for $warmup_min to $warmup s, until its JIT threads take under $settled_percent% of its CPU; $rounds rounds of $duration per mode alone, $pause s apart; $together_rounds rounds of $duration with them at once; JVM ${java_opts[*]}" >&2
echo "CPUs: the applications on ${app_cpus:-any}, wrk on ${wrk_cpus:-any}" >&2
echo "Machine: $(nproc) CPUs, $(java -version 2>&1 | head -n 1), load average at start: $(cut -d ' ' -f 1-3 /proc/loadavg)" >&2
for database in $databases; do
	echo "$database:" >&2
	for mode in "${start_order[@]}"; do
		start "$database" "$mode"
	done
	# Each warmed up alone, with the whole CPU (sharing it, each would serve a fraction of the requests, and its JIT
	# compiler would settle several times later), in slices taken in turn: the machine itself gets faster as it warms
	# (the database's caches), and an application warmed up whole before the others would serve fewer requests and
	# compile less than they do
	settled_after=()
	for ((slice = 1; slice <= warmup_slices; slice++)); do
		compiling=0
		for mode in "${start_order[@]}"; do
			[[ -z "${settled_after[$mode]:-}" ]] || continue
			load "$database" "$mode" "${warmup_slice}s" warmup
			warm_jit[$mode]="$last_jit_percent"
			if ((slice * warmup_slice >= warmup_min)) && awk -v p="$last_jit_percent" -v s="$settled_percent" 'BEGIN { exit !(p < s) }'; then
				settled_after[$mode]=$((slice * warmup_slice))
				echo "  $mode: settled after $((slice * warmup_slice)) s of warm-up ($last_jit_percent% of its CPU in JIT threads)" >&2
			else
				compiling=1
			fi
		done
		((compiling)) || break
	done
	for mode in "${modes[@]}"; do
		[[ -n "${settled_after[$mode]:-}" ]] ||
			echo "  $mode: still compiling after $warmup s of warm-up (${warm_jit[$mode]}% of its CPU in JIT threads)" >&2
	done
	for mode in "${modes[@]}"; do
		check_meters "$database" "$mode" "${ports[$mode]}"
	done
	for ((round = 1; round <= rounds; round++)); do
		for ((i = 0; i < ${#modes[@]}; i++)); do
			mode="${modes[$(((round - 1 + i) % ${#modes[@]}))]}"
			# The application loaded before may still be finishing what its load left (a compilation, a
			# collection): the pause keeps that off the next one's seconds
			sleep "$pause"
			load "$database" "$mode" "$duration" "$round"
		done
	done
	for ((round = 1; round <= together_rounds; round++)); do
		load_together "$database" "$duration" "together-$round"
	done
	# Last, so that sampling every millisecond (which costs each application in proportion to its stacks' depth, not
	# the library's cost) slows no measured round
	for mode in "${modes[@]}"; do
		jcmd "${pids[$mode]}" JFR.start name=qb-load settings="$work/sampling.jfc" >/dev/null ||
			fail "$database/$mode: cannot start the flight recording"
		load "$database" "$mode" "$duration" sampled
		library_share "$database" "$mode"
	done
	stop_all
done
echo "Load average at end: $(cut -d ' ' -f 1-3 /proc/loadavg); logs in $work" >&2
table
((together_rounds == 0)) || table_together
library_free=0
for mode in "${modes[@]}"; do
	[[ " absent control " != *" $(base_mode "$mode") "* ]] || library_free=$((library_free + 1))
done
if ((library_free >= 2)); then
	table_jvms "$results" "each loaded alone in turn"
	((together_rounds == 0)) || table_jvms "$together_results" "loaded at once"
fi

#!/usr/bin/env bash
# Overhead of Query Budget without the JVM-to-JVM lottery: two applications of the sample, one in each mode of a pair,
# run in ONE JVM (SharedJvmLauncher starts both from the sample's jar), each on its own port and its own PostgreSQL
# database, and are loaded at once by two wrk processes with the fixed mix of run-load.sh. They run the same compiled
# code, so whatever the JIT compiler made of its warm-up falls on both alike; the CPU time each one's Tomcat threads
# spent (from /proc/PID/task/TID/schedstat, in nanoseconds; the threads are named after the port) divided by its
# requests is what serving a request cost it, and the ratio of the two in the same seconds is the library's cost in
# CPU. What this leaves out, the separate JVMs of run-load.sh include: the garbage collector's and the JIT compiler's
# threads, which both applications share, and whatever the library's classes being loaded changes in the code the JIT
# compiler makes for the application's own classes (both applications run that code), and what the library registers
# JVM-wide (its accessor in Micrometer's global ContextRegistry, used only when a context is captured for another thread).
#
# Each pair runs in a JVM of its own; a pair and its reverse (absent/record, record/absent) cancel whatever the order
# costs, and absent/control, two applications without the library, measures the method's own error.
#
# Usage: budget-benchmarks/load/run-shared-jvm.sh   (from anywhere; 15 to 22 minutes a pair with the defaults)
# The java and javac on the PATH run it: PATH=/usr/lib/jvm/temurin-25-jdk-amd64/bin:$PATH measures on JDK 25.
# Environment (defaults in brackets):
#   QB_SHARED_PAIRS "absent/record record/absent absent/control": FIRST/SECOND, the first started first; modes as in
#   run-load.sh (absent, control, proxy, scopes, meters, statements, record, diagnosis)
#   QB_SHARED_WARMUP 900: the most seconds of warm-up, both applications loaded at once, in slices of 60 s; it stops
#   after QB_SHARED_WARMUP_MIN 300 seconds once the JIT compiler threads took less than QB_SHARED_SETTLED 2 percent of
#   the JVM's CPU in the last slice
#   QB_SHARED_ROUNDS 15 rounds of QB_SHARED_DURATION 20 seconds, both applications loaded at once
#   QB_LOAD_THREADS 1   QB_LOAD_CONNECTIONS 16 (per wrk)   QB_LOAD_JAVA_OPTS "-Xms1g -Xmx1g -XX:+UseParallelGC"
#   QB_LOAD_APP_CPUS [the last CPU] and QB_LOAD_WRK_CPUS [the others]: taskset CPU lists
#   QB_LOAD_START_TIMEOUT [300] seconds for the JVM to start both
#   QB_LOAD_BUILD=1 rebuilds the sample jar even when it exists
#   QB_SHARED_PROFILE=1: after the rounds, one more round of 60 s under async-profiler (fetched from Maven Central),
#   its CPU samples split by application and by the code they were in, per 1,000 requests: where the difference goes
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lua="$root/budget-benchmarks/load/fixed-mix.lua"
jar="$root/budget-sample-app/target/budget-sample-app.jar"
# shellcheck source=common.sh
source "$root/budget-benchmarks/load/common.sh"
read -r -a pairs <<<"${QB_SHARED_PAIRS:-absent/record record/absent absent/control}"
warmup="${QB_SHARED_WARMUP:-900}"
warmup_min="${QB_SHARED_WARMUP_MIN:-300}"
settled_percent="${QB_SHARED_SETTLED:-2}"
rounds="${QB_SHARED_ROUNDS:-15}"
duration="${QB_SHARED_DURATION:-20}"
threads="${QB_LOAD_THREADS:-1}"
connections="${QB_LOAD_CONNECTIONS:-16}"
start_timeout="${QB_LOAD_START_TIMEOUT:-300}"
read -r -a java_opts <<<"${QB_LOAD_JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC}"
cpus="$(nproc)"
app_pin=()
wrk_pin=()
if ((cpus > 1)); then
	app_pin=(taskset -c "${QB_LOAD_APP_CPUS:-$((cpus - 1))}")
	wrk_pin=(taskset -c "${QB_LOAD_WRK_CPUS:-$( ((cpus == 2)) && echo 0 || echo "0-$((cpus - 2))")}")
fi
databases=(qb_overhead qb_overhead_2)
profile="${QB_SHARED_PROFILE:-0}"
profiler_version=4.1
work="$(mktemp -d -t qb-shared.XXXXXX)"
results="$work/results.txt"
pid=""

stop() {
	[[ -z "$pid" ]] || { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
	pid=""
}
trap stop EXIT

# A free TCP port: Tomcat names its threads after the port (http-nio-PORT-exec-N), which tells the two applications'
# threads apart
free_port() {
	local port
	while :; do
		port=$((20000 + RANDOM % 40000))
		ss -Htln "sport = :$port" | grep -q . || { echo "$port"; return; }
	done
}

# The CPU nanoseconds the JVM's threads have spent so far: "first second jit other", the first two those of the threads
# named after each application's port (its connector's acceptor, poller and request threads)
cpu_snapshot() {
	local task name ns first=0 second=0 jit=0 other=0
	for task in /proc/"$pid"/task/*; do
		name="$(cat "$task/comm" 2>/dev/null)" && read -r ns _ <"$task/schedstat" 2>/dev/null || continue
		case "$name" in
			http-nio-"$1"*) first=$((first + ns)) ;;
			http-nio-"$2"*) second=$((second + ns)) ;;
			C1\ Compiler* | C2\ Compiler*) jit=$((jit + ns)) ;;
			*) other=$((other + ns)) ;;
		esac
	done
	echo "$first $second $jit $other"
}

wrk_run() {
	"${wrk_pin[@]}" wrk -t"$threads" -c"$connections" -d"$2s" --timeout 10s -s "$lua" "http://127.0.0.1:$1"
}

# Loads both applications at once for $3 seconds; prints "requests_first requests_second first_ns second_ns jit_ns
# other_ns", failing on any failed request
load_both() {
	local first_port="$1" second_port="$2" length="$3" before after w1 w2 line r1 r2 out
	before="$(cpu_snapshot "$first_port" "$second_port")"
	wrk_run "$first_port" "$length" >"$work/wrk-1.out" &
	w1=$!
	wrk_run "$second_port" "$length" >"$work/wrk-2.out" &
	w2=$!
	wait "$w1" && wait "$w2" || fail "wrk failed: $(cat "$work/wrk-1.out" "$work/wrk-2.out")"
	after="$(cpu_snapshot "$first_port" "$second_port")"
	for out in "$work/wrk-1.out" "$work/wrk-2.out"; do
		line="$(grep '^RESULT ' "$out")" || fail "no result from wrk: $(cat "$out")"
		[[ "$line" == *" http_errors=0 socket_errors=0"* ]] || fail "failed requests: $line"
	done
	r1="$(sed -nE 's/^RESULT requests=([0-9]+).*/\1/p' "$work/wrk-1.out")"
	r2="$(sed -nE 's/^RESULT requests=([0-9]+).*/\1/p' "$work/wrk-2.out")"
	awk -v r1="$r1" -v r2="$r2" -v before="$before" -v after="$after" 'BEGIN {
		split(before, b, " "); split(after, a, " ")
		printf "%d %d %d %d %d %d\n", r1, r2, a[1] - b[1], a[2] - b[2], a[3] - b[3], a[4] - b[4] }'
}

# Runs one pair in one JVM; appends "pair round first second requests_first requests_second first_us_per_request
# second_us_per_request" to the results
run_pair() {
	local pair="$1" first="${1%/*}" second="${1#*/}" first_port second_port log="$work/${1//\//-}.log" waited=0 started
	local slice figures r1 r2 c1 c2 jit other percent
	first_port="$(free_port)"
	second_port="$(free_port)"
	[[ "$second_port" != "$first_port" ]] || second_port="$(free_port)"
	local common=(--spring.main.banner-mode=off --spring.profiles.active=postgres
		--management.metrics.use-global-registry=false
		--management.endpoints.web.exposure.include=health,prometheus,querybudget,beans)
	# shellcheck disable=SC2046
	SAMPLE_POSTGRES_USER=postgres SAMPLE_POSTGRES_PASSWORD='' \
		"${app_pin[@]}" java "${java_opts[@]}" -Dloader.path="$work/classes" -Dloader.main=SharedJvmLauncher \
		-cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher dev.querybudget.sample.SampleApplication \
		"${common[@]}" --server.port="$first_port" \
		--spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/${databases[0]}" $(mode_args "$first") --next \
		"${common[@]}" --server.port="$second_port" \
		--spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/${databases[1]}" $(mode_args "$second") \
		>"$log" 2>&1 &
	pid=$!
	until started="$(grep -c 'Tomcat started on port' "$log" 2>/dev/null)" && ((started == 2)); do
		kill -0 "$pid" 2>/dev/null || fail "$pair did not start; see $log"
		((waited++ < 2 * start_timeout)) || fail "$pair did not start within $start_timeout s; see $log"
		sleep 0.5
	done
	echo "$pair: one JVM (pid $pid)" >&2
	check_mode postgres "$first" "$first_port"
	check_mode postgres "$second" "$second_port"
	for ((slice = 1; slice * 60 <= warmup; slice++)); do
		read -r r1 r2 c1 c2 jit other <<<"$(load_both "$first_port" "$second_port" 60)"
		percent="$(awk -v j="$jit" -v t="$((c1 + c2 + jit + other))" 'BEGIN { printf "%.1f", 100 * j / t }')"
		echo "  warm-up $((slice * 60)) s: $r1 and $r2 requests, JIT compiler threads $percent% of the CPU" >&2
		if ((slice * 60 >= warmup_min)) && awk -v p="$percent" -v s="$settled_percent" 'BEGIN { exit !(p < s) }'; then
			break
		fi
	done
	check_meters postgres "$first" "$first_port"
	check_meters postgres "$second" "$second_port"
	for ((round = 1; round <= rounds; round++)); do
		figures="$(load_both "$first_port" "$second_port" "$duration")"
		read -r r1 r2 c1 c2 jit other <<<"$figures"
		awk -v pair="$pair" -v first="$first" -v second="$second" -v round="$round" -v f="$figures" 'BEGIN {
			split(f, v, " ")
			printf "%s %d %s %s %d %d %.1f %.1f\n", pair, round, first, second, v[1], v[2], v[3] / 1000 / v[1], v[4] / 1000 / v[2] }' |
			tee -a "$results" >&2
		echo "    JIT compiler threads $((jit / 1000000)) ms, other threads (collector, database pools...) $((other / 1000000)) ms" >&2
	done
	((profile == 0)) || profile_round "$pair" "$first_port" "$second_port"
	stop
}

# One more round of 60 s under async-profiler, sampling the CPU time of every thread; prints, per application, the
# samples of its connector's threads per 1,000 requests, by the code of the innermost frame outside the JDK and
# Micrometer (so that recording the library's meters counts as the library's)
profile_round() {
	local pair="$1" first_port="$2" second_port="$3" samples="$work/${1//\//-}.collapsed" r1 r2
	jcmd "$pid" JVMTI.agent_load "$work/async-profiler/linux-x64/libasyncProfiler.so" \
		"\"start,event=itimer,interval=1ms,timeout=60,threads,collapsed,file=$samples\"" >/dev/null ||
		fail "$pair: cannot start async-profiler"
	read -r r1 r2 _ <<<"$(load_both "$first_port" "$second_port" 60)"
	sleep 2
	echo "  $pair, profiled for 60 s: samples per 1,000 requests of each application's connector threads" >&2
	awk -v first="http-nio-$first_port" -v second="http-nio-$second_port" -v r1="$r1" -v r2="$r2" '
		function part(frame) {
			if (frame ~ /^dev\/querybudget\/sample\//) return "the sample'"'"'s code"
			if (frame ~ /^(dev\/querybudget|net\/ttddyy)\//) return "Query Budget and datasource-proxy"
			if (frame ~ /^org\/hibernate\//) return "Hibernate"
			if (frame ~ /^org\/postgresql\//) return "PostgreSQL driver"
			if (frame ~ /^org\/springframework\//) return "Spring"
			if (frame ~ /^org\/apache\//) return "Tomcat"
			if (frame ~ /^com\/zaxxer\//) return "Hikari"
			if (frame ~ /^(com\/fasterxml|tools\/jackson)\//) return "Jackson"
			return ""
		}
		{
			app = (index($0, "[" first "-") == 1) ? 1 : (index($0, "[" second "-") == 1) ? 2 : 0
			if (app == 0) next
			n = $NF; sub(/ [0-9]+$/, "")
			count = split($0, frames, ";"); name = "JDK and native"
			for (i = count; i > 1; i--) { p = part(frames[i]); if (p != "") { name = p; break } }
			if (!(name in seen)) { seen[name] = 1; names[++kinds] = name }
			samples[app, name] += n; total[app] += n
		}
		END {
			printf "    | code | first | second | second - first |\n    |---|---:|---:|---:|\n"
			for (k = 1; k <= kinds; k++) {
				a = 1000 * samples[1, names[k]] / r1; b = 1000 * samples[2, names[k]] / r2
				printf "    | %s | %.1f | %.1f | %+.1f |\n", names[k], a, b, b - a
			}
			a = 1000 * total[1] / r1; b = 1000 * total[2] / r2
			printf "    | all | %.1f | %.1f | %+.1f (%+.1f%%) |\n", a, b, b - a, 100 * (b - a) / a
		}' "$samples" >&2
}

# One table: per pair, each application's CPU per request and the second's over the first's in the same seconds; per
# mode, that ratio oriented against the application without the library, over the rounds of every pair it ran in
table() {
	awk '
		function median(list,    n, a, i, j, t) {
			n = split(list, a, " ")
			for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
			low = a[1]; high = a[n]
			return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
		}
		function free(mode) { sub(/-[0-9]+$/, "", mode); return mode == "absent" || mode == "control" }
		{
			if (!($1 in seen)) { seen[$1] = 1; order[++count] = $1; first[$1] = $3; second[$1] = $4 }
			rps1[$1] = rps1[$1] " " $5; rps2[$1] = rps2[$1] " " $6
			cpu1[$1] = cpu1[$1] " " $7; cpu2[$1] = cpu2[$1] " " $8; ratio[$1] = ratio[$1] " " $8 / $7
			if (free($3) && !free($4)) { mode = $4; oriented = $8 / $7 }
			else if (!free($3) && free($4)) { mode = $3; oriented = $7 / $8 }
			else next
			if (!(mode in seen_mode)) { seen_mode[mode] = 1; modes[++mode_count] = mode }
			against[mode] = against[mode] " " oriented; pairs_of[mode] = pairs_of[mode] ((index(pairs_of[mode], $1) == 0) ? " " $1 : "")
		}
		END {
			print "| pair (first/second) | requests per round, first | second | CPU µs/request, first | second | second ÷ first (min-max) |"
			print "|---|---:|---:|---:|---:|---:|"
			for (p = 1; p <= count; p++) {
				name = order[p]
				line = sprintf("| %s | %.0f", name, median(rps1[name]))
				line = line sprintf(" | %.0f", median(rps2[name]))
				line = line sprintf(" | %.0f (%.0f-%.0f)", median(cpu1[name]), low, high)
				line = line sprintf(" | %.0f (%.0f-%.0f)", median(cpu2[name]), low, high)
				line = line sprintf(" | **%.3f** (%.3f-%.3f)", median(ratio[name]), low, high)
				print line " |"
			}
			if (mode_count == 0) exit
			print ""
			print "| mode | pairs | CPU per request ÷ the application without the library in the same JVM, median of the rounds (min-max) |"
			print "|---|---|---:|"
			for (m = 1; m <= mode_count; m++) {
				mode = modes[m]
				printf "| %s |%s | **%.3f** (%.3f-%.3f) |\n", mode, pairs_of[mode], median(against[mode]), low, high
			}
		}' "$results"
}

for pair in "${pairs[@]}"; do
	[[ "$pair" == */* && "$pair" != */*/* ]] || fail "a pair is FIRST/SECOND, absent/record say: '$pair'"
	check_mode_name "${pair%/*}"
	check_mode_name "${pair#*/}"
done
[[ "$warmup" =~ ^[0-9]+$ && "$warmup_min" =~ ^[0-9]+$ && "$rounds" =~ ^[1-9][0-9]*$ && "$duration" =~ ^[1-9][0-9]*$ ]] ||
	fail "QB_SHARED_WARMUP, QB_SHARED_WARMUP_MIN, QB_SHARED_ROUNDS and QB_SHARED_DURATION are whole numbers"
for tool in wrk jq javac ss; do
	command -v "$tool" >/dev/null || fail "$tool is not installed"
done
build_jar
for database in "${databases[@]}"; do
	ensure_database "$database"
done
javac -d "$work/classes" "$root/budget-benchmarks/load/SharedJvmLauncher.java"
if ((profile)); then
	(cd "$root" && ./mvnw -B -q -N dependency:copy -DoutputDirectory="$work" \
		-Dartifact="tools.profiler:async-profiler:$profiler_version:jar:linux-x64") ||
		fail "cannot fetch async-profiler $profiler_version"
	mkdir -p "$work/async-profiler"
	(cd "$work/async-profiler" && jar xf "../async-profiler-$profiler_version-linux-x64.jar")
fi
echo "Shared JVM: wrk -t$threads -c$connections per application; warm-up at once for $warmup_min to $warmup s until the JIT threads take under $settled_percent% of the CPU; $rounds rounds of $duration s; JVM ${java_opts[*]}" >&2
echo "Machine: $cpus CPUs, $(java -version 2>&1 | head -n 1), load average at start: $(cut -d ' ' -f 1-3 /proc/loadavg)" >&2
for pair in "${pairs[@]}"; do
	run_pair "$pair"
done
echo "Load average at end: $(cut -d ' ' -f 1-3 /proc/loadavg); logs in $work" >&2
table

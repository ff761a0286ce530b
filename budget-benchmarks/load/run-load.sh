#!/usr/bin/env bash
# Overhead of Query Budget under load: the sample application's throughput and latency (P50, P99) under a fixed wrk
# load, with the library absent, in record mode, and with diagnosis on, over PostgreSQL and over in-memory H2 (the
# worst case: no network, so the library's share of each request is largest). Prints one markdown table per database,
# with every figure as a median over the rounds, its spread (min-max), and its ratio to the absent run.
#
# Method: per database, one application per mode is started (sequentially, each on a free port) and warmed up; then
# every round measures each mode in turn, rotating the order from round to round, so that the noise of a shared
# machine falls on every mode alike. The idle applications wait while another is measured.
#
# Modes:
#   absent     query-budget.enabled=false: no DataSource proxy, no filter, no meters, no endpoint, no Hibernate
#              integration (checked on startup through the beans endpoint)
#   record     query-budget.mode=record, without the Hibernate attribution (QueryBudgetOrmAutoConfiguration excluded)
#   diagnosis  the sample as it ships: mode log, the Hibernate attribution, meters and endpoint
#
# Usage: budget-benchmarks/load/run-load.sh   (from anywhere; about 12 minutes with the defaults)
# Environment (defaults in brackets):
#   QB_LOAD_DATABASES "postgres h2"   QB_LOAD_ROUNDS 3   QB_LOAD_WARMUP 30s   QB_LOAD_DURATION 25s
#   QB_LOAD_THREADS 2   QB_LOAD_CONNECTIONS 16   QB_LOAD_JAVA_OPTS "-Xms512m -Xmx512m -XX:+UseParallelGC"
#   QB_LOAD_POSTGRES_URL [jdbc:postgresql://127.0.0.1:5432/qb_overhead]   QB_LOAD_POSTGRES_USER [postgres]
#   QB_LOAD_POSTGRES_PASSWORD []   QB_LOAD_START_TIMEOUT [300] seconds for an application to start
#   QB_LOAD_BUILD=1 rebuilds the sample jar even when it exists
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lua="$root/budget-benchmarks/load/fixed-mix.lua"
jar="$root/budget-sample-app/target/budget-sample-app.jar"
databases="${QB_LOAD_DATABASES:-postgres h2}"
rounds="${QB_LOAD_ROUNDS:-3}"
warmup="${QB_LOAD_WARMUP:-30s}"
duration="${QB_LOAD_DURATION:-25s}"
threads="${QB_LOAD_THREADS:-2}"
connections="${QB_LOAD_CONNECTIONS:-16}"
start_timeout="${QB_LOAD_START_TIMEOUT:-300}"
read -r -a java_opts <<<"${QB_LOAD_JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseParallelGC}"
modes=(absent record diagnosis)
work="$(mktemp -d -t qb-load.XXXXXX)"
results="$work/results.txt"
declare -A pids ports

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

fail() {
	echo "run-load.sh: $*" >&2
	exit 1
}

mode_args() {
	case "$1" in
		absent) echo "--query-budget.enabled=false" ;;
		record) echo "--query-budget.mode=record --spring.autoconfigure.exclude=dev.querybudget.autoconfigure.orm.QueryBudgetOrmAutoConfiguration" ;;
		diagnosis) echo "" ;;
	esac
}

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
		java "${java_opts[@]}" -jar "$jar" --server.port=0 --spring.main.banner-mode=off \
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

# Fails unless the application runs the parts of the library its mode names, and no others
check_mode() {
	local database="$1" mode="$2" base="http://127.0.0.1:$3" beans library orm datasource
	beans="$(curl -fsS "$base/actuator/beans")"
	library="$(jq '[.contexts[].beans[] | .type | select(startswith("dev.querybudget.") and (startswith("dev.querybudget.sample.") | not))] | length' <<<"$beans")"
	orm="$(jq '[.contexts[].beans[] | .type | select(startswith("dev.querybudget.autoconfigure.orm."))] | length' <<<"$beans")"
	datasource="$(jq -r '[.contexts[].beans.dataSource.type // empty] | first' <<<"$beans")"
	case "$mode" in
		absent)
			[[ "$library" == 0 && "$datasource" != *dsproxy* ]] ||
				fail "$database/$mode: $library Query Budget beans, DataSource $datasource; expected none and no proxy"
			;;
		record)
			[[ "$library" -gt 0 && "$orm" == 0 && "$datasource" == *dsproxy* ]] ||
				fail "$database/$mode: $library Query Budget beans ($orm Hibernate ones), DataSource $datasource"
			;;
		diagnosis)
			[[ "$orm" -gt 0 && "$datasource" == *dsproxy* ]] ||
				fail "$database/$mode: $orm Hibernate integration beans, DataSource $datasource"
			;;
	esac
	echo "  $mode: port $3, $library Query Budget beans ($orm of the Hibernate attribution), DataSource $datasource" >&2
}

# After the warm-up: fails unless the meters of the library have recorded the requests, or are absent when it is
check_meters() {
	local database="$1" mode="$2" scopes
	scopes="$(curl -fsS "http://127.0.0.1:${ports[$mode]}/actuator/prometheus" |
		awk '/^query_budget_scope_statements_count\{.*kind="request"/ { total += $NF } END { printf "%d", total }')"
	if [[ "$mode" == absent ]]; then
		[[ "$scopes" == 0 ]] || fail "$database/$mode: $scopes request scopes in the meters; expected none"
	else
		[[ "$scopes" -gt 0 ]] || fail "$database/$mode: no request scope in the meters after the warm-up"
	fi
	echo "  $mode: $scopes request scopes in query_budget_scope_statements_count" >&2
}

# Runs wrk against one application; appends "database mode round rps p50_us p99_us" to the results
load() {
	local database="$1" mode="$2" length="$3" round="$4" output line
	output="$(wrk -t"$threads" -c"$connections" -d"$length" --timeout 10s -s "$lua" "http://127.0.0.1:${ports[$mode]}")"
	line="$(grep '^RESULT ' <<<"$output")" || fail "$database/$mode: no result from wrk: $output"
	[[ "$line" == *" http_errors=0 socket_errors=0"* ]] || fail "$database/$mode: failed requests: $line"
	if [[ "$round" != warmup ]]; then
		awk -v d="$database" -v m="$mode" -v r="$round" '{
			for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
			print d, m, r, v["rps"], v["p50_us"], v["p99_us"]
		}' <<<"$line" >>"$results"
	fi
	echo "  $round $mode: $line" >&2
}

# One markdown table per database: medians over the rounds, spread, ratios to the absent run
table() {
	awk -v rounds="$rounds" '
		function median(list,    n, a, i, j, t) {
			n = split(list, a, " ")
			for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
			low = a[1]; high = a[n]
			return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
		}
		{ rps[$1, $2] = rps[$1, $2] " " $4; p50[$1, $2] = p50[$1, $2] " " $5; p99[$1, $2] = p99[$1, $2] " " $6
		  if (!($1 in seen)) { seen[$1] = 1; order[++count] = $1 } }
		END {
			split("absent record diagnosis", modes, " ")
			for (d = 1; d <= count; d++) {
				db = order[d]
				printf "\n%s, median of %d rounds (min-max)\n\n", (db == "h2") ? "H2 (in memory)" : "PostgreSQL", rounds
				print "| mode | requests/s | P50 ms | P99 ms | requests/s ÷ absent | P50 ÷ absent | P99 ÷ absent |"
				print "|---|---:|---:|---:|---:|---:|---:|"
				for (m = 1; m <= 3; m++) {
					mode = modes[m]
					r = median(rps[db, mode]); rl = low; rh = high
					a = median(p50[db, mode]) / 1000; al = low / 1000; ah = high / 1000
					b = median(p99[db, mode]) / 1000; bl = low / 1000; bh = high / 1000
					if (m == 1) { r0 = r; a0 = a; b0 = b }
					printf "| %s | %.0f (%.0f-%.0f) | %.2f (%.2f-%.2f) | %.2f (%.2f-%.2f) | %.3f | %.3f | %.3f |\n",
						mode, r, rl, rh, a, al, ah, b, bl, bh, r / r0, a / a0, b / b0
				}
			}
		}' "$results"
}

command -v wrk >/dev/null || fail "wrk is not installed (apt-get install -y wrk)"
command -v jq >/dev/null || fail "jq is not installed (apt-get install -y jq)"
if [[ ! -f "$jar" || "${QB_LOAD_BUILD:-0}" == 1 ]]; then
	echo "Building the sample application..." >&2
	# An existing repackaged jar is not repackaged again, even when the libraries in it changed: build it anew
	rm -f "$jar"
	(cd "$root" && ./mvnw -B -q -pl budget-sample-app -am -DskipTests package)
fi
echo "Load: wrk -t$threads -c$connections, warm-up $warmup, $rounds rounds of $duration per mode; JVM ${java_opts[*]}" >&2
echo "Machine: $(nproc) CPUs, $(java -version 2>&1 | head -n 1), load average at start: $(cut -d ' ' -f 1-3 /proc/loadavg)" >&2
for database in $databases; do
	echo "$database:" >&2
	for mode in "${modes[@]}"; do
		start "$database" "$mode"
		load "$database" "$mode" "$warmup" warmup
		check_meters "$database" "$mode"
	done
	for ((round = 1; round <= rounds; round++)); do
		for ((i = 0; i < 3; i++)); do
			mode="${modes[$(((round - 1 + i) % 3))]}"
			load "$database" "$mode" "$duration" "$round"
		done
	done
	stop_all
done
echo "Load average at end: $(cut -d ' ' -f 1-3 /proc/loadavg); logs in $work" >&2
table

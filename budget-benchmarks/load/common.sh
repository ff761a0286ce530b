# What run-load.sh and run-shared-jvm.sh share: the modes of the sample application, the check that an application
# runs the parts of the library its mode names, the sample's jar and the PostgreSQL databases. Sourced, not run; the
# sourcing script sets root and jar.

fail() {
	echo "${0##*/}: $*" >&2
	exit 1
}

# The mode an application runs: the name without its -N suffix
base_mode() {
	echo "${1%-[0-9]*}"
}

# Fails unless the mode is one of the known ones, optionally suffixed -2, -3...
check_mode_name() {
	[[ " absent control proxy scopes meters statements record diagnosis " == *" $(base_mode "$1") "* && "$1" =~ ^[a-z]+(-[0-9]+)?$ ]] ||
		fail "unknown mode '$1' (absent, control, proxy, scopes, meters, statements, record or diagnosis, optionally suffixed -2, -3...)"
}

mode_args() {
	case "$(base_mode "$1")" in
		absent | control) echo "--query-budget.enabled=false" ;;
		record) echo "--query-budget.mode=record --spring.autoconfigure.exclude=dev.querybudget.autoconfigure.orm.QueryBudgetOrmAutoConfiguration" ;;
		proxy) echo "--query-budget.mode=record --spring.autoconfigure.exclude=dev.querybudget.autoconfigure.orm.QueryBudgetOrmAutoConfiguration,dev.querybudget.autoconfigure.web.QueryBudgetWebMvcAutoConfiguration" ;;
		scopes) echo "--query-budget.mode=record --query-budget.metrics.enabled=false --spring.autoconfigure.exclude=dev.querybudget.autoconfigure.orm.QueryBudgetOrmAutoConfiguration,dev.querybudget.autoconfigure.actuate.QueryBudgetEndpointAutoConfiguration" ;;
		meters) echo "--query-budget.mode=record --spring.autoconfigure.exclude=dev.querybudget.autoconfigure.orm.QueryBudgetOrmAutoConfiguration,dev.querybudget.autoconfigure.actuate.QueryBudgetEndpointAutoConfiguration" ;;
		# record mode whose scopes record one distribution, their statements: Boot's meter filter turns the DB time timer
		# into a no-op
		statements) echo "--query-budget.mode=record --management.metrics.enable.query.budget.scope.db.time=false --spring.autoconfigure.exclude=dev.querybudget.autoconfigure.orm.QueryBudgetOrmAutoConfiguration" ;;
		diagnosis) echo "" ;;
	esac
}

# Fails unless the application runs the parts of the library its mode names, and no others
check_mode() {
	local database="$1" mode="$2" base="http://127.0.0.1:$3" beans library orm web meters endpoint datasource
	beans="$(curl -fsS "$base/actuator/beans")"
	library="$(jq '[.contexts[].beans[] | .type | select(startswith("dev.querybudget.") and (startswith("dev.querybudget.sample.") | not))] | length' <<<"$beans")"
	orm="$(jq '[.contexts[].beans[] | .type | select(startswith("dev.querybudget.autoconfigure.orm."))] | length' <<<"$beans")"
	web="$(jq '[.contexts[].beans[] | .type | select(startswith("dev.querybudget.autoconfigure.web."))] | length' <<<"$beans")"
	meters="$(jq '[.contexts[].beans[] | .type | select(startswith("dev.querybudget.autoconfigure.metrics."))] | length' <<<"$beans")"
	endpoint="$(jq '[.contexts[].beans[] | .type | select(startswith("dev.querybudget.autoconfigure.actuate."))] | length' <<<"$beans")"
	datasource="$(jq -r '[.contexts[].beans.dataSource.type // empty] | first' <<<"$beans")"
	case "$(base_mode "$mode")" in
		absent | control)
			[[ "$library" == 0 && "$datasource" != *ProxyDataSource* ]] ||
				fail "$database/$mode: $library Query Budget beans, DataSource $datasource; expected none and no proxy"
			;;
		record | statements)
			[[ "$library" -gt 0 && "$orm" == 0 && "$web" -gt 0 && "$datasource" == *ProxyDataSource* ]] ||
				fail "$database/$mode: $library Query Budget beans ($orm Hibernate ones, $web web ones), DataSource $datasource"
			;;
		scopes | meters)
			# neither with the endpoint; the meters in meters mode only
			local with_meters=0
			[[ "$(base_mode "$mode")" == scopes ]] || with_meters=1
			[[ "$library" -gt 0 && "$orm" == 0 && "$web" -gt 0 && "$endpoint" == 0 && $((meters > 0)) == "$with_meters" &&
				"$datasource" == *ProxyDataSource* ]] ||
				fail "$database/$mode: $library Query Budget beans ($orm Hibernate ones, $web web ones, $meters of the meters, $endpoint of the endpoint), DataSource $datasource"
			;;
		proxy)
			[[ "$library" -gt 0 && "$orm" == 0 && "$web" == 0 && "$datasource" == *ProxyDataSource* ]] ||
				fail "$database/$mode: $library Query Budget beans ($orm Hibernate ones, $web web ones), DataSource $datasource"
			;;
		diagnosis)
			[[ "$orm" -gt 0 && "$datasource" == *ProxyDataSource* ]] ||
				fail "$database/$mode: $orm Hibernate integration beans, DataSource $datasource"
			;;
	esac
	echo "  $mode: port $3, $library Query Budget beans ($orm of the Hibernate attribution), DataSource $datasource" >&2
}

# After the warm-up: fails unless the meters of the library have recorded the requests, or have none when it is absent,
# opens no request scope (proxy) or has no meters (scopes)
check_meters() {
	local database="$1" mode="$2" scopes
	scopes="$(curl -fsS "http://127.0.0.1:$3/actuator/prometheus" |
		awk '/^query_budget_scope_statements_count\{.*kind="request"/ { total += $NF } END { printf "%d", total }')"
	if [[ " absent control proxy scopes " == *" $(base_mode "$mode") "* ]]; then
		[[ "$scopes" == 0 ]] || fail "$database/$mode: $scopes request scopes in the meters; expected none"
	else
		[[ "$scopes" -gt 0 ]] || fail "$database/$mode: no request scope in the meters after the warm-up"
	fi
	echo "  $mode: $scopes request scopes in query_budget_scope_statements_count" >&2
}

# Builds the sample's jar when it is missing, or always with QB_LOAD_BUILD=1
build_jar() {
	if [[ ! -f "$jar" || "${QB_LOAD_BUILD:-0}" == 1 ]]; then
		echo "Building the sample application..." >&2
		# An existing repackaged jar is not repackaged again, even when the libraries in it changed: build it anew
		rm -f "$jar"
		(cd "$root" && ./mvnw -B -q -pl budget-sample-app -am -DskipTests package)
	fi
}

# Creates a database on the local PostgreSQL unless it exists
ensure_database() {
	psql -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname = '$1'" | grep -q 1 ||
		createdb -h 127.0.0.1 -U postgres "$1" || fail "cannot create the database $1"
}

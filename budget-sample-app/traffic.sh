#!/usr/bin/env bash
# Drives every route of the sample app, naive and fixed, so that the log shows the reports and the metrics have data.
# Usage: budget-sample-app/traffic.sh [base URL] [rounds]   (defaults: http://localhost:8080, 1)
set -euo pipefail
base="${1:-http://localhost:8080}"
rounds="${2:-1}"

call() {
	local method="$1" path="$2"
	shift 2
	printf '%-6s %-45s %s\n' "$method" "$path" "$(curl -sS -o /dev/null -w '%{http_code}' -X "$method" "$@" "$base$path")"
}

refresh_token() {
	curl -sS -X POST -H "X-User: $1" "$base/auth/login" | sed -E 's/.*"refreshToken":"([^"]+)".*/\1/'
}

for _ in $(seq 1 "$rounds"); do
	for variant in naive fixed; do
		call GET "/$variant/profiles/alice?viewer=player02"
		call GET "/$variant/registrations?page=0"
		call GET "/$variant/tournaments?page=0"
		call GET "/$variant/leaderboards/valorant?page=0"
		call GET "/$variant/organizers/org01/dashboard"
		call GET "/$variant/auth/profile" -H 'X-User: alice'
		call POST "/$variant/auth/token/refresh" -H 'Content-Type: application/json' \
			-d "{\"refreshToken\":\"$(refresh_token player03)\"}"
		call PUT "/$variant/settings/privacy" -H 'X-User: player05' -H 'Content-Type: application/json' \
			-d '{"showGamePassports":true,"showFollowers":true}'
	done
	call GET "/admin/users?page=0"
done

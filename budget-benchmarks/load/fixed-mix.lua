-- wrk script for run-load.sh: a fixed, repeating mix of the sample application's FIXED endpoints (well-behaved
-- traffic: every request stays within its budget), and one machine-readable result line at the end.
--
-- The mix, ten requests per cycle: reads dominate, as in most web services, and one write in ten runs a
-- transaction with a SELECT and an UPDATE. The token refresh is left out: each call consumes a refresh token
-- issued by another request, so it cannot be replayed.

local mix = {
	{ "GET", "/fixed/profiles/alice?viewer=player02" },
	{ "GET", "/fixed/registrations?page=0" },
	{ "GET", "/fixed/leaderboards/valorant?page=0" },
	{ "GET", "/fixed/tournaments?page=0" },
	{ "GET", "/fixed/profiles/alice?viewer=player03" },
	{ "GET", "/fixed/organizers/org01/dashboard" },
	{ "GET", "/fixed/registrations?page=1" },
	{ "GET", "/fixed/auth/profile", { ["X-User"] = "alice" } },
	{ "GET", "/fixed/leaderboards/valorant?page=1" },
	{ "PUT", "/fixed/settings/privacy", nil, '{"showGamePassports":true,"showFollowers":true}' },
}

local count = 0

function setup(thread)
	count = count + 1
	thread:set("id", count)
end

function init(args)
	-- Each thread starts at another point of the cycle and writes the settings of its own players
	position = (id - 1) * 3
	writes = 0
end

function request()
	position = position % #mix + 1
	local entry = mix[position]
	local headers = entry[3]
	if entry[1] == "PUT" then
		writes = writes + 1
		-- player05 to player40 in turn: the writes of concurrent connections rarely touch the same row
		local user = string.format("player%02d", 5 + (id * 7 + writes) % 36)
		headers = { ["Content-Type"] = "application/json", ["X-User"] = user }
	end
	return wrk.format(entry[1], entry[2], headers, entry[4])
end

function done(summary, latency, requests)
	-- errors.status counts the responses with a status of 400 or more
	local errors = summary.errors
	io.write(string.format("RESULT requests=%d duration_us=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d http_errors=%d socket_errors=%d\n",
		summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
		latency:percentile(50), latency:percentile(90), latency:percentile(99), errors.status,
		errors.connect + errors.read + errors.write + errors.timeout))
end

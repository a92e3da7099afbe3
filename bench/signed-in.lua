-- wrk script of bench/run: every request carries the session cookie the harness signed in with once
-- (BENCH_COOKIE, empty for spring-petclinic, which has no sign-in). Any answer but 200 (a redirect to the
-- sign-in page, an error) is counted, so that a run measuring the wrong page says so.
local cookie = os.getenv("BENCH_COOKIE")
if cookie ~= nil and cookie ~= "" then
    wrk.headers["Cookie"] = cookie
end

local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    unexpected = 0
end

function response(status, headers, body)
    if status ~= 200 then
        unexpected = unexpected + 1
    end
end

function done(summary, latency, requests)
    local bad = 0
    for _, thread in ipairs(threads) do
        bad = bad + thread:get("unexpected")
    end
    local seconds = summary.duration / 1e6
    io.write(string.format("BENCH requests=%d rps=%.1f unexpected=%d errors=%d client_p50_ms=%.2f client_p95_ms=%.2f\n",
        summary.requests, summary.requests / seconds, bad,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
        latency:percentile(50) / 1000, latency:percentile(95) / 1000))
end

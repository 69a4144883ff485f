-- wrk script for bench/search.sh: GET BENCH_PATH (a search URL path and query) with the bench key.
-- done() prints: RESULT <req/s> <p50 us> <p99 us> <socket errors> <non-2xx> <requests>
local path = os.getenv("BENCH_PATH")
local headers = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_KEY") }

request = function()
   return wrk.format("GET", path, headers)
end

done = function(summary, latency, requests)
   local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
   io.write(string.format("RESULT %.1f %d %d %d %d %d\n", summary.requests / (summary.duration / 1e6),
      latency:percentile(50), latency:percentile(99), errors, summary.errors.status, summary.requests))
end

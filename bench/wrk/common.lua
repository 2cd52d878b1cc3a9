-- Shared by the bench's wrk scripts: a random client address per request (the bench server
-- trusts 127.0.0.1 as its proxy, so per-client rate limits count many clients, not one),
-- and a one-line JSON summary the Python side parses.

local counter = 0

function random_ip()
  return "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
end

function report(summary, latency, extra)
  local fields = {
    string.format('"requests":%d', summary.requests),
    string.format('"duration_us":%d', summary.duration),
    string.format('"p50_us":%d', latency:percentile(50)),
    string.format('"p95_us":%d', latency:percentile(95)),
    string.format('"p99_us":%d', latency:percentile(99)),
    string.format('"max_us":%d', latency.max),
    string.format('"errors_connect":%d', summary.errors.connect),
    string.format('"errors_read":%d', summary.errors.read),
    string.format('"errors_write":%d', summary.errors.write),
    string.format('"errors_status":%d', summary.errors.status),
    string.format('"errors_timeout":%d', summary.errors.timeout),
  }
  if extra then
    for _, field in ipairs(extra) do
      table.insert(fields, field)
    end
  end
  io.write("BENCHJSON {" .. table.concat(fields, ",") .. "}\n")
end

-- GET the URL wrk was given, each request from a different (forwarded) client address.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require("common")

local cookie = os.getenv("BENCH_COOKIE")

request = function()
  local headers = { ["X-Forwarded-For"] = random_ip() }
  if cookie and cookie ~= "" then
    headers["Cookie"] = cookie
  end
  return wrk.format("GET", nil, headers)
end

done = function(summary, latency, requests)
  report(summary, latency)
end

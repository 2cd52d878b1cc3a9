-- The full signing flow: GET the form (CSRF cookie and token), then POST it with a unique e-mail.
-- wrk gives no connection identity, so each thread keeps a queue of (cookie, token) pairs taken
-- from form responses and spends each on exactly one POST: every signing is one GET plus one POST.
-- BENCH_SIGN_BODY is the url-encoded form with __EMAIL__ and __CSRF__ placeholders (bench/run.py
-- builds it from the real form). A 302 (or 303) answer to a POST is a completed signing.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require("common")

local body_template = os.getenv("BENCH_SIGN_BODY")
local form_path = os.getenv("BENCH_SIGN_PATH")
local thread_tag = nil
local pairs_queue = {}
local sequence = 0
signed = 0 -- global: done() reads it with thread:get
forms = 0 -- global: done() reads it with thread:get
refused = 0 -- global: done() reads it with thread:get
other = 0 -- global: done() reads it with thread:get

local threads = {}

setup = function(thread)
  thread:set("thread_number", #threads + 1)
  table.insert(threads, thread)
end

init = function(args)
  math.randomseed(os.time() * 1000 + (thread_number or 0))
  thread_tag = string.format("%d-%d-%d", os.time(), thread_number or 0, math.random(1, 1000000000))
end

local function url_encode(text)
  return (string.gsub(text, "[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

request = function()
  local ip = random_ip()
  local pair = table.remove(pairs_queue, 1)
  if pair == nil then
    return wrk.format("GET", form_path, { ["X-Forwarded-For"] = ip })
  end
  sequence = sequence + 1
  local email = "bench." .. thread_tag .. "-" .. sequence .. "@example.org"
  -- Function replacements: a "%" in the encoded text must not be read as a capture.
  local encoded_email = url_encode(email)
  local encoded_token = url_encode(pair.token)
  local body = string.gsub(body_template, "__EMAIL__", function() return encoded_email end)
  body = string.gsub(body, "__CSRF__", function() return encoded_token end)
  return wrk.format("POST", form_path, {
    ["X-Forwarded-For"] = ip,
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "csrftoken=" .. pair.cookie,
    ["Referer"] = "http://127.0.0.1" .. form_path,
  }, body)
end

response = function(status, headers, body)
  if status == 302 or status == 303 then
    signed = signed + 1
    return
  end
  if status == 200 then
    local token = string.match(body or "", 'name="csrfmiddlewaretoken" value="([^"]+)"')
    local cookie = nil
    for name, value in pairs(headers) do
      if string.lower(name) == "set-cookie" then
        cookie = string.match(value, "csrftoken=([^;]+)")
      end
    end
    if token and cookie then
      forms = forms + 1
      table.insert(pairs_queue, { token = token, cookie = cookie })
      return
    end
  end
  if status >= 400 then
    refused = refused + 1
  else
    other = other + 1
  end
end

done = function(summary, latency, requests)
  local s, f, r, o = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    s = s + thread:get("signed")
    f = f + thread:get("forms")
    r = r + thread:get("refused")
    o = o + thread:get("other")
  end
  report(summary, latency, {
    string.format('"signed":%d', s),
    string.format('"forms":%d', f),
    string.format('"refused":%d', r),
    string.format('"other":%d', o),
  })
end

-- wrk script for one benchmark operation, chosen by BENCH_OP:
--   create | get | message | patch | list | deep | search | page-list | page-ticket (the agents' HTML pages)
-- Data files (written by bench/run.sh) are read from BENCH_DATA: ids.txt (ticket ids), ids20.txt (tickets
-- with 20 messages), cursors.txt (deep-page cursors), terms.txt (search terms, URL-encoded).
-- done() prints one machine-readable line: RESULT <req/s> <p50 us> <p99 us> <socket errors> <non-2xx> <requests>
local op = os.getenv("BENCH_OP")
local key = os.getenv("BENCH_KEY")
local data = os.getenv("BENCH_DATA")
local lines = {}
local base = "/api/helpdesk/tickets"
local headers = { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json" }
local session = os.getenv("BENCH_SESSION") or ""
local eid = os.getenv("BENCH_EID") or ""
local page_headers = { ["Cookie"] = "SESSION=" .. session, ["Accept"] = "text/html" }
local statuses = { "open", "pending", "resolved" }
-- BENCH_CUSTOMERS: how many customers the created tickets come from (default 1: every create names
-- jane@customer.example, the worst case for the contact row they all link to; N spreads them over N addresses)
local customers = tonumber(os.getenv("BENCH_CUSTOMERS") or "1")
local n = 0
-- the 40 subject phrases of bench/seed.sql: new tickets keep the search selectivity of the seeded ones
local phrases = { "Printer not working", "Cannot log in", "Password reset request", "Invoice question", "Refund request", "VPN disconnects often", "Email not syncing", "Laptop overheating", "Screen flickers", "Order not delivered", "Wrong item shipped", "Billing address change", "Cancel my subscription", "Upgrade plan", "Slow dashboard", "Export to CSV fails", "Two-factor code missing", "Account locked", "Mobile app crashes", "Payment declined", "Duplicate charge", "Feature request: dark mode", "API returns 500", "Webhook not firing", "Data import stuck", "Calendar invite broken", "Shipping label error", "Damaged package", "Warranty claim", "License key invalid", "Cannot upload attachment", "Report shows wrong totals", "Notification spam", "Translation missing", "Keyboard not detected", "Wi-Fi drops at office", "Meeting room display off", "New hire onboarding", "Access to shared drive", "Question about pricing" }

local counter = 1
function setup(thread)
   thread:set("tid", counter)
   counter = counter + 1
end

local function load(name)
   local t = {}
   for l in io.lines(data .. "/" .. name) do
      if #l > 0 then t[#t + 1] = l end
   end
   return t
end

function init(args)
   math.randomseed(os.time() * 1000 + (tid or 0) * 7919)
   if op == "get" then lines = load("ids20.txt")
   elseif op == "page-ticket" then lines = load("numbers20.txt")
   elseif op == "message" or op == "patch" then lines = load("ids.txt")
   elseif op == "deep" then lines = load("cursors.txt")
   elseif op == "search" then lines = load("terms.txt")
   end
end

local function pick()
   return lines[math.random(#lines)]
end

local function customer()
   if customers <= 1 then return '"contactEmail":"jane@customer.example","contactName":"Jane Doe"' end
   local c = math.random(customers)
   return '"contactEmail":"customer' .. c .. '@customer.example","contactName":"Customer ' .. c .. '"'
end

function request()
   n = n + 1
   if op == "create" then
      return wrk.format("POST", base, headers, '{"subject":"' .. phrases[math.random(#phrases)] .. ' (new)",'
         .. '"description":"The printer near the kitchen jams on every second page since Monday.",'
         .. customer() .. '}')
   elseif op == "get" then
      return wrk.format("GET", base .. "/" .. pick(), headers)
   elseif op == "message" then
      return wrk.format("POST", base .. "/" .. pick() .. "/messages", headers,
         '{"body":"Thanks, we are looking into it and will get back to you today."}')
   elseif op == "patch" then
      return wrk.format("PATCH", base .. "/" .. pick(), headers,
         '{"status":"' .. statuses[math.random(#statuses)] .. '"}')
   elseif op == "list" then
      return wrk.format("GET", base, headers)
   elseif op == "deep" then
      return wrk.format("GET", base .. "?cursor=" .. pick(), headers)
   elseif op == "search" then
      return wrk.format("GET", base .. "?search=" .. pick(), headers)
   elseif op == "page-list" then
      return wrk.format("GET", "/e/" .. eid .. "/tickets", page_headers)
   elseif op == "page-ticket" then
      return wrk.format("GET", "/e/" .. eid .. "/tickets/" .. pick(), page_headers)
   end
   error("unknown BENCH_OP " .. tostring(op))
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format("RESULT %.1f %d %d %d %d %d\n", summary.requests / (summary.duration / 1e6),
      latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write + e.timeout, e.status,
      summary.requests))
end

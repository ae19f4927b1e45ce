-- wrk script: POST /api/messages/batch with BATCH distinct messages per request (ids unique per thread and request).
-- Texts vary by street, house and problem so most messages open their own case; some join one (near-duplicates).
local threads = {}
local counter = 0
local batch = tonumber(os.getenv("BATCH") or "500")
local key = os.getenv("KEY")
-- LABELS=0: no topic or body with the messages, so the server's analyzer (the text model) decides them.
local labels = os.getenv("LABELS") ~= "0"
local problems = {"Не горят фонари", "Яма на дороге", "Не вывозят мусор", "Протекает крыша", "Сломан лифт",
  "Нет горячей воды", "Не убран снег", "Сломана детская площадка", "Бездомные собаки", "Не работает светофор"}
local streets = {"Союзной", "Ленина", "Дружбы", "Карла Маркса", "Радищева", "Школьной", "Садовой", "Мирной"}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  math.randomseed(tid * 7919 + os.time())
end

request = function()
  counter = counter + 1
  local parts = {}
  for k = 1, batch do
    local p = problems[math.random(#problems)]
    local s = streets[math.random(#streets)]
    parts[k] = string.format(
      '{"channel":"wrk","externalId":"t%d-%d-%d-%d","text":"%s на улице %s у дома %d, обращаюсь уже %d раз, примите меры"',
      tid, os.time(), counter, k, p, s, math.random(300), math.random(9))
    if labels then
      parts[k] = parts[k] .. string.format(',"topic":"%s","body":"Орган %d"', p, math.random(75))
    end
    parts[k] = parts[k] .. '}'
  end
  local body = '{"messages":[' .. table.concat(parts, ",") .. ']}'
  return wrk.format("POST", "/api/messages/batch", {["Content-Type"] = "application/json", ["X-Api-Key"] = key}, body)
end

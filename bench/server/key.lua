-- wrk script: GET with the API key from $KEY.
local key = os.getenv("KEY")
request = function()
  return wrk.format("GET", nil, {["X-Api-Key"] = key})
end

-- Sends one row of Bench's paths (written with -Dpaths=DIR) round and round: wrk -s wrk.lua URL -- FILE
-- The first line of FILE is the row's label, the second its Authorization header, then one path a line.
-- PAUSE_MS=n in the environment: each connection waits n ms after every answer, a client that reads what it
-- asked for instead of one that asks again the moment the answer arrives.
local paths, auth, turn = {}, nil, 0
local pause = tonumber(os.getenv("PAUSE_MS") or "0")

function init(args)
  local f = assert(io.open(args[1]))
  f:read("*l")
  auth = f:read("*l")
  for line in f:lines() do paths[#paths + 1] = line end
  f:close()
  turn = math.random(#paths)
end

function request()
  turn = turn % #paths + 1
  return wrk.format("GET", paths[turn], { ["Authorization"] = auth })
end

if pause > 0 then
  function delay()
    return pause
  end
end

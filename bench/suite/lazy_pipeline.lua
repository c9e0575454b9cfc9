-- lazy_pipeline: (reduce + (map inc (filter even? (range N)))) with the same structure
-- in Lua: iterator closures for range, filter and map, folded by reduce.
-- Usage: lua lazy_pipeline.lua [N]   (default 10000000); prints the sum.
local function range(n)
  local i = -1
  return function() i = i + 1; if i < n then return i end end
end
local function filter(pred, it)
  return function()
    while true do
      local x = it()
      if x == nil or pred(x) then return x end
    end
  end
end
local function map(f, it)
  return function() local x = it(); if x ~= nil then return f(x) end end
end
local function reduce(f, acc, it)
  for x in it do acc = f(acc, x) end
  return acc
end

local n = tonumber(arg and arg[1]) or 10000000
print(string.format("%d", reduce(function(a, b) return a + b end, 0,
  map(function(x) return x + 1 end, filter(function(x) return x % 2 == 0 end, range(n))))))

-- sort: sort N pseudo-random integers from the Park-Miller generator
-- x' = 16807 x mod 2147483647 (seed 42; exact in doubles, so LuaJIT agrees), then fold
-- the sorted sequence into sum((i+1) * v[i]) mod 1000000007.
-- Usage: lua sort.lua [N]   (default 200000); prints "MIN MAX CHECKSUM".
local n = tonumber(arg and arg[1]) or 200000
local t, x = {}, 42
for i = 1, n do
  x = (x * 16807) % 2147483647
  t[i] = x
end
table.sort(t)
local acc = 0
for i = 1, n do acc = (acc + i * t[i]) % 1000000007 end
print(string.format("%d %d %d", t[1], t[n], acc))

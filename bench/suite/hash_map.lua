-- hash_map: build a hash map of N integer keys (key i*7, value i), then look every key
-- up and also N keys that are absent. Keys are spread (i*7) so the table keeps them in
-- its hash part, as Clove's map hashes every key.
-- Usage: lua hash_map.lua [N]   (default 1000000); prints "COUNT SUM MISSES".
local n = tonumber(arg and arg[1]) or 1000000
local m, count = {}, 0
for i = 0, n - 1 do m[i * 7] = i; count = count + 1 end
local sum, misses = 0, 0
for i = 0, n - 1 do
  sum = sum + m[i * 7]
  if m[i * 7 + 1] == nil then misses = misses + 1 end
end
print(string.format("%d %d %d", count, sum, misses))

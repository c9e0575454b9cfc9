-- vector_conj: append N integers to an array one at a time, then read them all back
-- by index. Usage: lua vector_conj.lua [N]   (default 1000000); prints "COUNT SUM".
local n = tonumber(arg and arg[1]) or 1000000
local t = {}
for i = 0, n - 1 do t[#t + 1] = i end
local sum = 0
for i = 1, #t do sum = sum + t[i] end
print(string.format("%d %d", #t, sum))

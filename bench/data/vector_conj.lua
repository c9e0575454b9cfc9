-- (count (persistent! (reduce conj! (transient []) (range 1000000)))): append to a table.
local t = {}
for i = 0, 999999 do t[#t + 1] = i end
print(#t)

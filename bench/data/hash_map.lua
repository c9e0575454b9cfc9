-- Build a 1,000,000-key hash map and look every key up. Keys are spread (i * 7) so
-- Lua keeps them in the table's hash part, as Clove's map hashes every key.
local m = {}
for i = 0, 999999 do m[i * 7] = i end
local s = 0
for i = 0, 999999 do s = s + m[i * 7] end
print(s)

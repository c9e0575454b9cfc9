-- binary_trees: allocate and walk perfect binary trees (the Benchmarks Game program):
-- one stretch tree of depth MAX+1, a long-lived tree of depth MAX, and for each depth
-- d = 4, 6, ..., MAX, 2^(MAX-d+4) trees of depth d. Measures allocation and the GC.
-- Usage: lua binary_trees.lua [MAX]   (default 15); prints the sum of every check.
local function make(d)
  if d == 0 then return {} end
  d = d - 1
  return { make(d), make(d) }
end

local function check(t)
  if t[1] then return 1 + check(t[1]) + check(t[2]) end
  return 1
end

local maxdepth = tonumber(arg and arg[1]) or 15
if maxdepth < 6 then maxdepth = 6 end
local total = check(make(maxdepth + 1))
local long_lived = make(maxdepth)
for d = 4, maxdepth, 2 do
  local iterations = math.floor(2 ^ (maxdepth - d + 4))
  local c = 0
  for _ = 1, iterations do c = c + check(make(d)) end
  total = total + c
end
total = total + check(long_lived)
print(total)

-- fannkuch_redux: the Benchmarks Game pancake-flipping benchmark. For every
-- permutation of 1..N (in the standard order of rotations), count the prefix reversals
-- until the first element is 1; sum them with alternating signs (the checksum) and
-- keep the maximum. Measures small-array indexing and loops.
-- Usage: lua fannkuch_redux.lua [N]   (default 9); prints "CHECKSUM MAXFLIPS".
local function fannkuch(n)
  local perm1, perm, count = {}, {}, {}
  for i = 0, n - 1 do perm1[i] = i end
  local r = n
  local perm_count, checksum, max_flips = 0, 0, 0
  while true do
    while r ~= 1 do
      count[r - 1] = r
      r = r - 1
    end
    for i = 0, n - 1 do perm[i] = perm1[i] end
    local flips = 0
    local k = perm[0]
    while k ~= 0 do
      local i, j = 0, k
      while i < j do
        perm[i], perm[j] = perm[j], perm[i]
        i, j = i + 1, j - 1
      end
      flips = flips + 1
      k = perm[0]
    end
    if flips > max_flips then max_flips = flips end
    if perm_count % 2 == 0 then checksum = checksum + flips else checksum = checksum - flips end
    -- The next permutation: rotate the first r+1 elements left until one's count is left.
    while true do
      if r == n then return checksum, max_flips end
      local perm0 = perm1[0]
      for i = 0, r - 1 do perm1[i] = perm1[i + 1] end
      perm1[r] = perm0
      count[r] = count[r] - 1
      if count[r] > 0 then break end
      r = r + 1
    end
    perm_count = perm_count + 1
  end
end

local n = tonumber(arg and arg[1]) or 9
print(string.format("%d %d", fannkuch(n)))

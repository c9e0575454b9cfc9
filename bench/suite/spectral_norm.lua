-- spectral_norm: the Benchmarks Game spectral norm of the infinite matrix
-- A(i,j) = 1/((i+j)(i+j+1)/2 + i + 1), by 10 power-method steps on N-vectors.
-- Usage: lua spectral_norm.lua [N]   (default 700); prints floor(1e9 * norm).
local function A(i, j)
  local ij = i + j
  return 1.0 / (ij * (ij + 1) / 2 + i + 1)
end

local function Av(x, y, n)  -- y = A x
  for i = 0, n - 1 do
    local s = 0.0
    for j = 0, n - 1 do s = s + A(i, j) * x[j] end
    y[i] = s
  end
end

local function Atv(x, y, n)  -- y = A' x
  for i = 0, n - 1 do
    local s = 0.0
    for j = 0, n - 1 do s = s + A(j, i) * x[j] end
    y[i] = s
  end
end

local function AtAv(x, y, t, n)  -- y = A' A x
  Av(x, t, n)
  Atv(t, y, n)
end

local n = tonumber(arg and arg[1]) or 700
local u, v, t = {}, {}, {}
for i = 0, n - 1 do u[i] = 1.0 end
for _ = 1, 10 do
  AtAv(u, v, t, n)
  AtAv(v, u, t, n)
end
local vBv, vv = 0.0, 0.0
for i = 0, n - 1 do
  vBv = vBv + u[i] * v[i]
  vv = vv + v[i] * v[i]
end
print(string.format("%d", math.floor(math.sqrt(vBv / vv) * 1e9)))

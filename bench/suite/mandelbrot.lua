-- mandelbrot: the Benchmarks Game Mandelbrot set on an N x N grid over
-- [-1.5, 0.5] x [-1, 1], 50 iterations, escape at |z|^2 > 4 (floating-point loops).
-- Usage: lua mandelbrot.lua [N]   (default 1000); prints the number of points in the set.
local function mandelbrot(n)
  local inside = 0
  for y = 0, n - 1 do
    local ci = 2.0 * y / n - 1.0
    for x = 0, n - 1 do
      local cr = 2.0 * x / n - 1.5
      local zr, zi, tr, ti = 0.0, 0.0, 0.0, 0.0
      local i = 0
      while i < 50 and tr + ti <= 4.0 do
        zi = 2.0 * zr * zi + ci
        zr = tr - ti + cr
        tr = zr * zr
        ti = zi * zi
        i = i + 1
      end
      if tr + ti <= 4.0 then inside = inside + 1 end
    end
  end
  return inside
end

local n = tonumber(arg and arg[1]) or 1000
print(mandelbrot(n))

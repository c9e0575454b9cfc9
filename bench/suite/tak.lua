-- tak: the Takeuchi function, deep non-tail recursion with three arguments.
-- Usage: lua tak.lua [X]   (default 27); prints tak(X, 2X/3, X/3).
local function tak(x, y, z)
  if y < x then
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
  end
  return z
end
local x = tonumber(arg and arg[1]) or 27
print(tak(x, math.floor(x * 2 / 3), math.floor(x / 3)))

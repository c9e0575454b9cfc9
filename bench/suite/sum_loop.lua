-- sum_loop: a counted loop summing i*i mod 1000000007 for i below N; past i = 11863284
-- the product i*i no longer fits in 47 bits (Clove's NaN-boxed small integers).
-- Usage: lua sum_loop.lua [N]   (default 40000000); prints the sum.
local n = tonumber(arg and arg[1]) or 40000000
local s = 0
for i = 0, n - 1 do
  s = (s + i * i) % 1000000007
end
print(s)

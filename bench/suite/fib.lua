-- fib: naive doubly recursive Fibonacci; measures calls, returns and small-integer
-- arithmetic. Usage: lua fib.lua [N]   (default 35); prints fib(N).
local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end
local n = tonumber(arg and arg[1]) or 35
print(fib(n))

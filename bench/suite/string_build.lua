-- string_build: make N small strings "k<i>=<7i>" and join them with ";" into one
-- string (a buffer table and table.concat, the usual Lua way).
-- Usage: lua string_build.lua [N]   (default 500000); prints the length and the 16
-- characters from the middle.
local n = tonumber(arg and arg[1]) or 500000
local parts = {}
for i = 0, n - 1 do parts[#parts + 1] = "k" .. i .. "=" .. i * 7 end
local s = table.concat(parts, ";")
local mid = math.floor(#s / 2)
print(#s .. " " .. s:sub(mid + 1, mid + 16))

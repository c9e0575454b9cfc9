-- record_protocol: method dispatch on objects (tables sharing a metatable per class).
-- 1000 shapes of three classes are walked N times; for each shape the loop calls
-- area, calls scale (which makes a new object) and area on that, and reads the field
-- h (absent from squares, counted as 0).
-- Usage: lua record_protocol.lua [N]   (default 3000); prints the total.
local function class()
  local c = {}
  c.__index = c
  return c
end

local Rect, Square, Tri = class(), class(), class()
function Rect.new(w, h) return setmetatable({ w = w, h = h }, Rect) end
function Rect:area() return self.w * self.h end
function Rect:scale(k) return Rect.new(self.w * k, self.h * k) end
function Square.new(side) return setmetatable({ side = side }, Square) end
function Square:area() return self.side * self.side end
function Square:scale(k) return Square.new(self.side * k) end
function Tri.new(b, h) return setmetatable({ b = b, h = h }, Tri) end
function Tri:area() return math.floor(self.b * self.h / 2) end
function Tri:scale(k) return Tri.new(self.b * k, self.h * k) end

local shapes = {}
for i = 0, 999 do
  local kind = i % 3
  if kind == 0 then shapes[#shapes + 1] = Rect.new(i % 7 + 1, i % 5 + 1)
  elseif kind == 1 then shapes[#shapes + 1] = Square.new(i % 11 + 1)
  else shapes[#shapes + 1] = Tri.new(i % 13 + 1, i % 4 + 1) end
end

local n = tonumber(arg and arg[1]) or 3000
local acc = 0
for _ = 1, n do
  for i = 1, #shapes do
    local s = shapes[i]
    acc = acc + s:area() + s:scale(2):area() + (s.h or 0)
  end
end
print(string.format("%d", acc))

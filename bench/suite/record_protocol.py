"""record_protocol: method dispatch on objects of three classes. 1000 shapes are walked
N times; for each shape the loop calls area, calls scale (which makes a new object) and
area on that, and reads the attribute h (absent from squares, counted as 0).
Usage: python3 record_protocol.py [N]   (default 3000); prints the total."""
import sys


class Rect:
    __slots__ = ("w", "h")

    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    def scale(self, k):
        return Rect(self.w * k, self.h * k)


class Square:
    __slots__ = ("side",)

    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side

    def scale(self, k):
        return Square(self.side * k)


class Tri:
    __slots__ = ("b", "h")

    def __init__(self, b, h):
        self.b, self.h = b, h

    def area(self):
        return self.b * self.h // 2

    def scale(self, k):
        return Tri(self.b * k, self.h * k)


def make_shape(i):
    kind = i % 3
    if kind == 0:
        return Rect(i % 7 + 1, i % 5 + 1)
    if kind == 1:
        return Square(i % 11 + 1)
    return Tri(i % 13 + 1, i % 4 + 1)


shapes = [make_shape(i) for i in range(1000)]
n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
acc = 0
for _ in range(n):
    for s in shapes:
        acc += s.area() + s.scale(2).area() + getattr(s, "h", 0)
print(acc)

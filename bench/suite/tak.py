"""tak: the Takeuchi function, deep non-tail recursion with three arguments.
Usage: python3 tak.py [X]   (default 27); prints tak(X, 2X/3, X/3)."""
import sys

sys.setrecursionlimit(10000)


def tak(x, y, z):
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z


x = int(sys.argv[1]) if len(sys.argv) > 1 else 27
print(tak(x, x * 2 // 3, x // 3))

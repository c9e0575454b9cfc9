"""sort: sort N pseudo-random integers from the Park-Miller generator
x' = 16807 x mod 2147483647 (seed 42), then fold the sorted sequence into
sum((i+1) * v[i]) mod 1000000007.
Usage: python3 sort.py [N]   (default 200000); prints "MIN MAX CHECKSUM"."""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
xs = []
x = 42
for _ in range(n):
    x = (x * 16807) % 2147483647
    xs.append(x)
xs.sort()
acc = 0
for i, v in enumerate(xs):
    acc = (acc + (i + 1) * v) % 1000000007
print(xs[0], xs[-1], acc)

"""binary_trees: allocate and walk perfect binary trees (the Benchmarks Game program):
one stretch tree of depth MAX+1, a long-lived tree of depth MAX, and for each depth
d = 4, 6, ..., MAX, 2^(MAX-d+4) trees of depth d. Measures allocation and the GC.
Usage: python3 binary_trees.py [MAX]   (default 15); prints the sum of every check."""
import sys


def make(d):
    if d == 0:
        return (None, None)
    d -= 1
    return (make(d), make(d))


def check(t):
    left, right = t
    if left is None:
        return 1
    return 1 + check(left) + check(right)


maxdepth = max(6, int(sys.argv[1]) if len(sys.argv) > 1 else 15)
total = check(make(maxdepth + 1))
long_lived = make(maxdepth)
for d in range(4, maxdepth + 1, 2):
    iterations = 1 << (maxdepth - d + 4)
    total += sum(check(make(d)) for _ in range(iterations))
total += check(long_lived)
print(total)

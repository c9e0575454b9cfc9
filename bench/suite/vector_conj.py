"""vector_conj: append N integers to a list one at a time, then read them all back by
index. Usage: python3 vector_conj.py [N]   (default 1000000); prints "COUNT SUM"."""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
v = []
for i in range(n):
    v.append(i)
total = 0
for i in range(len(v)):
    total += v[i]
print(len(v), total)

"""hash_map: build a hash map of N integer keys (key i*7, value i), then look every key
up and also N keys that are absent.
Usage: python3 hash_map.py [N]   (default 1000000); prints "COUNT SUM MISSES"."""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
m = {}
for i in range(n):
    m[i * 7] = i
total = misses = 0
for i in range(n):
    total += m[i * 7]
    if m.get(i * 7 + 1) is None:
        misses += 1
print(len(m), total, misses)

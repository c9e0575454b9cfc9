"""sum_loop: a counted loop summing i*i mod 1000000007 for i below N; past i = 11863284
the product i*i no longer fits in 47 bits (Clove's NaN-boxed small integers).
Usage: python3 sum_loop.py [N]   (default 40000000); prints the sum."""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 40000000
s = 0
for i in range(n):
    s = (s + i * i) % 1000000007
print(s)

"""spectral_norm: the Benchmarks Game spectral norm of the infinite matrix
A(i,j) = 1/((i+j)(i+j+1)/2 + i + 1), by 10 power-method steps on N-vectors.
Usage: python3 spectral_norm.py [N]   (default 700); prints floor(1e9 * norm)."""
import math
import sys


def a(i, j):
    ij = i + j
    return 1.0 / (ij * (ij + 1) // 2 + i + 1)


def av(x, n):
    """A x."""
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += a(i, j) * x[j]
        out.append(s)
    return out


def atv(x, n):
    """A' x."""
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += a(j, i) * x[j]
        out.append(s)
    return out


def atav(x, n):
    return atv(av(x, n), n)


n = int(sys.argv[1]) if len(sys.argv) > 1 else 700
u = [1.0] * n
for _ in range(10):
    v = atav(u, n)
    u = atav(v, n)
vbv = vv = 0.0
for ui, vi in zip(u, v):
    vbv += ui * vi
    vv += vi * vi
print(math.floor(math.sqrt(vbv / vv) * 1e9))

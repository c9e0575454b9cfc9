"""mandelbrot: the Benchmarks Game Mandelbrot set on an N x N grid over
[-1.5, 0.5] x [-1, 1], 50 iterations, escape at |z|^2 > 4 (floating-point loops).
Usage: python3 mandelbrot.py [N]   (default 1000); prints the number of points in the set."""
import sys


def mandelbrot(n):
    inside = 0
    for y in range(n):
        ci = 2.0 * y / n - 1.0
        for x in range(n):
            cr = 2.0 * x / n - 1.5
            zr = zi = tr = ti = 0.0
            i = 0
            while i < 50 and tr + ti <= 4.0:
                zi = 2.0 * zr * zi + ci
                zr = tr - ti + cr
                tr = zr * zr
                ti = zi * zi
                i += 1
            if tr + ti <= 4.0:
                inside += 1
    return inside


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
print(mandelbrot(n))

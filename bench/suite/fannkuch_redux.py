"""fannkuch_redux: the Benchmarks Game pancake-flipping benchmark. For every
permutation of 1..N (in the standard order of rotations), count the prefix reversals
until the first element is 1; sum them with alternating signs (the checksum) and
keep the maximum. Measures small-array indexing and loops.
Usage: python3 fannkuch_redux.py [N]   (default 9); prints "CHECKSUM MAXFLIPS"."""
import sys


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    r = n
    perm_count = checksum = max_flips = 0
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k != 0:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips if perm_count % 2 == 0 else -flips
        # The next permutation: rotate the first r+1 elements left until one's count is left.
        while True:
            if r == n:
                return checksum, max_flips
            perm1.insert(r, perm1.pop(0))
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_count += 1


n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
print("%d %d" % fannkuch(n))

"""string_build: make N small strings "k<i>=<7i>" and join them with ";" into one string.
Usage: python3 string_build.py [N]   (default 500000); prints the length and the 16
characters from the middle."""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 500000
s = ";".join(["k" + str(i) + "=" + str(i * 7) for i in range(n)])
mid = len(s) // 2
print(len(s), s[mid:mid + 16])

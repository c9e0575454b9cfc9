"""lazy_pipeline: (reduce + (map inc (filter even? (range N)))) with the same structure
in Python: the lazy built-ins map, filter and range folded by functools.reduce.
Usage: python3 lazy_pipeline.py [N]   (default 10000000); prints the sum."""
import functools
import operator
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000000
print(functools.reduce(operator.add,
                       map(lambda x: x + 1, filter(lambda x: x % 2 == 0, range(n))), 0))

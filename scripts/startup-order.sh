#!/usr/bin/env bash
# startup-order.sh: rewrites cmake/startup-order.txt, the list of functions that
# `clove -e nil` runs, then those a first small program adds (reading a deferred fn
# body, printing), which the build gives the linker (lld's --symbol-ordering-file) so
# that they sit together in the binary and start-up keeps few of its pages resident
# (CMakeLists.txt, CLOVE_STARTUP_ORDER).
#
# Usage: scripts/startup-order.sh [BUILD_DIR]   (default: build)
# Runs BUILD_DIR/clove under valgrind's callgrind (`scripts/setup.sh --profile`
# installs valgrind) and writes one symbol per function it executed, in first-seen
# order. Rebuild afterwards; a list that names functions that no longer exist is
# harmless, so rerun it only when start-up changes much (peak RSS of `clove -e nil`
# grows; bench/run.sh reports it).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$repo/build}"
command -v valgrind >/dev/null || "$repo/scripts/setup.sh" --profile
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
valgrind --tool=callgrind --demangle=no --callgrind-out-file="$tmp/cg.out" "$build/clove" -e nil >/dev/null 2>"$tmp/log" ||
  { cat "$tmp/log" >&2; exit 1; }
valgrind --tool=callgrind --demangle=no --callgrind-out-file="$tmp/cg2.out" "$build/clove" \
  -e '(println (reduce + (map inc (filter odd? (range 100)))) (str {:a [1 2.5 "s"]}))' >/dev/null 2>"$tmp/log" ||
  { cat "$tmp/log" >&2; exit 1; }
python3 - "$repo/cmake/startup-order.txt" "$tmp/cg.out" "$tmp/cg2.out" <<'PY'
import re, sys
out, sources = sys.argv[1], sys.argv[2:]
names = []
for src in sources:
    # callgrind names a function or object file in full once, where it first appears
    # ("fn=(id) name", or "cfn=(id) name" as a callee; "ob="/"cob=" for files), and by its
    # id alone after that. The functions run are those with a cost block of their own (fn=).
    fn_names, ob_names, order, ob = {}, {}, [], None
    for line in open(src):
        m = re.match(r'^(c?)(fn|ob)=\((\d+)\)(?: (.*))?$', line.rstrip('\n'))
        if not m:
            continue
        callee, kind, ident, name = m.groups()
        table = fn_names if kind == 'fn' else ob_names
        if name:
            table[ident] = name
        if callee:
            continue
        if kind == 'ob':
            ob = ident
        elif (ident, ob) not in order:
            order.append((ident, ob))
    for ident, o in order:
        if not ob_names.get(o, '').endswith('/clove'):
            continue
        name = fn_names.get(ident, '').split("'")[0]  # f'2: a recursive call of f
        if re.match(r'^[A-Za-z_][\w.$]*$', name) and name not in names:
            names.append(name)
with open(out, 'w') as f:
    f.write('# The functions `clove -e nil` and a first small program run, for lld\n'
            '# --symbol-ordering-file; written by scripts/startup-order.sh (do not edit).\n')
    for n in names:
        f.write(n + '\n')
print(f'{len(names)} functions written to {out}')
PY

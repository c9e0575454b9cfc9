#!/usr/bin/env bash
# run.sh: the SPEC's data-structure workloads, Clove side by side with Lua 5.4.
#
# Usage: bench/data/run.sh [CLOVE [RUNS]]   (default: build/clove, 5 runs; needs lua5.4)
# For each workload NAME it runs `clove run NAME.clj` and `lua5.4 NAME.lua` (the same
# algorithm) in turn, RUNS times each (clove, lua, clove, lua, ...), checks the two print
# the same result, and prints the median wall-clock time of each and the median of the
# per-pair ratios clove/lua (pairs taken side by side, so a ratio holds when a shared
# machine's speed drifts). The SPEC target is a ratio of at most 3.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
clove="${1:-$here/../../build/clove}"
runs="${2:-5}"
lua="$(command -v lua5.4 || true)"
[[ -n $lua ]] || { echo "run.sh: lua5.4 not found (apt-get install lua5.4)" >&2; exit 2; }

seconds() {  # seconds OUTFILE COMMAND...: wall-clock seconds of COMMAND, output to OUTFILE
  local out="$1" start end
  shift
  start=$(date +%s.%N)
  "$@" >"$out" 2>&1 || echo "(exit $?)" >>"$out"
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }'
}

median() { sort -g | awk '{ v[NR] = $1 } END { printf "%.3f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

printf '%-14s %9s %9s %7s  %s\n' workload clove lua ratio same-output
for prog in "$here"/*.clj; do
  name="$(basename "$prog" .clj)"
  [[ -f $here/$name.lua ]] || continue
  a="$(mktemp)" b="$(mktemp)"
  tc=() tl=() rs=() same=yes
  for ((r = 0; r < runs; r++)); do
    c=$(seconds "$a" "$clove" run "$prog")
    l=$(seconds "$b" "$lua" "$here/$name.lua")
    [[ "$(cat "$a")" == "$(cat "$b")" ]] || same=NO
    tc+=("$c") tl+=("$l") rs+=("$(awk -v c="$c" -v l="$l" 'BEGIN { printf "%.4f", (l > 0 ? c / l : 0) }')")
  done
  rm -f "$a" "$b"
  printf '%-14s %9s %9s %7s  %s\n' "$name" "$(printf '%s\n' "${tc[@]}" | median)" \
    "$(printf '%s\n' "${tl[@]}" | median)" "$(printf '%s\n' "${rs[@]}" | median)" "$same"
done

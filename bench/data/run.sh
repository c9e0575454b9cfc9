#!/usr/bin/env bash
# run.sh: the SPEC's data-structure workloads, Clove side by side with Lua 5.4.
#
# Usage: bench/data/run.sh [CLOVE]     (default: build/clove; needs lua5.4 on PATH)
# For each workload NAME it runs `clove run NAME.clj` and `lua5.4 NAME.lua` (the same
# algorithm), checks the two print the same result, and prints both wall-clock times
# and the ratio clove/lua. The SPEC target is a ratio of at most 3.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
clove="${1:-$here/../../build/clove}"
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

printf '%-14s %9s %9s %7s  %s\n' workload clove lua ratio same-output
for prog in "$here"/*.clj; do
  name="$(basename "$prog" .clj)"
  [[ -f $here/$name.lua ]] || continue
  a="$(mktemp)" b="$(mktemp)"
  t_clove=$(seconds "$a" "$clove" run "$prog")
  t_lua=$(seconds "$b" "$lua" "$here/$name.lua")
  same=$([[ "$(cat "$a")" == "$(cat "$b")" ]] && echo yes || echo NO)
  ratio=$(awk -v c="$t_clove" -v l="$t_lua" 'BEGIN { printf "%.2f", (l > 0 ? c / l : 0) }')
  rm -f "$a" "$b"
  printf '%-14s %9s %9s %7s  %s\n' "$name" "$t_clove" "$t_lua" "$ratio" "$same"
done

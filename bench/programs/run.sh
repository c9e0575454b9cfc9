#!/usr/bin/env bash
# run.sh: times each bench/programs/*.clj with clove and, when present, JVM Clojure.
#
# Usage: bench/programs/run.sh [CLOVE]     (default: build/clove)
# Prints one line per program: name, clove seconds, JVM seconds (or "-"), and whether
# the outputs agree. Wall-clock times include start-up, which is the point for scripts.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
clove="${1:-$here/../../build/clove}"
classpath=""
[[ -d /usr/share/java ]] && classpath="$(printf '%s:' /usr/share/java/*.jar)"

seconds() {  # seconds COMMAND... : prints the wall-clock seconds; output to $out_file
  local start end
  start=$(date +%s.%N)
  "$@" >"$out_file" 2>&1 || echo "(exit $?)" >>"$out_file"
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'
}

printf '%-12s %8s %8s  %s\n' program clove jvm agree
for prog in "$here"/*.clj; do
  name="$(basename "$prog" .clj)"
  out_file="$(mktemp)"
  t_clove=$(seconds "$clove" run "$prog")
  clove_out="$(cat "$out_file")"
  t_jvm="-"
  agree="-"
  if [[ -n $classpath ]] && command -v java >/dev/null; then
    t_jvm=$(seconds java -cp "$classpath" clojure.main "$prog")
    [[ "$(cat "$out_file")" == "$clove_out" ]] && agree=yes || agree=NO
  fi
  rm -f "$out_file"
  printf '%-12s %8s %8s  %s\n' "$name" "$t_clove" "$t_jvm" "$agree"
done

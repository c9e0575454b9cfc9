#!/usr/bin/env bash
# check-layers.sh: fails when an #include in src/, cli/ or include/ points at a layer its
# own layer may not include (scripts/layers.txt), or at a header that does not exist.
# Public headers ("clove/x.h") live in include/clove/ and may include only each other.
#
# Usage: scripts/check-layers.sh [REPO]   (default: the repository holding this script)
# Prints one line per offending include, "FILE:LINE: LAYER includes HEADER (LAYER)",
# then a summary; exit status 0 when there are none. Only quoted project includes
# ("layer/file.h") are checked; system headers (<...>) are not.
set -euo pipefail
repo="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
cd "$repo"

awk '
  # Input 1: the layer table.
  FILENAME == ARGV[1] {
    sub(/#.*/, "")
    if (NF < 2) next
    name = $1; dir = $2; sub(/:$/, "", dir)
    dirs[name] = dir; order[++n] = name
    for (i = 3; i <= NF; i++) allowed[name, $i] = 1
    next
  }
  # Input 2: every file of the tree (to tell a missing header).
  FILENAME == ARGV[2] { exists[$0] = 1; next }
  function layer_of(path,   best, k, d) {
    best = ""
    for (k = 1; k <= n; k++) {
      d = dirs[order[k]]
      if ((path == d || index(path, d "/") == 1) && length(d) > length(dirs[best])) best = order[k]
    }
    return best
  }
  # Input 3: every quoted include, as "FILE\tLINE\tHEADER" from grep.
  {
    split($0, f, "\t"); file = f[1]; line = f[2]; hdr = f[3]
    from = layer_of(file)
    if (from == "") next
    target = (hdr ~ /^cli\//) ? hdr : (hdr ~ /^clove\//) ? "include/" hdr : "src/" hdr
    to = layer_of(target)
    checked++
    if (!exists[target]) {
      # Project includes are written from src/ ("core/value.h"), never beside the file.
      printf "%s:%s: %s includes %s, which is not a project header\n", file, line, from, hdr; bad++
      next
    }
    if (to != from && !allowed[from, to]) {
      printf "%s:%s: %s includes %s (%s)\n", file, line, from, hdr, to; bad++
      pair[from " -> " to]++
    }
  }
  END {
    for (p in pair) printf "  %d include(s) %s\n", pair[p], p
    printf "%d includes checked, %d point where their layer may not\n", checked, bad + 0
    exit bad > 0
  }
' scripts/layers.txt <(find src cli include -type f 2>/dev/null) <(grep -rnE '^\s*#\s*include\s+"' src cli include --include='*.h' --include='*.cpp' |
  sed -E 's/^([^:]+):([0-9]+):\s*#\s*include\s+"([^"]+)".*/\1\t\2\t\3/')

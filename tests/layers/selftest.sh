#!/usr/bin/env bash
# selftest.sh: checks that scripts/check-layers.sh catches what it must: on a small
# made-up tree it passes when every include points downward, and fails (naming the
# file and line) on an upward include, a sideways include between unlisted layers,
# and an include of a header that does not exist.
#
# Usage: tests/layers/selftest.sh REPO   (ctest: layers/selftest)
set -euo pipefail
repo="$1"
check="$repo/scripts/check-layers.sh"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/scripts" "$tmp/src/low" "$tmp/src/mid" "$tmp/src/side" "$tmp/src/top" "$tmp/cli"
cat > "$tmp/scripts/layers.txt" <<'T'
# a three-floor house with a side room
low   src/low:
mid   src/mid:   low
side  src/side:  low
top   src/top:   low mid side
cli   cli:       low mid side top
T
echo '#pragma once' > "$tmp/src/low/a.h"
printf '#include "low/a.h"\n' > "$tmp/src/mid/b.h"
printf '#include "low/a.h"\n' > "$tmp/src/side/c.h"
printf '#include "mid/b.h"\n#include "side/c.h"\n#include <vector>\n' > "$tmp/src/top/d.cpp"
printf '#include "top/d.h"\n' > "$tmp/cli/main.cpp"
touch "$tmp/src/top/d.h"

fail=0
expect() {  # expect STATUS PATTERN: run the check, compare status and output
  local want="$1" pattern="$2" out status=0
  out="$(bash "$check" "$tmp" 2>&1)" || status=$?
  if [[ $want == pass && $status -ne 0 ]] || [[ $want == fail && $status -eq 0 ]]; then
    echo "FAIL: expected $want, got status $status:"; echo "$out"; fail=1
  elif [[ -n $pattern ]] && ! grep -qE "$pattern" <<<"$out"; then
    echo "FAIL: output lacks /$pattern/:"; echo "$out"; fail=1
  fi
}

expect pass '0 point where'
printf '#include "top/d.h"\n' >> "$tmp/src/low/a.h"                 # upward
expect fail 'src/low/a.h:2: low includes top/d.h \(top\)'
sed -i '$d' "$tmp/src/low/a.h"
printf '#include "side/c.h"\n' >> "$tmp/src/mid/b.h"                # sideways, not listed
expect fail 'src/mid/b.h:2: mid includes side/c.h \(side\)'
sed -i '$d' "$tmp/src/mid/b.h"
printf '#include "low/missing.h"\n' >> "$tmp/src/top/d.cpp"         # no such header
expect fail 'top includes low/missing.h, which is not a project header'
sed -i '$d' "$tmp/src/top/d.cpp"
expect pass ''

[[ $fail -eq 0 ]] && echo "layers selftest: OK"
exit $fail

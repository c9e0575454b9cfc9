#!/usr/bin/env bash
# record-expected.sh: re-records the checksums in bench/suite/expected.txt.
#
# Usage: bench/suite/record-expected.sh
# For every row of expected.txt (program, full|small, size) it runs NAME.lua under
# lua5.4 and NAME.clj under JVM Clojure (Debian's `clojure`; scripts/setup.sh --bench
# installs both) with that size, and writes the checksum they printed into the row.
# Clove is not consulted: the expected values come from the two reference
# implementations, so a Clove bug cannot record itself as correct.
# Exit status: 0 when every row was recorded; 1 if lua5.4 and the JVM disagree on a row
# (the file is then left unchanged), 2 if a peer is missing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v lua5.4 >/dev/null || { echo "record-expected.sh: lua5.4 not found" >&2; exit 2; }
command -v java >/dev/null || { echo "record-expected.sh: java not found" >&2; exit 2; }
classpath="$(printf '%s:' /usr/share/java/*.jar)"

out="$(mktemp)"
trap 'rm -f "$out"' EXIT
status=0
while IFS= read -r line; do
  if [[ $line == \#* || -z $line ]]; then
    printf '%s\n' "$line" >>"$out"
    continue
  fi
  read -r name kind size _ <<<"$line"
  lua_sum="$(lua5.4 "$here/$name.lua" "$size")"
  jvm_sum="$(java -cp "$classpath" clojure.main "$here/$name.clj" "$size")"
  if [[ $lua_sum != "$jvm_sum" ]]; then
    echo "record-expected.sh: $name $kind $size: lua5.4 printed '$lua_sum', JVM Clojure '$jvm_sum'" >&2
    status=1
  fi
  echo "$name $kind $size: $lua_sum" >&2
  printf '%-15s %-6s %-9s %s\n' "$name" "$kind" "$size" "$lua_sum" >>"$out"
done <"$here/expected.txt"
[[ $status == 0 ]] && cp "$out" "$here/expected.txt"
exit "$status"

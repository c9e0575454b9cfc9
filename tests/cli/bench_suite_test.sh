#!/usr/bin/env bash
# bench_suite_test.sh: every benchmark program in bench/suite/ still runs on Clove and
# prints its recorded checksum, at the small size (the `small` rows of
# bench/suite/expected.txt, recorded from lua5.4 and JVM Clojure). A VM change that
# breaks a benchmark fails here rather than in a timing run. Takes about 0.5 s in a
# Release build, 40 s under CLOVE_GC_STRESS=1 (a collection at every allocation).
# Usage: bench_suite_test.sh CLOVE SUITE_DIR
# Exit status: 0 when every program printed its checksum, 1 otherwise.
set -uo pipefail
clove="$1"
suite="$2"
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"

while read -r name kind size expected; do
  [[ $name == \#* || -z $name || $kind != small ]] && continue
  actual="$("$clove" run "$suite/$name.clj" "$size" 2>&1)"
  check "$name $size (exit status)" "0" "$?"
  check "$name $size" "$expected" "$actual"
done <"$suite/expected.txt"
exit $((fails > 0))

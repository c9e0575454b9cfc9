#!/usr/bin/env bash
# memory_test.sh: `--max-memory SIZE` caps the heap (SPEC V9): an uncaught
# OutOfMemoryError ends the program with status 1 and a message naming the cap, a caught
# one lets it go on, a long lazy seq streamed without holding its head fits under a
# small cap, and malformed sizes are usage errors (status 2).
# Usage: memory_test.sh CLOVE
set -uo pipefail
clove="$1"
fails=0
check() {  # check NAME EXPECTED ACTUAL
  if [[ "$2" != "$3" ]]; then
    printf 'FAIL %s\n  expected: %s\n  actual:   %s\n' "$1" "$2" "$3"
    fails=$((fails + 1))
  fi
}
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

printf '(println :start)\n(def v (into [] (range 20000000)))\n(println :unreachable)\n' >"$tmp/big.clj"
out="$("$clove" run --max-memory 64M "$tmp/big.clj" 2>"$tmp/err")"
check "uncaught: exit status" "1" "$?"
check "uncaught: output before the error" ":start" "$out"
grep -q "OutOfMemoryError" "$tmp/err" || { echo "FAIL uncaught: no OutOfMemoryError in: $(cat "$tmp/err")"; fails=$((fails + 1)); }
grep -q "memory limit of 64 MiB exceeded" "$tmp/err" || { echo "FAIL uncaught: the cap is not named in: $(cat "$tmp/err")"; fails=$((fails + 1)); }

# The suffixes: K, M, G (powers of 1024), with or without B / iB; plain bytes.
out="$("$clove" --max-memory 65536K -e '(count (into [] (range 20000000)))' 2>&1)"
check "65536K: exit status" "1" "$?"
[[ "$out" == *"memory limit of 64 MiB exceeded"* ]] || { echo "FAIL 65536K: $out"; fails=$((fails + 1)); }
check "1G is enough" "20000000" "$("$clove" --max-memory 1G -e '(count (into [] (range 20000000)))' 2>&1)"
check "2GiB" "3" "$("$clove" --max-memory 2GiB -e '(+ 1 2)' 2>&1)"
check "bytes" "3" "$("$clove" --max-memory 100000000 -e '(+ 1 2)' 2>&1)"

# Caught, the program goes on; the memory is given back.
cat >"$tmp/caught.clj" <<'CLJ'
(def r (try (count (into [] (range 20000000))) (catch OutOfMemoryError e (ex-message e))))
(println r)
(println (count (into [] (range 1000000))))
CLJ
check "caught" $'memory limit of 64 MiB exceeded\n1000000' "$("$clove" run --max-memory 64M "$tmp/caught.clj" 2>&1)"

# Streaming: the seq's head is not held, so 100 million elements go through 16 MiB.
printf '(println (count (filter odd? (range 100000000))))\n' >"$tmp/stream.clj"
check "streaming under 16M" "50000000" "$("$clove" run --max-memory 16M "$tmp/stream.clj" 2>&1)"

# Malformed sizes.
for bad in 12X 0 M -5 1.5G 64MX; do
  "$clove" run --max-memory "$bad" "$tmp/stream.clj" >/dev/null 2>"$tmp/err"
  check "--max-memory $bad: exit status" "2" "$?"
  grep -q "max-memory" "$tmp/err" || { echo "FAIL $bad: no message"; fails=$((fails + 1)); }
done

[[ $fails -eq 0 ]] && echo "cli memory: all passed"
exit $((fails > 0))

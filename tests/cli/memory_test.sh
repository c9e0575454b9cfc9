#!/usr/bin/env bash
# memory_test.sh: `--max-memory SIZE` caps the heap (SPEC V9): an uncaught
# OutOfMemoryError ends the program with status 1 and a message naming the cap, a caught
# one lets it go on, a long lazy seq streamed without holding its head fits under a
# small cap, and malformed sizes are usage errors (status 2). Under GC stress (a
# collection at every allocation) only the parts that allocate little run.
# Usage: memory_test.sh CLOVE
set -uo pipefail
clove="$1"
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"
stress=0
[[ -n "${CLOVE_GC_STRESS:-}" && "${CLOVE_GC_STRESS}" != 0 ]] && stress=1

# A string doubled until it passes the cap: few allocations, so it runs under GC stress
# too. Uncaught: status 1 and the cap named; caught: the program goes on.
printf '(println :start)\n(loop [s "ab"] (recur (str s s)))\n' >"$tmp/double.clj"
out="$("$clove" run --max-memory 32M "$tmp/double.clj" 2>"$tmp/err")"
check "doubling, uncaught: exit status" "1" "$?"
check "doubling, uncaught: output before the error" ":start" "$out"
grep -q "memory limit of 32 MiB exceeded" "$tmp/err" || { echo "FAIL doubling: the cap is not named in: $(cat "$tmp/err")"; fails=$((fails + 1)); }
cat >"$tmp/double_caught.clj" <<'CLJ'
(println (try (loop [s "ab"] (recur (str s s))) (catch OutOfMemoryError e [(class e) (ex-message e)])))
(println (try (loop [s "ab"] (recur (str s s))) (catch Error e :error)))
(println (+ 1 2))
CLJ
check "doubling, caught" $'[java.lang.OutOfMemoryError memory limit of 32 MiB exceeded]\n:error\n3' \
  "$("$clove" run --max-memory 32M "$tmp/double_caught.clj" 2>&1)"

if [[ $stress == 1 ]]; then
  echo "SKIP the 20,000,000-element programs: under GC stress"
else
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

  # Streaming: the seq's head is not held, so 20 million elements go through 16 MiB.
  printf '(println (count (filter odd? (range 20000000))))\n(println (reduce + (range 20000000)))\n' >"$tmp/stream.clj"
  check "streaming under 16M" $'10000000\n199999990000000' "$("$clove" run --max-memory 16M "$tmp/stream.clj" 2>&1)"
  # sort, vec and set drain a lazy seq with their frame holding a cursor, not the head:
  # a million items of iterate (a lazy seq, a closure and a cons each, twice with take)
  # needed more than 48 MiB while the head was held.
  cat >"$tmp/drain.clj" <<'CLJ'
(println (count (sort (take 1000000 (iterate inc 0)))))
(println (peek (vec (take 1000000 (iterate inc 0)))))
(println (count (set (map #(mod % 7) (take 1000000 (iterate inc 0))))))
CLJ
  check "sort, vec, set of a lazy seq under 24M" $'1000000\n999999\n7' "$("$clove" run --max-memory 24M "$tmp/drain.clj" 2>&1)"
fi

# CLOVE_GC_STATS=1: a line per finished cycle on stderr, each ending with the longest
# pause an incremental step has made so far (Heap::longest_step_ns): positive once a
# cycle has run, never decreasing from one line to the next.
# Not under GC stress, which collects at every allocation instead of in paced steps.
printf '(println (count (reduce (fn [m i] (assoc m i i)) {} (range 100000))))\n' >"$tmp/stats.clj"
if [[ $stress == 1 ]]; then
  echo "SKIP gc stats: under GC stress"
else
  out="$(CLOVE_GC_STATS=1 "$clove" run "$tmp/stats.clj" 2>"$tmp/err")"
  check "gc stats: output" "100000" "$out"
  pauses="$(grep -oE 'longest pause so far [0-9]+\.[0-9]+ ms$' "$tmp/err" | awk '{print $5}')"
  if [[ -z "$pauses" ]]; then
    echo "FAIL gc stats: no cycle line with the longest pause in: $(head -3 "$tmp/err")"; fails=$((fails + 1))
  elif ! awk '{ if ($1 + 0 < prev) bad = 1; prev = $1 + 0 } END { exit !(prev > 0 && !bad) }' <<<"$pauses"; then
    echo "FAIL gc stats: pauses not positive and non-decreasing: $(echo $pauses | head -c 300)"; fails=$((fails + 1))
  fi
fi

# Malformed sizes.
for bad in 12X 0 M -5 1.5G 64MX; do
  "$clove" run --max-memory "$bad" "$tmp/double.clj" >/dev/null 2>"$tmp/err"
  check "--max-memory $bad: exit status" "2" "$?"
  grep -q "max-memory" "$tmp/err" || { echo "FAIL $bad: no message"; fails=$((fails + 1)); }
done

[[ $fails -eq 0 ]] && echo "cli memory: all passed"
exit $((fails > 0))

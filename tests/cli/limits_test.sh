#!/usr/bin/env bash
# limits_test.sh: the command line's limits (SPEC V9): `run --max-instructions`, and
# Ctrl-C in the REPL through a pseudo-terminal (util-linux `script`), which interrupts
# the evaluation in progress and keeps the REPL alive.
# Usage: limits_test.sh CLOVE
set -uo pipefail
clove="$1"
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"

# An endless loop under a budget: stopped, exit status 1, a message naming the budget;
# catching Throwable does not help it.
printf '(println "start")\n(loop [] (try (loop [i 0] (recur (inc i))) (catch Throwable e nil)) (recur))\n' >"$tmp/forever.clj"
out="$("$clove" run --max-instructions 200000 "$tmp/forever.clj" 2>"$tmp/err")"
check "budget: exit status" "1" "$?"
check "budget: output before" "start" "$out"
contains "budget: message" "instruction budget of 200000 exhausted" "$(cat "$tmp/err")"
# A program within its budget is unaffected.
printf '(println (reduce + (range 1000)))\n' >"$tmp/small.clj"
check "budget: enough" "499500" "$("$clove" run --max-instructions 10000000 "$tmp/small.clj")"
# Bad values are usage errors.
"$clove" run --max-instructions -5 "$tmp/small.clj" >/dev/null 2>&1
check "budget: negative is bad usage" "2" "$?"

# Ctrl-C (byte 3 through a pseudo-terminal) interrupts an endless loop; the REPL goes on.
# Timed input: skipped under GC stress, where the REPL takes seconds to start.
if [[ -n "${CLOVE_GC_STRESS:-}" && "${CLOVE_GC_STRESS}" != 0 ]]; then
  echo "SKIP repl ctrl-c: under GC stress"
elif command -v script >/dev/null; then
  repl="$( (printf '(loop [] (recur))\n'; sleep 3; printf '\003'; sleep 1; printf '(+ 1 2)\n'; sleep 0.5
            printf 'abc\003'; sleep 0.5; printf '(+ 3 4)\n'; sleep 0.5; printf '\004') |
          timeout 20 script -qfec "$clove repl" /dev/null | tr -d '\r')"
  contains "repl ctrl-c: interrupted" "Execution error (InterruptedError)" "$repl"
  contains "repl ctrl-c: alive after" $'user=> (+ 1 2)\n3' "$repl"
  contains "repl ctrl-c at the prompt drops the line" $'user=> (+ 3 4)\n7' "$repl"
else
  echo "SKIP repl ctrl-c: no script(1)"
fi

if ((fails)); then
  echo "cli limits: $fails failed"
  exit 1
fi
echo "cli limits: all passed"

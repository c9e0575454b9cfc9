#!/usr/bin/env bash
# sandbox_test.sh: `clove --sandbox` / `--allow` (docs/design/sandbox.md): a sandboxed
# script that touches a capability it was not granted fails with the SandboxException
# message and a non-zero status; --allow grants capabilities one by one.
# Usage: sandbox_test.sh CLOVE
set -uo pipefail
clove="$1"
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"
printf 'secret\n' >"$tmp/data.txt"
printf '(println (slurp "%s"))\n' "$tmp/data.txt" >"$tmp/read.clj"
printf '(println (System/getenv "HOME"))\n' >"$tmp/env.clj"
printf '(ns dep)\n(def x 42)\n' >"$tmp/dep.clj"
printf '(require (quote dep))\n(println dep/x)\n' >"$tmp/uses_dep.clj"
printf '(println (+ 1 2))\n' >"$tmp/pure.clj"

# Without --sandbox everything is granted.
check "normal run" "secret" "$("$clove" run "$tmp/read.clj" 2>&1)"

# A denied capability: the message on stderr, status 1, nothing printed by the script.
err="$("$clove" run --sandbox "$tmp/read.clj" 2>&1 >/dev/null)"
status=$?
check "sandboxed slurp status" "1" "$status"
contains "sandboxed slurp message" "SandboxException" "$err"
contains "sandboxed slurp names capability and function" \
  "fs capability required by clojure.core/slurp" "$err"
check "sandboxed slurp stdout" "" "$("$clove" run --sandbox "$tmp/read.clj" 2>/dev/null)"

# --sandbox before the subcommand, and for -e.
"$clove" --sandbox run "$tmp/read.clj" >/dev/null 2>&1
check "--sandbox before run" "1" "$?"
err="$("$clove" --sandbox -e '(System/exit 0)' 2>&1)"
status=$?
check "-e System/exit status" "1" "$status"
contains "-e System/exit message" "process capability required by System/exit" "$err"
contains "-e sh message" "process capability required by clojure.java.shell/sh" \
  "$("$clove" --sandbox -e '(clojure.java.shell/sh "true")' 2>&1)"
contains "-e time" "time capability required by System/nanoTime" \
  "$("$clove" --sandbox -e '(time 1)' 2>&1)"

# Pure code runs; embedded libraries load; requiring a file needs :load.
check "sandboxed pure" "3" "$("$clove" run --sandbox "$tmp/pure.clj" 2>&1)"
check "sandboxed clojure.set" "#{1 2}" \
  "$("$clove" --sandbox -e "(require 'clojure.set)" -e '(clojure.set/union #{1} #{2})' 2>&1)"
contains "sandboxed require from disk" "load capability required by clojure.core/load of /dep" \
  "$("$clove" run --sandbox "$tmp/uses_dep.clj" 2>&1)"
check "--allow load" "42" "$("$clove" run --allow load "$tmp/uses_dep.clj" 2>&1)"

# --allow grants capabilities one by one (and implies --sandbox).
check "--allow fs reads" "secret" "$("$clove" run --sandbox --allow fs "$tmp/read.clj" 2>&1)"
contains "--allow fs still denies env" "env capability required by System/getenv" \
  "$("$clove" run --allow fs "$tmp/env.clj" 2>&1)"
check "--allow fs,env" "$HOME" "$("$clove" run --allow fs,env "$tmp/env.clj" 2>&1)"
check "--allow all" "$HOME" "$("$clove" run --allow all "$tmp/env.clj" 2>&1)"

# A sandboxed REPL.
contains "sandboxed repl" "fs capability required by clojure.core/slurp" \
  "$(printf '(slurp "%s")\n' "$tmp/data.txt" | "$clove" repl --sandbox 2>&1)"

# An unknown capability is a usage error.
err="$("$clove" run --allow fs,disk "$tmp/pure.clj" 2>&1)"
status=$?
check "unknown capability status" "2" "$status"
contains "unknown capability message" "unknown capability 'disk'" "$err"

[[ $fails -eq 0 ]] && echo "cli sandbox: all passed"
exit $((fails > 0))

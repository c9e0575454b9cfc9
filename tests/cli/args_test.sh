#!/usr/bin/env bash
# args_test.sh: the CLI passes expressions and program arguments through verbatim, sets
# exit statuses, and the REPL keeps its history vars.
# Usage: args_test.sh CLOVE
set -uo pipefail
clove="$1"
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"
printf '(prn *command-line-args*)\n' >"$tmp/args.clj"

check "-e vector" "[1 2]" "$("$clove" -e '[1 2]')"
check "-e with commas" "[3 4]" "$("$clove" -e '[3,4]')"
check "several -e" $'3\n{:a [1]}' "$("$clove" -e '(+ 1 2)' -e '{:a [1]}')"
check "-e args" '("[p,q]" "r")' "$("$clove" -e '(prn *command-line-args*)' '[p,q]' r)"
check "run args" '("[a,b]" "x" "[1 2]" "-e" "--foo")' "$("$clove" run "$tmp/args.clj" '[a,b]' x '[1 2]' -e --foo)"
check "run no args" "nil" "$("$clove" run "$tmp/args.clj")"
check "file first, no run" '("x" "-e" "[1 2]")' "$("$clove" "$tmp/args.clj" x -e '[1 2]')"
"$clove" -e '(throw (ex-info "boom" {}))' >/dev/null 2>&1
check "uncaught error exit status" "1" "$?"
"$clove" -e '(System/exit 7)' >/dev/null 2>&1
check "System/exit status" "7" "$?"

# Only the subcommands named on the command line are built: help still lists them all,
# a subcommand's own help and options still work, and -e runs without any.
help_out="$("$clove" --help 2>&1)"
help_with_e="$("$clove" -e 1 --help 2>&1)"  # -e alone builds no subcommand; --help builds all
for sub in run compile disasm repl nrepl-server dap debug test; do
  check "--help lists $sub" "1" "$(printf '%s\n' "$help_out" | grep -c "^  $sub ")"
  check "-e 1 --help lists $sub" "1" "$(printf '%s\n' "$help_with_e" | grep -c "^  $sub ")"
done
check "run --help shows its options" "1" "$("$clove" run --help 2>&1 | grep -c -- '--max-instructions')"
"$clove" run >/dev/null 2>&1
check "run without a file is a usage error" "2" "$?"

# The REPL keeps *1 *2 *3 and *e, as clojure.main's does.
repl_out="$(printf '(+ 1 2)\n(* *1 10)\n[*1 *2 *3]\n(/ 1 0)\n(ex-message *e)\n' | "$clove" repl 2>/dev/null)"
# (stdin not a terminal: no banner and no prompts, one value per form)
check "repl *1 *2 *3 *e" $'3\n30\n[30 3 nil]\n"Divide by zero"' "$(printf '%s' "$repl_out" | sed '/^$/d')"
# Several forms on one line: each value printed, *1 following each.
repl_out="$(printf '(+ 1 2) (str "a" "b") (count *1)\n' | "$clove" repl 2>/dev/null)"
check "repl forms on one line" $'3\n"ab"\n2' "$(printf '%s' "$repl_out" | sed '/^$/d')"

[[ $fails -eq 0 ]] && echo "cli args: all passed"
exit $((fails > 0))

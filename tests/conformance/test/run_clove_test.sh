#!/usr/bin/env bash
# run_clove_test.sh: runs `clove test` in a sample project folder and checks the result.
#
# Usage: run_clove_test.sh CLOVE PROJECT_DIR
# Expectations in PROJECT_DIR:
#   expected.out    optional: the exact expected stdout
#   expected.lines  optional: lines that must each appear in stdout (for output with
#                   stack traces, whose frames are Clove's own)
#   expected.exit   expected exit status (default 0)
# The last line of stdout must always be "N passed, M failed".
set -uo pipefail
clove="$1"
dir="$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$dir" && exec "$clove" test) >"$tmp/stdout" 2>"$tmp/stderr" </dev/null
status=$?
ok=1
fail() {
  echo "FAIL: $*"
  ok=0
}
expected_exit=0
[[ -f $dir/expected.exit ]] && expected_exit="$(tr -d ' \t\r\n' <"$dir/expected.exit")"
[[ $status -eq $expected_exit ]] || fail "exit status $status, expected $expected_exit"
tail -n 1 "$tmp/stdout" | grep -Eq '^[0-9]+ passed, [0-9]+ failed$' || fail "last line is not 'N passed, M failed'"
if [[ -f $dir/expected.out ]] && ! cmp -s "$dir/expected.out" "$tmp/stdout"; then
  fail "stdout differs from expected.out (--- expected, +++ actual):"
  diff -u "$dir/expected.out" "$tmp/stdout" | sed '1,2d' | head -n 60
fi
if [[ -f $dir/expected.lines ]]; then
  while IFS= read -r line || [[ -n $line ]]; do
    [[ -z $line ]] && continue
    grep -Fxq -- "$line" "$tmp/stdout" || fail "stdout has no line: $line"
  done <"$dir/expected.lines"
fi
if [[ $ok -eq 0 ]]; then
  echo "---- stdout ----"
  head -n 60 "$tmp/stdout"
  echo "---- stderr ----"
  head -n 40 "$tmp/stderr"
  exit 1
fi
exit 0

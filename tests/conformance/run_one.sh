#!/usr/bin/env bash
# run_one.sh: runs one conformance test and compares it with its expectations.
#
# Usage: run_one.sh CLOVE FILE [EXPECT_BASE]
#   CLOVE        path to the clove binary
#   FILE         the program (.clj or .cljc); it is run as `clove run NAME.clj` from its
#                own folder, so messages name the file without a directory
#   EXPECT_BASE  path prefix of the expectation files (default: FILE without extension)
#
# Expectations, next to the test (EXPECT_BASE + suffix):
#   .out   required: the exact expected stdout
#   .err   optional: what stderr must contain, one requirement per line:
#            text       the line must appear verbatim somewhere in stderr
#            re:REGEX   an extended regular expression (grep -E) matching stderr
#            # ...      a comment; blank lines are ignored
#   .exit  optional: expected exit status, a number or the word `nonzero` (default 0)
#   .in    optional: the program's standard input (default: none, /dev/null)
# Exit status: 0 when every expectation holds; otherwise 1, after printing what differs.
set -uo pipefail

if [[ $# -lt 2 ]]; then
  echo "usage: run_one.sh CLOVE FILE [EXPECT_BASE]" >&2
  exit 2
fi
clove="$1"
file="$2"
base="${3:-${file%.*}}"

if [[ ! -x $clove ]]; then
  echo "FAIL: clove binary not found or not executable: $clove"
  exit 1
fi
[[ $clove == */* ]] && clove="$(cd "$(dirname "$clove")" && pwd)/$(basename "$clove")"
if [[ ! -f $file ]]; then
  echo "FAIL: no such test file: $file"
  exit 1
fi
if [[ ! -f $base.out ]]; then
  echo "FAIL: missing expected output $base.out"
  exit 1
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
stdin=/dev/null
[[ -f $base.in ]] && stdin="$(cd "$(dirname "$base.in")" && pwd)/$(basename "$base.in")"
(cd "$(dirname "$file")" && exec "$clove" run "$(basename "$file")") \
  >"$tmp/stdout" 2>"$tmp/stderr" <"$stdin"
status=$?

ok=1
fail() {
  echo "FAIL: $*"
  ok=0
}

expected_exit=0
[[ -f $base.exit ]] && expected_exit="$(tr -d ' \t\r\n' <"$base.exit")"
if [[ $expected_exit == nonzero ]]; then
  [[ $status -ne 0 ]] || fail "exit status 0, expected non-zero"
elif [[ $status -ne $expected_exit ]]; then
  fail "exit status $status, expected $expected_exit"
fi

if ! cmp -s "$base.out" "$tmp/stdout"; then
  fail "stdout differs from $base.out (--- expected, +++ actual):"
  diff -u "$base.out" "$tmp/stdout" | head -n 60 | sed '1,2d'
fi

if [[ -f $base.err ]]; then
  while IFS= read -r line || [[ -n $line ]]; do
    [[ -z ${line// /} || $line == \#* ]] && continue
    if [[ $line == re:* ]]; then
      grep -Eq -- "${line#re:}" "$tmp/stderr" || fail "stderr does not match /${line#re:}/"
    else
      grep -Fq -- "$line" "$tmp/stderr" || fail "stderr does not contain: $line"
    fi
  done <"$base.err"
fi

if [[ $ok -eq 0 ]]; then
  echo "---- stderr (first 40 lines) ----"
  head -n 40 "$tmp/stderr"
  exit 1
fi
# A test that was expected to pass quietly must not write to stderr.
if [[ ! -f $base.err && -s $tmp/stderr ]]; then
  echo "FAIL: unexpected stderr output:"
  head -n 40 "$tmp/stderr"
  exit 1
fi
exit 0

# check.sh: what the CLI tests share; sourced, not run. Defines `fails` (the count of
# failed checks), `check NAME EXPECTED ACTUAL` (equal), `contains NAME NEEDLE HAYSTACK`
# and `$tmp`, a temporary folder removed on exit. A test ends with
# `exit $((fails > 0))`.
fails=0
check() {  # check NAME EXPECTED ACTUAL
  if [[ "$2" != "$3" ]]; then
    printf 'FAIL %s\n  expected: %s\n  actual:   %s\n' "$1" "$2" "$3"
    fails=$((fails + 1))
  fi
}
contains() {  # contains NAME NEEDLE HAYSTACK
  if [[ "$3" != *"$2"* ]]; then
    printf 'FAIL %s\n  expected to contain: %s\n  actual: %s\n' "$1" "$2" "$3"
    fails=$((fails + 1))
  fi
}
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

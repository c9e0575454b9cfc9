#!/usr/bin/env bash
# selftest.sh: checks that run_one.sh passes what it should and fails what it should,
# using a fake `clove` whose behaviour each case controls. Needs no real clove.
#
# Usage: tests/conformance/gen/selftest.sh     Exit status: 0 when every case behaves.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
runner="$here/../run_one.sh"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# The fake clove: `clove run NAME.clj` prints NAME.fake-out to stdout, NAME.fake-err to
# stderr and exits with the status in NAME.fake-exit (default 0).
cat >"$tmp/clove" <<'FAKE'
#!/usr/bin/env bash
[[ $1 == run ]] || exit 2
base="${2%.*}"
[[ -f $base.fake-out ]] && cat "$base.fake-out"
[[ -f $base.fake-err ]] && cat "$base.fake-err" >&2
exit "$(cat "$base.fake-exit" 2>/dev/null || echo 0)"
FAKE
chmod +x "$tmp/clove"

failures=0
cases=0
# check NAME pass|fail: runs the test $tmp/NAME.clj (files prepared by the caller).
check() {
  local name="$1" want="$2" got=pass
  cases=$((cases + 1))
  touch "$tmp/$name.clj"
  "$runner" "$tmp/clove" "$tmp/$name.clj" >"$tmp/$name.log" 2>&1 || got=fail
  if [[ $got != "$want" ]]; then
    echo "selftest $name: expected $want, got $got"
    sed 's/^/    /' "$tmp/$name.log"
    failures=$((failures + 1))
  fi
}

printf 'hello\n' >"$tmp/ok.out"; printf 'hello\n' >"$tmp/ok.fake-out"
check ok pass

printf 'hello\n' >"$tmp/diff.out"; printf 'hullo\n' >"$tmp/diff.fake-out"
check diff fail

printf 'hello' >"$tmp/newline.out"; printf 'hello\n' >"$tmp/newline.fake-out"
check newline fail

: >"$tmp/noout.fake-out"
check noout fail  # no .out file at all

: >"$tmp/exit.out"; echo 1 >"$tmp/exit.fake-exit"
check exit fail  # exits 1, expected 0

: >"$tmp/exit1.out"; echo 1 >"$tmp/exit1.fake-exit"; echo 1 >"$tmp/exit1.exit"
printf 'Boom\n' >"$tmp/exit1.fake-err"; printf 'Boom\n' >"$tmp/exit1.err"
check exit1 pass

: >"$tmp/nonzero.out"; echo 3 >"$tmp/nonzero.fake-exit"; echo nonzero >"$tmp/nonzero.exit"
check nonzero pass

: >"$tmp/nonzero0.out"; echo nonzero >"$tmp/nonzero0.exit"
check nonzero0 fail

: >"$tmp/err.out"; echo 1 >"$tmp/err.exit"; echo 1 >"$tmp/err.fake-exit"
printf 'Syntax error reading source at (err.clj:2:9).\nUnmatched delimiter: )\n' >"$tmp/err.fake-err"
printf '# a comment\n\nUnmatched delimiter: )\nre:err\\.clj:2:[0-9]+\n' >"$tmp/err.err"
check err pass

: >"$tmp/errline.out"; echo 1 >"$tmp/errline.exit"; echo 1 >"$tmp/errline.fake-exit"
printf 'Syntax error reading source at (errline.clj:3:9).\n' >"$tmp/errline.fake-err"
printf 're:errline\\.clj:2:[0-9]+\n' >"$tmp/errline.err"
check errline fail  # wrong line

: >"$tmp/errtext.out"; printf 'something else\n' >"$tmp/errtext.fake-err"
printf 'Unmatched delimiter: )\n' >"$tmp/errtext.err"
check errtext fail

: >"$tmp/stray.out"; printf 'warning: stray\n' >"$tmp/stray.fake-err"
check stray fail  # stderr output without a .err file

if [[ $failures -ne 0 ]]; then
  echo "selftest: $failures case(s) misjudged"
  exit 1
fi
echo "selftest: run_one.sh judged all $cases cases correctly"

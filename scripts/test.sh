#!/usr/bin/env bash
# test.sh: sets up, builds Clove and runs every test (unit and conformance) with ctest.
#
# Usage: scripts/test.sh [CTEST_ARGS...]    e.g. scripts/test.sh -L conformance
# The build directory and options are those of scripts/build.sh; CLOVE_SKIP_BUILD=1
# runs the tests of the existing build directory without building.
# Prints failing tests' output, then a final line "N passed, M failed".
# Exit status: 0 only when every test passed (and at least one ran).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
build_dir="${CLOVE_BUILD_DIR:-build}"
if [[ ${CLOVE_SKIP_BUILD:-0} == 1 ]]; then
  [[ -f $build_dir/CTestTestfile.cmake ]] || { echo "no build in $build_dir: no tests ran"; exit 1; }
elif ! "$repo/scripts/build.sh"; then
  echo "build failed: no tests ran"
  exit 1
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
ctest --test-dir "$build_dir" --output-on-failure -j "${CLOVE_JOBS:-$(nproc)}" \
  --timeout "${CLOVE_TEST_TIMEOUT:-900}" "$@" 2>&1 | tee "$log"
ctest_status=${PIPESTATUS[0]}
set -e

# ctest's summary: "95% tests passed, 2 tests failed out of 40".
summary=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -1 || true)
if [[ -z $summary ]]; then
  echo "0 passed, 0 failed (no tests ran)"
  exit 1
fi
failed=$(sed -E 's/.* ([0-9]+) tests? failed out of.*/\1/' <<<"$summary")
total=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$summary")
echo "$((total - failed)) passed, $failed failed"
[[ $ctest_status -eq 0 && $failed -eq 0 ]]

#!/usr/bin/env bash
# fuzz.sh: builds the libFuzzer targets (tests/fuzz/) with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer in build-fuzz/, and runs each for a given time.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
#   SECONDS  how long each target runs (default 60)
#   TARGET   unmarshal, reader or eval (default: all three)
# Each target starts from its seed corpus (tests/fuzz/corpus/<target>/; for reader and
# eval also every program under tests/conformance/, tests/bytecode/ and examples/; for
# unmarshal also marshalled values and an image made by fuzz_make_seeds), the inputs that once
# failed (tests/fuzz/regressions/<target>/) and what earlier runs found
# (build-fuzz/corpus/<target>/). A crash, sanitizer report, leak or hang is written to
# build-fuzz/crashes/<target>/; copy it to tests/fuzz/regressions/<target>/ once fixed.
# (libFuzzer also writes slow-unit-* there: inputs over 10 s, reported, not failures.)
# An input that runs longer than CLOVE_FUZZ_TIMEOUT seconds (default 60: the slowest
# legitimate inputs take about 11 s under the sanitizers) counts as a hang.
# Needs `scripts/setup.sh --fuzz` (clang, libfuzzer-14-dev).
# Exit status: non-zero if a target found a failing input or the build failed.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
seconds="${1:-60}"
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(unmarshal reader eval)
dir="${CLOVE_FUZZ_BUILD_DIR:-build-fuzz}"
jobs="${CLOVE_JOBS:-$(nproc)}"

"$repo/scripts/setup.sh" --fuzz
if [[ ! -f $dir/build.ninja ]]; then
  CC=clang CXX=clang++ cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLOVE_FUZZ=ON \
    -DCLOVE_EXAMPLES=OFF
fi
build_targets=(fuzz_make_seeds)
for t in "${targets[@]}"; do build_targets+=("fuzz_$t"); done
ninja -C "$dir" -j "$jobs" "${build_targets[@]}"

# A smaller quarantine, returned to the system: inputs that read or build huge forms
# (nested syntax-quotes) would otherwise ratchet the process's RSS up to the limit.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:detect_stack_use_after_return=0:quarantine_size_mb=64:allocator_release_to_os_interval_ms=500}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
status=0
for t in "${targets[@]}"; do
  work="$dir/corpus/$t"
  crashes="$dir/crashes/$t"
  mkdir -p "$work" "$crashes"
  seeds=("tests/fuzz/corpus/$t" "tests/fuzz/regressions/$t")
  # The reader and eval targets also start from every Clove program of the test suite.
  [[ $t == unmarshal ]] || seeds+=(tests/conformance tests/bytecode examples)
  if [[ $t == unmarshal ]]; then
    mkdir -p "$dir/seeds/unmarshal"
    "$dir/tests/fuzz/fuzz_make_seeds" "$dir/seeds/unmarshal"
    seeds+=("$dir/seeds/unmarshal")
  fi
  # git keeps no empty folders: a seed folder a clean clone lacks is skipped, not an error.
  present=()
  for s in "${seeds[@]}"; do [[ -d $s ]] && present+=("$s"); done
  echo "== fuzz_$t for ${seconds}s =="
  log="$dir/fuzz_$t.log"
  if ! "$dir/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout="${CLOVE_FUZZ_TIMEOUT:-60}" -rss_limit_mb=6144 -malloc_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix="$crashes/" "$work" "${present[@]}" >"$log" 2>&1; then
    status=1
    echo "fuzz_$t: FAILED; the input is in $crashes/ and the report ends with:"
    tail -40 "$log"
  fi
  runs=$(grep -ao 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  echo "fuzz_$t: $runs inputs run in ${seconds}s; corpus $(ls "$work" | wc -l) files; failing inputs: $(ls "$crashes" | grep -vc '^slow-unit' || true)"
done
exit $status

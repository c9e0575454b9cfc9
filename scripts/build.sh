#!/usr/bin/env bash
# build.sh: configures and builds Clove with CMake + Ninja (runs setup.sh first).
#
# Usage: scripts/build.sh [TARGET...]     (no targets: build everything)
# Environment:
#   CLOVE_BUILD_DIR    build directory (default: build, relative to the repository)
#   CLOVE_BUILD_TYPE   CMake build type (default: Release)
#   CLOVE_CMAKE_ARGS   extra arguments for the configure step, e.g. -DCLOVE_SANITIZE=ON
#   CLOVE_JOBS         parallel compile jobs (default: number of cores)
#   CLOVE_SKIP_SETUP=1 do not run setup.sh
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
build_dir="${CLOVE_BUILD_DIR:-build}"
build_type="${CLOVE_BUILD_TYPE:-Release}"
jobs="${CLOVE_JOBS:-$(nproc)}"

[[ ${CLOVE_SKIP_SETUP:-0} == 1 ]] || "$repo/scripts/setup.sh"

# shellcheck disable=SC2086  # CLOVE_CMAKE_ARGS is a list of words on purpose
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" ${CLOVE_CMAKE_ARGS:-} >/dev/null
targets=()
for t in "$@"; do targets+=(--target "$t"); done
cmake --build "$build_dir" -j "$jobs" "${targets[@]}"

#!/usr/bin/env bash
# run-example.sh: sets up a Debian 12 machine, builds Clove (Release) and runs an example.
#
# Usage: scripts/run-example.sh [FILE.clj]     (default: examples/life.clj)
# The build directory and options are those of scripts/build.sh.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
"$repo/scripts/build.sh" clove
exec "${CLOVE_BUILD_DIR:-build}/clove" run "${1:-examples/life.clj}"

#!/usr/bin/env bash
# setup.sh: installs the Debian 12 packages needed to build and test Clove.
#
# Quick no-op when everything is already installed (checked with dpkg-query).
# Uses apt-get directly when run as root, sudo otherwise; never asks questions.
# Usage: scripts/setup.sh [--reference | --fuzz | --bench | --clients | --profile]
#   --reference  also install JVM Clojure, used only to regenerate expected outputs
#                of conformance tests (tests/conformance/gen/record-expected.sh).
#   --fuzz       also install clang and libFuzzer, for scripts/fuzz.sh.
#   --bench      also install the peers bench/run.sh compares Clove with (Lua 5.4,
#                LuaJIT, Python 3, JVM Clojure), gnuplot for its chart and GNU time
#                for peak memory.
#   --profile    also install valgrind, for scripts/startup-order.sh.
#   --clients    also install the real nREPL clients tests/nrepl/clients/run.sh drives
#                (nREPL 1.0's JVM client and terminal client, Leiningen) and a JRE, and
#                Node with npm for tests/dap/run.sh (Microsoft's DAP test client, from npm).
# Exit status: non-zero if installation fails.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config make  # toolchain (make: CMake's fallback, cheap to have)
  lld                                    # links the clove command's start-up code together (CMakeLists.txt)
  libfmt-dev libpcre2-dev libgmp-dev libutf8proc-dev libffi-dev  # linked into clove_core
  libcli11-dev libedit-dev                            # the clove command line and REPL
  nlohmann-json3-dev                                  # the DAP server's JSON (src/tools/dap/)
  libncurses-dev libbsd-dev libmd-dev                 # libedit's own, linked statically
  libgtest-dev libgmock-dev libbenchmark-dev          # unit tests and benchmarks
  python3                                             # the nREPL and REPL tests' drivers
)
if [[ ${1:-} == --profile ]]; then
  packages+=(valgrind)
fi
if [[ ${1:-} == --reference ]]; then
  packages+=(default-jre-headless clojure)
fi
if [[ ${1:-} == --fuzz ]]; then
  packages+=(clang libfuzzer-14-dev)
fi
if [[ ${1:-} == --clients ]]; then
  packages+=(default-jre-headless clojure libnrepl-clojure leiningen)
  # Node and npm: Debian's packages unless a Node is installed already (NodeSource's
  # nodejs bundles npm and conflicts with Debian's npm package).
  command -v node >/dev/null || packages+=(nodejs)
  command -v npm >/dev/null || packages+=(npm)
fi
if [[ ${1:-} == --bench ]]; then
  packages+=(lua5.4 luajit python3 default-jre-headless clojure gnuplot-nox time)
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "setup.sh: installing ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null; then
  sudo=(sudo)
else
  echo "setup.sh: need root or sudo to install: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"

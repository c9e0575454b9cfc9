#!/usr/bin/env bash
# install_test.sh BUILD_DIR SOURCE_DIR: installs the build into a temporary prefix with
# cmake --install, then builds examples/embed against it alone, with
# find_package(clove) and then with pkg-config, and runs both programs.
set -euo pipefail
build="$1"
src="$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
for f in bin/clove include/clove/clove.h include/clove/vm.h lib/libclove.a lib/cmake/clove/cloveConfig.cmake \
         lib/pkgconfig/clove.pc; do
  [[ -e "$tmp/prefix/$f" || -e "$tmp/prefix/${f/lib\//lib64/}" ]] || { echo "FAIL: $f not installed"; exit 1; }
done
# Nothing of the source tree's internals is installed.
if find "$tmp/prefix/include" -name '*.h' | grep -v '/clove/' | grep -q .; then
  echo "FAIL: internal headers installed:"; find "$tmp/prefix/include" -name '*.h'; exit 1
fi

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
cmake -S "$src/examples/embed" -B "$tmp/embed" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/embed" >/dev/null
"$tmp/embed/embed_example" >"$tmp/out.txt" || { cat "$tmp/out.txt"; echo "FAIL: find_package build"; exit 1; }
grep -q "four VMs on four threads" "$tmp/out.txt"

libdir="$(dirname "$(find "$tmp/prefix" -name clove.pc)")"
# shellcheck disable=SC2046
c++ -o "$tmp/embed_pc" "$src/examples/embed/main.cpp" \
    $(PKG_CONFIG_PATH="$libdir" pkg-config --cflags --libs clove) -pthread
"$tmp/embed_pc" >"$tmp/out_pc.txt" || { cat "$tmp/out_pc.txt"; echo "FAIL: pkg-config build"; exit 1; }
echo "installed, built with find_package and with pkg-config, and ran"

#!/usr/bin/env bash
# module_test.sh CLOVE MODULE_DIR: native extension modules (include/clove/module.h):
# `require` loads greet.so from the load path and its natives work; a sandbox without
# :ffi refuses it; a shared library that is not a module is a clear error.
set -uo pipefail
clove="$1"
dir="$2"
fail=0
check() {  # check NAME EXPECTED ACTUAL
  if [[ "$2" == "$3" ]]; then echo "ok   $1"; else echo "FAIL $1"; echo "  expected: $2"; echo "  actual:   $3"; fail=1; fi
}

out=$("$clove" -cp "$dir" -e "(require 'greet) (println (greet/hello \"you\") (greet/twice \"ab\") (map greet/shout [\"x\" \"y\"]))" 2>&1)
check "require loads greet.so" 'hello, you hello, ab / AB (X Y)' "$out"

out=$("$clove" -cp "$dir" -e "(require '[greet :as g]) (println (try (g/hello 42) (catch ClassCastException e (ex-message e))))" 2>&1)
check "a bad argument is a catchable error" 'greet/hello: argument 1: java.lang.Long cannot be converted to std::string' "$out"

out=$("$clove" --sandbox --allow load -cp "$dir" -e "(require 'greet)" 2>&1); status=$?
check "the sandbox needs :ffi for a module (status)" 1 "$status"
[[ "$out" == *"ffi capability required by loading the native module"* ]] || { echo "FAIL sandbox message: $out"; fail=1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$(ldconfig -p | awk '/libm.so.6 .*x86-64/ {print $NF; exit}')" "$tmp/notmod.so" 2>/dev/null || cp /lib/x86_64-linux-gnu/libm.so.6 "$tmp/notmod.so"
out=$("$clove" -cp "$tmp" -e "(require 'notmod)" 2>&1); status=$?
check "a library without an entry point (status)" 1 "$status"
[[ "$out" == *"is not a Clove module: it has no CLOVE_MODULE entry point"* ]] || { echo "FAIL not-a-module message: $out"; fail=1; }
printf 'garbage' > "$tmp/broken.so"
out=$("$clove" -cp "$tmp" -e "(require 'broken)" 2>&1); status=$?
check "a file that is not a library (status)" 1 "$status"
[[ "$out" == *"Cannot load the native module"* ]] || { echo "FAIL broken message: $out"; fail=1; }
exit $fail

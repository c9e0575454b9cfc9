#!/usr/bin/env bash
# module_test.sh CLOVE MODULE_DIR: native extension modules (include/clove/module.h):
# `require` loads greet.so from the load path and its natives work; a sandbox without
# :ffi refuses it; a shared library that is not a module, and a file that is not a
# shared library, are clear errors; a C++ exception thrown in a module is a Clove error.
set -uo pipefail
clove="$1"
dir="$2"
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"

out=$("$clove" -cp "$dir" -e "(require 'greet) (println (greet/hello \"you\") (greet/twice \"ab\") (map greet/shout [\"x\" \"y\"]))" 2>&1)
check "require loads greet.so" 'hello, you hello, ab / AB (X Y)' "$out"

out=$("$clove" -cp "$dir" -e "(require '[greet :as g]) (println (try (g/hello 42) (catch ClassCastException e (ex-message e))))" 2>&1)
check "a bad argument is a catchable error" 'greet/hello: argument 1: java.lang.Long cannot be converted to std::string' "$out"

out=$("$clove" -cp "$dir" -e "(require 'greet) (println (try (greet/refuse \"no\") (catch Exception e (str \"caught: \" (ex-message e)))))" 2>&1)
check "a C++ exception thrown by a module's native is catchable" 'caught: refused: no (thrown by the native greet/refuse)' "$out"

out=$("$clove" --sandbox --allow load -cp "$dir" -e "(require 'greet)" 2>&1)
check "the sandbox needs :ffi for a module (status)" 1 "$?"
contains "the sandbox needs :ffi for a module (message)" "ffi capability required by loading the native module" "$out"

libm=$(ldconfig -p | awk '/libm\.so\.6 .*x86-64/ {print $NF; exit}')
cp "${libm:-/lib/x86_64-linux-gnu/libm.so.6}" "$tmp/notmod.so"
out=$("$clove" -cp "$tmp" -e "(require 'notmod)" 2>&1)
check "a library without an entry point (status)" 1 "$?"
contains "a library without an entry point (message)" "is not a Clove module: it has no CLOVE_MODULE entry point" "$out"

printf 'garbage' >"$tmp/broken.so"
out=$("$clove" -cp "$tmp" -e "(require 'broken)" 2>&1)
check "a file that is not a library (status)" 1 "$?"
contains "a file that is not a library (message)" "Cannot load the native module" "$out"
exit $((fails > 0))

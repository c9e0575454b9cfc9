#!/usr/bin/env bash
# image_test.sh: `clove compile FILE [-o OUT]` writes a program image that `clove run`
# runs without reading source (SPEC E7, T1): the same output as running the source,
# with the required lib's file gone; *command-line-args* reach it; a truncated or
# corrupted image, or a file that only starts like one, is a clean error (status 1 and
# an "unmarshal:" message), never a crash.
# Usage: image_test.sh CLOVE
set -uo pipefail
clove="$1"
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"

mkdir -p "$tmp/prog/my"
cat >"$tmp/prog/main.clj" <<'CLJ'
(ns main (:require [my.util :as u] [clojure.string :as str]))
(defmacro twice [x] `(do ~x ~x))
(println "main" (u/greet "world") (str/upper-case "abc"))
(twice (println "twice"))
(defrecord P [x y])
(println (->P 1 2) (u/total (range 10)))
(println "args" *command-line-args*)
CLJ
cat >"$tmp/prog/my/util.clj" <<'CLJ'
(ns my.util)
(println "loading my.util")
(defn greet [x] (str "hello, " x))
(defn total [xs] (reduce + xs))
CLJ
expected="$("$clove" run "$tmp/prog/main.clj" a b 2>&1)"
check "source run" $'loading my.util\nmain hello, world ABC\ntwice\ntwice\n#main.P{:x 1, :y 2} 45\nargs (a b)' "$expected"
"$clove" compile "$tmp/prog/main.clj" -o "$tmp/prog.clvm" >"$tmp/compile.out" 2>&1
check "compile: status" "0" "$?"
contains "compile runs the program" "loading my.util" "$(cat "$tmp/compile.out")"
rm -rf "$tmp/prog"
check "image run, sources gone" "$expected" "$("$clove" run "$tmp/prog.clvm" a b 2>&1)"

mkdir -p "$tmp/d"
printf '(println (+ 1 2))\n' >"$tmp/d/x.clj"
"$clove" compile "$tmp/d/x.clj" >/dev/null
check "default output name" "3" "$("$clove" run "$tmp/d/x.clvm" 2>&1)"

# Bad images: every prefix of a small image, some corrupted bytes, a lookalike header.
size=$(stat -c %s "$tmp/d/x.clvm")
crashes=0
for ((n = 0; n < size; n += 7)); do
  head -c "$n" "$tmp/d/x.clvm" >"$tmp/cut.clvm"
  "$clove" run "$tmp/cut.clvm" >/dev/null 2>&1
  status=$?
  [[ $status -eq 0 || $status -eq 1 ]] || crashes=$((crashes + 1))
done
check "truncated images: no crash" "0" "$crashes"
printf 'CLVM\x01\x08\x04\x00\x01\x00\x63' >"$tmp/bad.clvm"
"$clove" run "$tmp/bad.clvm" >/dev/null 2>"$tmp/err"
check "bad tag: status" "1" "$?"
contains "bad tag: message" "unmarshal: unknown tag 99" "$(cat "$tmp/err")"
printf 'CLVM' >"$tmp/short.clvm"
"$clove" run "$tmp/short.clvm" >/dev/null 2>"$tmp/err"
check "header only: status" "1" "$?"
contains "header only: message" "unmarshal: not marshalled Clove data" "$(cat "$tmp/err")"
"$clove" compile "$tmp/missing.clj" >/dev/null 2>"$tmp/err"
check "compile a missing file: status" "1" "$?"
exit $((fails > 0))

#!/usr/bin/env bash
# record-expected.sh: records conformance expectations from JVM Clojure, the reference.
#
# Usage: tests/conformance/gen/record-expected.sh [FILE.clj|FILE.cljc...]
#        (no arguments: every test under tests/conformance/ and every examples/*.clj)
# For each test it runs `clojure.main NAME.clj` from the test's folder (or NAME.jvm.clj
# when that exists: a variant for things the JVM cannot run as written, e.g. tail calls
# 10,000,000 deep, which need `trampoline` there) and writes:
#   NAME.out   the JVM's stdout, verbatim
#   NAME.exit  the JVM's exit status when non-zero (removed when zero, unless it says
#              `nonzero`)
# It never writes NAME.err (Clove's messages are its own); it prints a note for each
# .err requirement that the JVM's stderr does not meet, to review by hand.
# Needs JVM Clojure: scripts/setup.sh --reference.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
conf="$(dirname "$here")"
repo="$(cd "$conf/../.." && pwd)"
# "." last: the test's own folder is a source root, as `clove run` adds the script's folder.
classpath="$(printf '%s:' /usr/share/java/*.jar)."
# A large thread stack so that deep (non-tail) recursion tests run on the JVM too.
java_opts=(-Xss1g)

files=("$@")
if [[ ${#files[@]} -eq 0 ]]; then
  mapfile -t files < <(find "$conf" -mindepth 2 -maxdepth 2 \( -name '*.clj' -o -name '*.cljc' -o -name '*.clove' \) ! -name '*.jvm.clj' | sort)
  files+=("$repo"/examples/*.clj)
fi

for f in "${files[@]}"; do
  f="$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"
  name="$(basename "$f")"
  name="${name%.*}"
  if [[ $f == "$repo/examples/"* ]]; then
    base="$conf/examples/$name"
    mkdir -p "$conf/examples"
  else
    base="${f%.*}"
  fi
  src="$f"
  [[ -f ${f%.*}.jvm.clj ]] && src="${f%.*}.jvm.clj"
  err="$(mktemp)"
  set +e
  stdin=/dev/null
  [[ -f $base.in ]] && stdin="$base.in"
  (cd "$(dirname "$src")" && java "${java_opts[@]}" -cp "$classpath" clojure.main "$(basename "$src")") \
    >"$base.out" 2>"$err" <"$stdin"
  status=$?
  set -e
  if [[ $status -ne 0 ]]; then
    if [[ ! -f $base.exit || $(tr -d ' \n' <"$base.exit") != nonzero ]]; then
      echo "$status" >"$base.exit"
    fi
  else
    rm -f "$base.exit"
  fi
  echo "recorded ${base#"$repo"/} (exit $status)"
  if [[ -f $base.err ]]; then
    while IFS= read -r line || [[ -n $line ]]; do
      [[ -z ${line// /} || $line == \#* ]] && continue
      if [[ $line == re:* ]]; then
        grep -Eq -- "${line#re:}" "$err" || echo "  note: JVM stderr does not match /${line#re:}/"
      else
        grep -Fq -- "$line" "$err" || echo "  note: JVM stderr does not contain: $line"
      fi
    done <"$base.err"
  fi
  if [[ ${CLOVE_SHOW_JVM_STDERR:-0} == 1 && -s $err ]]; then sed 's/^/  jvm: /' "$err"; fi
  rm -f "$err"
done

#!/usr/bin/env bash
# bench/collections/run.sh: idiomatic collection workloads (workloads.clj) on Clove and
# on JVM Clojure, each timed in-process after a warm-up, and their ratios.
#
# Usage: bench/collections/run.sh [-o BASE]
# Runs `clove run workloads.clj` and `java ... clojure.main workloads.clj` (the same file),
# prints a table of each workload's median time on both and clove/jvm, with the
# geometric mean, and writes it to BASE.md (default bench/results/YYYY-MM-DD-HOST-
# collections.md). Installs the JVM peer with scripts/setup.sh --bench and builds
# build/clove when missing (CLOVE=path picks another binary). Progress goes to stderr.
# Exit status: 0, or 1 when the two disagree on a workload's checksum.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    -o) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
[[ -n $out ]] || out="$repo/bench/results/$(date -u +%Y-%m-%d)-$(hostname -s)-collections"
clove="${CLOVE:-$repo/build/clove}"
if [[ ! -x $clove ]]; then
  echo "building $clove" >&2
  "$repo/scripts/build.sh" clove >&2
fi
if ! command -v java >/dev/null || [[ ! -e /usr/share/java/clojure.jar ]]; then
  echo "installing JVM Clojure (scripts/setup.sh --bench)" >&2
  "$repo/scripts/setup.sh" --bench >&2
fi
classpath="$(ls /usr/share/java/*.jar | tr '\n' :)"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "clove: $(grep -c '^(measure' "$here/workloads.clj") workloads (about 15 s)" >&2
(cd "$here" && "$clove" run workloads.clj) > "$tmp/clove.txt"
echo "JVM Clojure: the same (about 15 s)" >&2
(cd "$here" && java -cp "$classpath" clojure.main workloads.clj) > "$tmp/jvm.txt"

status=0
{
  echo "# Collection workloads: $(date -u +%Y-%m-%d) on $(hostname -s)"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- commit: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "- machine: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(nproc) cores online"
  echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- JVM: Clojure $(java -cp "$classpath" clojure.main -e '(print (clojure-version))' 2>/dev/null) on $(java -version 2>&1 | head -1)"
  echo
  echo "Each workload runs twice untimed, then 5 times timed with System/nanoTime in the"
  echo "same process; the table gives the medians (bench/collections/workloads.clj)."
  echo
  echo "| workload | clove (ms) | JVM Clojure (ms) | clove/jvm |"
  echo "|---|---:|---:|---:|"
  paste -d' ' "$tmp/clove.txt" "$tmp/jvm.txt" | awk '
    { ratio = ($5 > 0 ? $2 / $5 : 0); sum += log(ratio); n++
      bad = ($1 != $4 || $3 != $6) ? " (checksums differ)" : ""
      if (bad != "") mismatch = 1
      printf "| %s | %.1f | %.1f | %.2f%s |\n", $1, $2, $5, ratio, bad }
    END { printf "| geometric mean | | | %.2f |\n", exp(sum / n); exit mismatch }' || status=1
} > "$out.md"
cat "$out.md"
echo "wrote $out.md" >&2
exit $status

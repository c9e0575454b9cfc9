#!/usr/bin/env bash
# run.sh: the benchmark suite (SPEC T6): Clove against Lua 5.4, LuaJIT (interpreter
# and JIT), Python 3 and JVM Clojure on the programs of bench/suite/.
#
# Usage: bench/run.sh [-n RUNS] [--only NAME[,NAME...]] [--peers PEER[,PEER...]]
#                     [--quick] [--no-setup] [-o BASE]
#   -n RUNS       paired runs per program (default 5)
#   --only        only these programs (names of bench/suite/*.clj)
#   --peers       the peers to run beside Clove, from lua5.4, luajit-joff, luajit,
#                 python3, jvm (default: all; e.g. --peers lua5.4,luajit-joff to skip
#                 the slow JVM). Ratios need lua5.4.
#   --quick       a smoke run: the small sizes, 1 run, 3 start-ups; results go to
#                 ${TMPDIR:-/tmp}/clove-bench-quick.* instead of bench/results/
#   --no-setup    do not run scripts/setup.sh --bench (the peers must be installed)
#   -o BASE       write BASE.md, BASE.tsv and the chart (BASE.png or BASE.svg) instead
#                 of bench/results/YYYY-MM-DD-HOST.*
# Environment: CLOVE, the clove binary (default: build/clove, built with scripts/build.sh
# if missing, which also reads CLOVE_BUILD_DIR and the other variables it documents).
#
# What it measures: for each program, Clove and every peer run one after another
# (clove, lua5.4, luajit -joff, luajit, python3, jvm; then again), RUNS times, each
# with the program's full size from bench/suite/expected.txt as its argument. Wall time
# is taken around the whole process, so it includes start-up (which is the point for a
# scripting language, and what makes the JVM slow on short programs); peak RSS comes
# from GNU time's %M. The table shows the median time of each implementation, the
# median over runs of the ratio clove/lua5.4 of the two runs of a pair (a ratio holds
# when a shared machine's speed drifts), and the median peak RSS of Clove and lua5.4;
# its last row is the geometric mean of each implementation's ratio to lua5.4. Start-up
# (`clove -e nil`, `lua5.4 -e ''`, ...) is run 20 times, interleaved the same way, and
# timed without the wrappers (timeout, GNU time) that cost a few milliseconds; its peak
# RSS comes from a second run under GNU time.
# Every run's output must be the checksum recorded for that program in
# bench/suite/expected.txt; a mismatch or a failed run is reported loudly.
# A chart of the ratios to lua5.4 (gnuplot) and the table go to the results file with
# the machine (uname, CPU), the date and the git commit. Progress goes to stderr.
#
# Exit status: 0 when every run printed its expected checksum; 1 on a mismatch or a
# failed run; 2 on bad usage or a missing tool.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
suite="$repo/bench/suite"
all_peers=(lua5.4 luajit-joff luajit python3 jvm)

# usage [STATUS]: prints the Usage paragraph of the header above and exits (default 2).
usage() { sed -n '/^# Usage:/,/^# What it measures/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2; exit "${1:-2}"; }
die() { echo "run.sh: $*" >&2; exit 2; }

# --- Options -------------------------------------------------------------------------
runs=5 only="" peers_opt="" quick=0 setup=1 base=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    -n) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || usage; runs="$2"; shift 2 ;;
    --only) [[ -n ${2:-} ]] || usage; only="$2"; shift 2 ;;
    --peers) [[ -n ${2:-} ]] || usage; peers_opt="$2"; shift 2 ;;
    --quick) quick=1; shift ;;
    --no-setup) setup=0; shift ;;
    -o) [[ -n ${2:-} ]] || usage; base="$2"; shift 2 ;;
    -h|--help) usage 0 ;;
    *) usage ;;
  esac
done
startup_runs=20
kind=full
if [[ $quick == 1 ]]; then
  runs=1 startup_runs=3 kind=small
fi

peers=("${all_peers[@]}")
if [[ -n $peers_opt ]]; then
  IFS=, read -r -a peers <<<"$peers_opt"
  for p in "${peers[@]}"; do
    [[ " ${all_peers[*]} " == *" $p "* ]] || die "unknown peer '$p' (known: ${all_peers[*]})"
  done
fi
impls=(clove "${peers[@]}")

# Programs: the rows of expected.txt of this kind (full or small), in file order.
programs=() sizes=() expected=()
while read -r name k size sum; do
  [[ $name == \#* || -z $name || $k != "$kind" ]] && continue
  if [[ -n $only && ",$only," != *",$name,"* ]]; then continue; fi
  programs+=("$name") sizes+=("$size") expected+=("$sum")
done <"$suite/expected.txt"
[[ ${#programs[@]} -gt 0 ]] || die "no program matches --only $only"

# --- Tools ---------------------------------------------------------------------------
if [[ $setup == 1 ]]; then
  "$repo/scripts/setup.sh" --bench
fi
build_dir="${CLOVE_BUILD_DIR:-build}"
[[ $build_dir == /* ]] || build_dir="$repo/$build_dir"
clove="${CLOVE:-$build_dir/clove}"
if [[ ! -x $clove ]]; then
  [[ -z ${CLOVE:-} ]] || die "CLOVE=$CLOVE is not an executable"
  echo "run.sh: building $clove" >&2
  CLOVE_SKIP_SETUP=1 "$repo/scripts/build.sh" clove >&2  # setup.sh --bench ran above
fi
[[ -x /usr/bin/time ]] || die "GNU time (/usr/bin/time) is missing: scripts/setup.sh --bench"
python3="$(command -v /usr/bin/python3 || command -v python3 || true)"  # Debian's first
classpath="$(printf '%s:' /usr/share/java/*.jar)"
for p in "${peers[@]}"; do
  case "$p" in
    lua5.4) command -v lua5.4 >/dev/null || die "lua5.4 is missing" ;;
    luajit*) command -v luajit >/dev/null || die "luajit is missing" ;;
    python3) [[ -n $python3 ]] || die "python3 is missing" ;;
    jvm) if ! command -v java >/dev/null || [[ ! -e /usr/share/java/clojure.jar ]]; then die "JVM Clojure is missing"; fi ;;
  esac
done

# command_of IMPL NAME: the command line that runs suite program NAME under IMPL.
command_of() {
  case "$1" in
    clove) echo "$clove run $suite/$2.clj" ;;
    lua5.4) echo "lua5.4 $suite/$2.lua" ;;
    luajit-joff) echo "luajit -joff $suite/$2.lua" ;;
    luajit) echo "luajit $suite/$2.lua" ;;
    python3) echo "$python3 $suite/$2.py" ;;
    jvm) echo "java -cp $classpath clojure.main $suite/$2.clj" ;;
  esac
}

# startup_command_of IMPL: the command line that starts IMPL and does nothing.
startup_command_of() {
  case "$1" in
    clove) echo "$clove -e nil" ;;
    lua5.4) echo "lua5.4 -e ''" ;;
    luajit-joff) echo "luajit -joff -e ''" ;;
    luajit) echo "luajit -e ''" ;;
    python3) echo "$python3 -c pass" ;;
    jvm) echo "java -cp $classpath clojure.main -e nil" ;;
  esac
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
raw="$work/raw.tsv"  # one line per run: program impl run seconds rss_kb status

# measure PROGRAM IMPL RUN EXPECTED COMMAND...: runs COMMAND once and appends its wall
# time, peak RSS and status (ok, MISMATCH or FAILED) to $raw; prints the seconds.
measure() {
  local prog="$1" impl="$2" run="$3" want="$4"
  shift 4
  local start end status=ok out
  start=$EPOCHREALTIME
  if ! timeout 900 /usr/bin/time -f %M -o "$work/rss" "$@" >"$work/out" 2>"$work/err"; then
    status=FAILED
  fi
  end=$EPOCHREALTIME
  out="$(cat "$work/out")"
  if [[ $status == ok && -n $want && $out != "$want" ]]; then status=MISMATCH; fi
  if [[ $status != ok ]]; then
    {
      echo "run.sh: *** $status: $impl on $prog (run $run): expected '$want', got '$out'"
      head -5 "$work/err"
    } >&2
  fi
  local seconds
  seconds=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", e - s }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$prog" "$impl" "$run" "$seconds" \
    "$(tail -1 "$work/rss" | tr -dc 0-9)" "$status" >>"$raw"
  echo "$seconds"
}

# --- The programs, paired runs -------------------------------------------------------
echo "run.sh: ${#programs[@]} programs x ${#impls[@]} implementations x $runs runs ($kind sizes)" >&2
for i in "${!programs[@]}"; do
  prog="${programs[$i]}"
  line="$prog:"
  for ((r = 1; r <= runs; r++)); do
    for impl in "${impls[@]}"; do
      # shellcheck disable=SC2046  # the command line is split into words on purpose
      t=$(measure "$prog" "$impl" "$r" "${expected[$i]}" $(command_of "$impl" "$prog") "${sizes[$i]}")
      [[ $r == 1 ]] && line+=" $impl ${t}s"
    done
  done
  bad=$(awk -F'\t' -v p="$prog" '$1 == p && $6 != "ok"' "$raw" | wc -l)
  echo "$line$([[ $bad == 0 ]] && echo " (ok)" || echo " ($bad BAD RUNS)")" >&2
done

# measure_startup IMPL RUN COMMAND...: like measure, for start-up: the wall time is of
# COMMAND alone (GNU time and timeout cost a few milliseconds, as much as a start-up),
# the peak RSS of a second run under GNU time.
measure_startup() {
  local impl="$1" run="$2" start end status=ok
  shift 2
  start=$EPOCHREALTIME
  "$@" >/dev/null 2>"$work/err" || status=FAILED
  end=$EPOCHREALTIME
  /usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>&1 || status=FAILED
  [[ $status == ok ]] || { echo "run.sh: *** start-up of $impl FAILED:"; head -5 "$work/err"; } >&2
  printf 'startup\t%s\t%s\t%s\t%s\t%s\n' "$impl" "$run" \
    "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.5f", e - s }')" \
    "$(tail -1 "$work/rss" | tr -dc 0-9)" "$status" >>"$raw"
}

# --- Start-up -------------------------------------------------------------------------
echo "run.sh: start-up, $startup_runs runs each" >&2
for ((r = 1; r <= startup_runs; r++)); do
  for impl in "${impls[@]}"; do
    eval "set -- $(startup_command_of "$impl")"  # eval: the quotes in -e ''
    measure_startup "$impl" "$r" "$@"
  done
done

# --- Summaries ------------------------------------------------------------------------
# summarize: from $raw, one line per program (and "startup"): program, then for each
# implementation its median seconds, median RSS (KB) and median ratio to lua5.4 over
# the pairs (or "-"), then the count of bad runs. Implementations in ${impls[@]} order.
summarize() {
  awk -F'\t' -v impls="${impls[*]}" '
    function median(list,    n, a, i, j, t) {
      n = split(list, a, " ")
      for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
      return n == 0 ? "-" : (n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2)
    }
    { t[$1, $2, $3] = $4; rss[$1, $2] = rss[$1, $2] " " $5; times[$1, $2] = times[$1, $2] " " $4
      if (!($1 in seen)) { seen[$1] = 1; order[++np] = $1 }
      if ($3 > nr[$1]) nr[$1] = $3
      if ($6 != "ok") bad[$1]++ }
    END {
      ni = split(impls, im, " ")
      for (p = 1; p <= np; p++) {
        prog = order[p]; line = prog
        for (k = 1; k <= ni; k++) {
          x = im[k]; ratios = ""
          for (r = 1; r <= nr[prog]; r++)
            if ((prog, x, r) in t && (prog, "lua5.4", r) in t && t[prog, "lua5.4", r] > 0)
              ratios = ratios " " t[prog, x, r] / t[prog, "lua5.4", r]
          line = line "\t" median(times[prog, x]) "\t" median(rss[prog, x]) "\t" (ratios == "" ? "-" : median(ratios))
        }
        print line "\t" (bad[prog] + 0)
      }
    }' "$raw"
}
summarize >"$work/summary.tsv"

# table: the markdown table of the programs (times, ratio, RSS) and the geometric means.
table() {
  awk -F'\t' -v impls="${impls[*]}" '
    BEGIN { ni = split(impls, im, " ")
            for (k = 1; k <= ni; k++) { if (im[k] == "clove") c = k; if (im[k] == "lua5.4") l = k }
            h = "| program |"; s = "|---|"
            for (k = 1; k <= ni; k++) { h = h " " im[k] " (s) |"; s = s "---:|" }
            print h " clove/lua5.4 | RSS clove (MB) | RSS lua5.4 (MB) | checksums |"
            print s "---:|---:|---:|---|" }
    $1 != "startup" {
      row = "| " $1 " |"
      for (k = 1; k <= ni; k++) {
        row = row " " sprintf("%.3f", $(2 + 3 * (k - 1))) " |"
        r = $(4 + 3 * (k - 1)); if (r != "-" && r > 0) { logsum[k] += log(r); nlog[k]++ }
      }
      ratio = l ? sprintf("%.2f", $(4 + 3 * (c - 1))) : "-"
      rl = l ? sprintf("%.1f", $(3 + 3 * (l - 1)) / 1024) : "-"
      print row " " ratio " | " sprintf("%.1f", $(3 + 3 * (c - 1)) / 1024) " | " rl " | " ($NF == 0 ? "ok" : "**" $NF " BAD**") " |"
    }
    END {
      if (!l) exit
      row = "| geometric mean of ratios to lua5.4 |"
      for (k = 1; k <= ni; k++) row = row " " (nlog[k] ? sprintf("%.2fx", exp(logsum[k] / nlog[k])) : "-") " |"
      print row " " (nlog[c] ? sprintf("%.2f", exp(logsum[c] / nlog[c])) : "-") " | | | |"
    }' "$work/summary.tsv"
}

# startup_table: the markdown table of start-up times and their peak RSS.
startup_table() {
  awk -F'\t' -v impls="${impls[*]}" '
    BEGIN { ni = split(impls, im, " ")
            print "| start-up | median (ms) | peak RSS (MB) |"; print "|---|---:|---:|" }
    $1 == "startup" {
      for (k = 1; k <= ni; k++)
        printf "| %s | %.1f | %.1f |\n", im[k], $(2 + 3 * (k - 1)) * 1000, $(3 + 3 * (k - 1)) / 1024
    }' "$work/summary.tsv"
}

# chart OUT_BASE: draws each implementation's median ratio to lua5.4, per program, as
# clustered bars on a log scale; writes OUT_BASE.png (pngcairo or png) or .svg and
# prints the file name, or prints nothing without gnuplot or lua5.4.
chart() {
  command -v gnuplot >/dev/null || { echo "run.sh: no gnuplot, no chart" >&2; return 0; }
  [[ " ${impls[*]} " == *" lua5.4 "* ]] || return 0
  local terms term ext
  terms="$(gnuplot -e 'set terminal' 2>&1 || true)"
  if grep -qw pngcairo <<<"$terms"; then term="pngcairo size 1200,600 font ',10'" ext=png
  elif grep -qw png <<<"$terms"; then term="png size 1200,600" ext=png
  else term="svg size 1200,600" ext=svg; fi
  awk -F'\t' -v impls="${impls[*]}" '
    BEGIN { ni = split(impls, im, " "); h = "program"
            for (k = 1; k <= ni; k++) if (im[k] != "lua5.4") h = h "\t" im[k]; print h }
    $1 != "startup" {
      row = $1
      for (k = 1; k <= ni; k++) if (im[k] != "lua5.4") row = row "\t" $(4 + 3 * (k - 1))
      print row
    }' "$work/summary.tsv" >"$work/chart.tsv"
  local columns=$(( ${#impls[@]} - 1 ))
  gnuplot <<GNUPLOT
set terminal $term
set output '$1.$ext'
set datafile separator tab
set datafile missing '-'
set title 'Time relative to lua5.4 (median of paired runs; below 1 is faster than lua5.4)'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set logscale y 2
set grid ytics
set ylabel 'time / lua5.4 time'
set xtics rotate by -35 noenhanced
set key noenhanced top left
# The line at 1 (lua5.4) is a plot, so that the y range always includes it.
plot for [i=2:$((columns + 1))] '$work/chart.tsv' using i:xtic(1) title columnheader(i), \\
  1 with lines lw 2 lc rgb 'black' notitle
GNUPLOT
  echo "$1.$ext"
}

# machine_info: uname, CPU, cores, memory, date, git commit, peer versions (markdown).
machine_info() {
  local commit
  commit="$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  # Only changes that can move the numbers: the sources of the clove binary and the programs.
  git -C "$repo" diff --quiet HEAD -- src include cli CMakeLists.txt bench/suite 2>/dev/null ||
    commit+=" (with uncommitted changes to the sources or the programs)"
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- commit: $commit"
  echo "- machine: \`$(uname -a)\`"
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores online"
  echo "- memory: $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)"
  echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  local v=""
  for p in "${peers[@]}"; do
    case "$p" in
      lua5.4) v+="$(lua5.4 -v 2>&1 | cut -d' ' -f1-2); " ;;
      luajit) v+="$(luajit -v 2>&1 | cut -d' ' -f1-2); " ;;
      python3) v+="$("$python3" --version 2>&1); " ;;
      jvm) v+="Clojure $(java -cp "$classpath" clojure.main -e '(print (clojure-version))' 2>/dev/null) on $(java -version 2>&1 | head -1); " ;;
    esac
  done
  echo "- peers: ${v%; }"
  echo "- runs: $runs paired runs per program ($kind sizes), $startup_runs start-ups"
}

# --- Report ---------------------------------------------------------------------------
if [[ -z $base ]]; then
  if [[ $quick == 1 ]]; then
    base="${TMPDIR:-/tmp}/clove-bench-quick"
  else
    mkdir -p "$repo/bench/results"
    base="$repo/bench/results/$(date -u +%Y-%m-%d)-$(uname -n)"
  fi
fi
picture="$(chart "$base")"
{
  echo "# Benchmark suite: $(date -u +%Y-%m-%d) on $(uname -n)"
  echo
  machine_info
  echo
  echo "Median wall time in seconds (start-up included), $runs paired runs; clove/lua5.4"
  echo "is the median of the per-pair ratios; peak RSS is the median of GNU time's %M."
  echo "Sizes: $(for i in "${!programs[@]}"; do printf '%s %s, ' "${programs[$i]}" "${sizes[$i]}"; done | sed 's/, $//')."
  echo
  table
  echo
  [[ -n $picture ]] && echo "![time relative to lua5.4]($(basename "$picture"))" && echo
  startup_table
} >"$base.md"
cp "$raw" "$base.tsv"

table
echo
startup_table
echo
echo "Results: $base.md${picture:+ and $picture} (raw runs: $base.tsv)"

bad=$(awk -F'\t' '$6 != "ok"' "$raw" | wc -l)
if [[ $bad -gt 0 ]]; then
  echo "run.sh: *** $bad runs printed a wrong checksum or failed (see above) ***" >&2
  exit 1
fi

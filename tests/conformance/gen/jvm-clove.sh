#!/usr/bin/env bash
# jvm-clove.sh: a stand-in for the clove binary that runs JVM Clojure instead.
#
# Usage: jvm-clove.sh run FILE
# Used to test the conformance harness itself: configure a build with
# -DCLOVE_CONFORMANCE_BINARY=$PWD/tests/conformance/gen/jvm-clove.sh and every test
# whose expectations come from the JVM passes, while tests of Clove-only behaviour
# (its stack trace format, tail calls beyond the JVM's) fail, proving the harness
# catches differences.
set -euo pipefail
if [[ $# -ne 2 || $1 != run ]]; then
  echo "usage: jvm-clove.sh run FILE" >&2
  exit 2
fi
exec java -Xss1g -cp "$(printf '%s:' /usr/share/java/*.jar)" clojure.main "$2"

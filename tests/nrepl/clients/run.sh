#!/usr/bin/env bash
# run.sh CLOVE: real nREPL clients against `CLOVE nrepl-server` (docs/editors.md):
#   1. nREPL 1.0's own JVM client library (nrepl.core: connect, client, message,
#      client-session): nrepl_core_client.clj
#   2. nREPL 1.0's terminal client (nrepl.cmdline --connect) through a pseudo-terminal
#   3. lein repl :connect through a pseudo-terminal; Leiningen's REPL client (REPL-y,
#      reply 0.5.1) is not packaged in Debian, so this one runs only when it is in
#      ~/.m2 already (it is skipped, and says so, otherwise)
# Needs scripts/setup.sh --clients (a JRE, libnrepl-clojure, leiningen) and python3.
# Exit status 1 when any client fails.
set -euo pipefail
clove="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
server=""
cleanup() {
  [[ -n $server ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
cp="/usr/share/java/clojure.jar:/usr/share/java/nrepl.jar:/usr/share/java/spec.alpha.jar:/usr/share/java/core.specs.alpha.jar"
for jar in ${cp//:/ }; do
  [[ -f $jar ]] || { echo "run.sh: $jar is missing: run scripts/setup.sh --clients" >&2; exit 1; }
done

(cd "$work" && exec "$clove" nrepl-server --port 0 >"$work/server.log" 2>&1) &
server=$!
for _ in $(seq 100); do [[ -s $work/.nrepl-port ]] && break; sleep 0.1; done
port="$(cat "$work/.nrepl-port")"
head -1 "$work/server.log"
status=0

echo "== nrepl.core client"
java -cp "$cp" clojure.main "$here/nrepl_core_client.clj" "$port" || status=1

echo "== nrepl.cmdline --connect (terminal)"
python3 "$here/terminal_client.py" 'user=> $' java -cp "$cp" clojure.main -m nrepl.cmdline --connect \
  --host 127.0.0.1 --port "$port" || status=1

echo "== lein repl :connect (terminal)"
if ! command -v lein >/dev/null; then
  echo "lein is missing: run scripts/setup.sh --clients" >&2
  status=1
elif [[ ! -f ${HOME:-/nonexistent}/.m2/repository/reply/reply/0.5.1/reply-0.5.1.jar ]]; then
  echo "SKIP: lein repl :connect needs REPL-y (reply 0.5.1), which Debian does not package;"
  echo "      put it in ~/.m2 (lein fetches it when it can reach Clojars) to run this client."
else
  python3 "$here/terminal_client.py" 'user=> $' lein repl :connect "127.0.0.1:$port" || status=1
fi

kill -0 "$server" 2>/dev/null || { echo "FAIL: the server died" >&2; status=1; }
exit $status

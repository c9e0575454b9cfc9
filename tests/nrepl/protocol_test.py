#!/usr/bin/env python3
"""protocol_test.py CLOVE: the nREPL server's protocol, op by op, over a real socket.

Starts `CLOVE nrepl-server --port 0` in a temporary folder, checks the printed line and
.nrepl-port, then every op (describe clone close ls-sessions eval load-file interrupt
stdin completions complete info lookup eldoc macroexpand classpath) and bad input
(malformed and truncated bencode, unknown ops, missing fields, a 10 MB message, a
client that disconnects mid-eval, a hundred sessions, many clients at once). Prints
"N passed, M failed"; exit status 1 when anything failed.
"""
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from harness import check, finish  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nrepl_client import Client, merged  # noqa: E402


def start(clove, cwd):
    proc = subprocess.Popen([clove, "nrepl-server", "--port", "0"], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    m = re.fullmatch(r"nREPL server started on port (\d+) on host 127\.0\.0\.1 - nrepl://127\.0\.0\.1:(\d+)\n", line)
    check("started line", m is not None and m.group(1) == m.group(2), repr(line))
    port = int(m.group(1)) if m else 0
    with open(os.path.join(cwd, ".nrepl-port")) as f:
        check(".nrepl-port", f.read().strip() == str(port))
    return proc, port


def ev(c, code, **kw):
    msg = {"op": "eval", "code": code}
    msg.update(kw)
    return merged(c.request(msg))


def test_basics(port):
    with Client(port) as c:
        d = c.request({"op": "describe"})[0]
        for op in ["clone", "close", "describe", "eval", "load-file", "interrupt", "stdin", "ls-sessions",
                   "completions", "complete", "info", "lookup", "eldoc", "macroexpand", "classpath"]:
            check("describe lists " + op, op in d.get("ops", {}))
        check("describe versions", d["versions"]["nrepl"]["major"] == 1 and "clojure" in d["versions"])
        check("describe done", d["status"] == ["done"])

        s = c.clone()
        check("clone", re.fullmatch(r"[0-9a-f-]{36}", s) is not None, s)
        check("ls-sessions", s in merged(c.request({"op": "ls-sessions"}))["sessions"])

        r = ev(c, '(+ 1 2) (println "hi") (print "a") (binding [*out* *err*] (println "e"))', session=s)
        check("eval values", r["value"] == ["3", "nil", "nil", "nil"], r)
        check("eval out", r["out"] == "hi\na", r)
        check("eval err", r["err"] == "e\n", r)
        check("eval ns", r.get("ns") == "user", r)
        check("eval done", r["status"] == {"done"}, r)
        check("eval id echoed", all(m.get("session") == s for m in c.request({"op": "eval", "code": "1",
                                                                                 "session": s})))

        r = ev(c, "*1 (+ 10 *2)", session=s)
        check("*1 *2", r["value"] == ["1", "11"], r)

        r = ev(c, "(/ 1 0)", session=s)
        check("eval-error status", r["status"] == {"eval-error", "done"}, r)
        check("eval-error ex", r.get("ex") == "class java.lang.ArithmeticException", r)
        check("eval-error root-ex", r.get("root-ex") == "class java.lang.ArithmeticException", r)
        check("eval-error err", r["err"].startswith("Execution error (ArithmeticException)") and
              "Divide by zero" in r["err"], r)
        r = ev(c, "(ex-message *e)", session=s)
        check("*e", r["value"] == ['"Divide by zero"'], r)
        r = ev(c, '(throw (ex-info "outer" {} (IllegalStateException. "inner")))', session=s)
        check("root-ex", r.get("ex") == "class clojure.lang.ExceptionInfo" and
              r.get("root-ex") == "class java.lang.IllegalStateException", r)
        r = ev(c, "undefined-thing", session=s)
        check("compile error", r.get("ex") == "class clojure.lang.Compiler$CompilerException" and
              "Unable to resolve symbol: undefined-thing" in r["err"], r)
        r = ev(c, "(+ 1", session=s)
        check("reader error", "eval-error" in r["status"] and "EOF" in r["err"], r)
        r = ev(c, "1 (/ 1 0) 2", session=s)
        check("forms after an error run", r["value"] == ["1", "2"], r)

        r = ev(c, "(ns my.app) (defn f [x] (* 2 x))", session=s)
        check("ns changes", r.get("ns") == "my.app", r)
        r = ev(c, "(f 21)", session=s)
        check("session keeps ns", r["value"] == ["42"] and r.get("ns") == "my.app", r)
        r = ev(c, "(my.app/f 1)", session=s, ns="user")
        check("eval ns field", r["value"] == ["2"] and r.get("ns") == "user", r)
        r = ev(c, "1", session=s, ns="no.such.ns")
        check("namespace-not-found", {"namespace-not-found", "error", "done"} <= r["status"], r)

        r = ev(c, "(def pos-fn (fn [] 1))\n\n  (defn located [] 1)", session=s, file="/src/app.clj", line=10,
               column=5)
        r = ev(c, "((juxt :file :line :column) (meta #'located))", session=s)
        check("eval file/line/column", r["value"] == ['["/src/app.clj" 12 3]'], r)
        r = ev(c, "(defn boom [] (/ 1 0))\n(boom)", session=s, file="/src/b.clj", line=5)
        check("error position", "/src/b.clj:5" in r["err"], r)

        # Sessions keep their own bindings and *1.
        s2 = c.clone()
        ev(c, "(set! *print-length* 3) :x", session=s2)
        r = ev(c, "(range 10)", session=s2)
        check("session binding", r["value"] == ["(0 1 2 ...)"], r)
        r = ev(c, "(range 10)", session=s)
        check("other session unaffected", r["value"] == ["(0 1 2 3 4 5 6 7 8 9)"], r)
        r = ev(c, "*1", session=s2)
        check("session *1", r["value"] == ["(0 1 2 ...)"], r)
        s3 = merged(c.request({"op": "clone", "session": s2}))["new-session"]
        r = ev(c, "*ns* (range 5)", session=s3)
        check("clone copies session", r["value"] == ["#namespace[user]", "(0 1 2 ...)"], r)
        r = ev(c, "(my.app/f 5)", session=s3)
        check("sessions share the VM", r["value"] == ["10"], r)

        r = merged(c.request({"op": "load-file", "file": "(ns loaded.one)\n(defn g [] :g)\n(g)",
                              "file-path": "/tmp/loaded/one.clj", "file-name": "one.clj", "session": s}))
        check("load-file", r["value"] == [":g"] and r.get("ns") == "user", r)
        r = ev(c, "(:file (meta #'loaded.one/g))", session=s)
        check("load-file path", r["value"] == ['"/tmp/loaded/one.clj"'], r)
        check("load-file keeps ns", r.get("ns") == "user", r)

        # stdin
        c.send({"op": "eval", "code": "(read-line)", "session": s, "id": "rl"})
        r = merged(c.collect("rl", until="need-input"))
        check("need-input", "need-input" in r["status"], r)
        rs = c.request({"op": "stdin", "stdin": "typed text\n", "session": s})
        check("stdin done", rs[-1]["status"] == ["done"], rs)
        r = merged(c.collect("rl"))
        check("stdin read", r["value"] == ['"typed text"'], r)

        # interrupt
        c.send({"op": "eval", "code": "(loop [] (recur))", "session": s, "id": "spin"})
        time.sleep(0.3)
        r = merged(c.request({"op": "interrupt", "session": s, "interrupt-id": "other"}))
        check("interrupt-id-mismatch", "interrupt-id-mismatch" in r["status"], r)
        r = merged(c.request({"op": "interrupt", "session": s, "interrupt-id": "spin"}))
        check("interrupt reply", r["status"] == {"done"}, r)
        r = merged(c.collect("spin"))
        check("interrupted eval", r["status"] == {"interrupted", "done"}, r)
        r = merged(c.request({"op": "interrupt", "session": s}))
        check("session-idle", r["status"] == {"done", "session-idle"}, r)
        # An eval waiting behind another session's (sessions share the VM) can be
        # interrupted too.
        sa, sb = c.clone(), c.clone()
        c.send({"op": "eval", "code": "(loop [] (recur))", "session": sa, "id": "runs"})
        c.send({"op": "eval", "code": "(loop [] (recur))", "session": sb, "id": "waits"})
        time.sleep(0.2)
        r = merged(c.request({"op": "interrupt", "session": sb}))
        check("interrupt a queued eval", r["status"] == {"done"}, r)
        r = merged(c.collect("waits"))
        check("queued eval interrupted", r["status"] == {"interrupted", "done"}, r)
        c.request({"op": "interrupt", "session": sa})
        r = merged(c.collect("runs"))
        check("running eval interrupted", r["status"] == {"interrupted", "done"}, r)

        # Output is streamed while the code runs: "before" arrives while it still loops.
        c.send({"op": "eval", "code": '(println "before") (flush) (loop [] (recur))', "session": s, "id": "stream"})
        m = c.read()
        while m is not None and m.get("id") != "stream":
            m = c.read()
        check("out streamed while running", m is not None and m.get("out") == "before\n", m)
        c.request({"op": "interrupt", "session": s, "interrupt-id": "stream"})
        r = merged(c.collect("stream"))
        check("streamed eval interrupted", "interrupted" in r["status"], r)
        r = ev(c, "(+ 1 1)", session=s)
        check("eval after interrupt", r["value"] == ["2"], r)

        # completions
        r = merged(c.request({"op": "completions", "prefix": "ma", "ns": "user", "session": s}))
        cands = {x["candidate"]: x for x in r["completions"]}
        check("completions var", cands.get("map", {}).get("type") == "function" and
              cands["map"].get("ns") == "clojure.core", r)
        check("completions macro", cands.get("macroexpand", {}).get("type") == "function")
        r = merged(c.request({"op": "completions", "prefix": "clojure.string/jo", "session": s}))
        check("completions qualified", [x["candidate"] for x in r["completions"]] == ["clojure.string/join"], r)
        ev(c, "(require '[clojure.string :as cs])", session=s, ns="user")
        r = merged(c.request({"op": "completions", "prefix": "cs/up", "ns": "user", "session": s}))
        check("completions alias", [x["candidate"] for x in r["completions"]] == ["cs/upper-case"], r)
        r = merged(c.request({"op": "completions", "prefix": "my.a", "ns": "user", "session": s}))
        check("completions namespace", {"candidate": "my.app", "type": "namespace"} in r["completions"], r)
        ev(c, ":some-unusual-keyword", session=s)
        r = merged(c.request({"op": "completions", "prefix": ":some-unusual", "session": s}))
        check("completions keyword", [x["candidate"] for x in r["completions"]] == [":some-unusual-keyword"], r)
        r = merged(c.request({"op": "completions", "prefix": "java.lang.Illegal", "session": s}))
        check("completions class", {"candidate": "java.lang.IllegalArgumentException", "type": "class"}
              in r["completions"], r)
        r = merged(c.request({"op": "complete", "symbol": "whe", "ns": "user", "session": s}))
        check("complete (old op)", "when" in [x["candidate"] for x in r["completions"]], r)
        r = merged(c.request({"op": "completions", "prefix": "wh", "ns": "my.app", "session": s}))
        check("completions macro type", {"candidate": "when", "type": "macro", "ns": "clojure.core"}
              in r["completions"], r)

        # info, lookup, eldoc
        ev(c, '(defn documented "Does things." ([a] a) ([a b] b))', session=s, ns="my.app", file="/src/d.clj",
           line=3, column=1)
        r = merged(c.request({"op": "info", "sym": "documented", "ns": "my.app", "session": s}))
        check("info", r.get("doc") == "Does things." and r.get("arglists-str") == "([a] [a b])" and
              r.get("ns") == "my.app" and r.get("name") == "documented" and r.get("file") == "/src/d.clj" and
              r.get("line") == 3 and r.get("column") == 1, r)
        r = merged(c.request({"op": "info", "sym": "first", "ns": "user", "session": s}))
        check("info native", r.get("arglists-str") == "([coll])" and r.get("ns") == "clojure.core", r)
        r = merged(c.request({"op": "info", "sym": "nothing-here", "ns": "user", "session": s}))
        check("info no-info", r["status"] == {"done", "no-info"}, r)
        r = merged(c.request({"op": "lookup", "sym": "map", "ns": "user", "session": s}))
        check("lookup", r.get("info", {}).get("name") == "map" and "arglists-str" in r.get("info", {}), r)
        r = merged(c.request({"op": "eldoc", "sym": "documented", "ns": "my.app", "session": s}))
        check("eldoc", r.get("eldoc") == [["a"], ["a", "b"]] and r.get("type") == "function" and
              r.get("docstring") == "Does things.", r)
        r = merged(c.request({"op": "eldoc", "sym": "zzz", "ns": "my.app", "session": s}))
        check("no-eldoc", "no-eldoc" in r["status"], r)

        # macroexpand, classpath
        r = merged(c.request({"op": "macroexpand", "code": "(when a b)", "session": s}))
        check("macroexpand", r.get("expansion") == "(if a (do b))", r)
        r = merged(c.request({"op": "macroexpand", "code": "(when a (when b c))", "expander": "macroexpand-all",
                              "session": s}))
        check("macroexpand-all", r.get("expansion") == "(if a (do (if b (do c))))", r)
        r = merged(c.request({"op": "classpath", "session": s}))
        check("classpath", isinstance(r.get("classpath"), list) and len(r["classpath"]) >= 1, r)

        # clojure.repl in user
        r = ev(c, "(doc first)", session=s, ns="user")
        check("doc in user", r["out"].startswith("-------------------------\nclojure.core/first\n([coll])\n"), r)

        # source of definitions evaluated through nREPL (every eval shares a file name).
        ev(c, "(defn twice [x]\n  (* 2 x))", session=s, ns="user")
        ev(c, "(defn thrice [x] (* 3 x))", session=s, ns="user")
        r = ev(c, "(source twice)", session=s, ns="user")
        check("source of an nREPL definition", r["out"] == "(defn twice [x]\n  (* 2 x))\n", r)

        # What CIDER evaluates on connecting.
        r = ev(c, "(clojure.core/apply clojure.core/require clojure.main/repl-requires)", session=s)
        check("clojure.main/repl-requires", r["value"] == ["nil"] and not r["err"], r)

        # close
        r = merged(c.request({"op": "close", "session": s3}))
        check("close", r["status"] == {"done", "session-closed"}, r)
        check("closed session gone", s3 not in merged(c.request({"op": "ls-sessions"}))["sessions"])
        r = ev(c, "1", session=s3)
        check("unknown-session", {"error", "unknown-session", "done"} <= r["status"], r)


def test_bad_input(port):
    with Client(port) as c:
        r = merged(c.request({"op": "no-such-op"}))
        check("unknown-op", r["status"] == {"error", "unknown-op", "done"}, r)
        r = merged(c.request({"code": "1"}))
        check("missing op", "unknown-op" in r["status"], r)
        r = merged(c.request({"op": "eval"}))
        check("missing code", {"error", "no-code", "done"} <= r["status"], r)
        r = merged(c.request({"op": "eval", "code": ["not", "a", "string"]}))
        check("code not a string", "error" in r["status"], r)
        r = merged(c.request({"op": "info"}))
        check("missing sym", "error" in r["status"] or "no-info" in r["status"], r)
        r = merged(c.request({"op": 42}))
        check("op not a string", "unknown-op" in r["status"], r)
        # A message split across writes.
        c.send_raw(b"d2:op4:ev")
        time.sleep(0.1)
        c.send_raw(b"al4:code7:(+ 1 2)2:id5:splite")
        r = merged(c.collect("split"))
        check("split message", r["value"] == ["3"], r)
    # Malformed bencode: an error reply, that connection closed, the server still up.
    for junk in [b"xyz", b"d2:op", b"i12", b"l" * 100000, b"d3:key", b"5000000000000000000000:abc", b"di1ei2ee"]:
        with Client(port) as c:
            c.send_raw(junk)
            if junk in (b"d2:op", b"i12", b"d3:key"):
                c.sock.shutdown(1)  # truncated: the client gives up
            else:
                m = c.read()
                check("malformed %r" % junk[:12], m is not None and "malformed-message" in m.get("status", []), m)
    with Client(port) as c:
        big = '(count "' + "a" * 10_000_000 + '")'
        r = merged(c.request({"op": "eval", "code": big}))
        check("10 MB message", r["value"] == ["10000000"], r["value"])
    # A client disconnecting mid-eval: its eval is stopped, the server serves others.
    c = Client(port)
    c.send({"op": "eval", "code": "(loop [] (recur))", "id": "gone"})
    time.sleep(0.2)
    c.close()
    with Client(port, timeout=10) as c:
        r = ev(c, "(+ 20 22)")
        check("after disconnect mid-eval", r["value"] == ["42"], r)
    # A hundred sessions, then many clients at once.
    with Client(port) as c:
        sessions = [c.clone() for _ in range(100)]
        check("hundred sessions", len(set(sessions)) == 100)
        for i, s in enumerate(sessions[:100:10]):
            ev(c, "(def mine %d)" % i, session=s, ns="user")
        r = ev(c, "(+ 1 1)", session=sessions[99])
        check("session 100 works", r["value"] == ["2"], r)
    results = []

    def client(i):
        try:
            with Client(port) as c:
                s = c.clone()
                r = ev(c, "(* %d %d)" % (i, i), session=s)
                results.append(r["value"] == [str(i * i)])
        except Exception as e:  # noqa: BLE001
            print("client %d: %r" % (i, e))
            results.append(False)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(30)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check("30 clients at once", len(results) == 30 and all(results), results)


def main():
    clove = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as cwd:
        proc, port = start(clove, cwd)
        try:
            test_basics(port)
            test_bad_input(port)
            check("server alive", proc.poll() is None)
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        check("exit status 0", proc.returncode == 0, proc.returncode)
        check(".nrepl-port removed", not os.path.exists(os.path.join(cwd, ".nrepl-port")))
    finish()


if __name__ == "__main__":
    main()

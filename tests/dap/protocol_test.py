#!/usr/bin/env python3
"""protocol_test.py CLOVE: `clove dap` over its stdin/stdout, without Node (ctest runs
this; tests/dap/run.sh drives the same server with Microsoft's test client).

Checks: initialize and the initialized event, setBreakpoints (a missing file is an
error), launch with args, configurationDone, the stop, threads, stackTrace, scopes,
variables (a vector expanded lazily), evaluate (and its errors), next, stepIn,
stepOut, continue, output events, exited and terminated; bad input answered with error
responses while the session goes on: unknown commands, malformed JSON, a header without
Content-Length, random bytes; and the server never crashes on any of it.
Prints "N passed, M failed"; exit status 1 when anything failed.
"""
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import queue
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from harness import check, finish  # noqa: E402


PROGRAM = """(defn scale [a]
  (let [b (inc a)]
    (* b 10)))

(defn compute [x]
  (let [y (* x 2)
        v [y (inc y) :k]]
    (println "computing" y (first *command-line-args*))
    (+ (scale y)
       (count v))))

(println "result" (compute 20))
"""



class Session:
    def __init__(self, clove):
        self.p = subprocess.Popen([clove, "dap"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.seq = 0
        self.msgs = queue.Queue()
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self):
        f = self.p.stdout
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                c = f.read(1)
                if not c:
                    self.msgs.put(None)
                    return
                header += c
            n = int(header.split(b"Content-Length:")[1].split(b"\r\n")[0])
            self.msgs.put(json.loads(f.read(n)))

    def raw(self, data):
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def send(self, command, arguments=None):
        self.seq += 1
        body = json.dumps({"seq": self.seq, "type": "request", "command": command,
                           "arguments": arguments or {}}).encode()
        self.raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        return self.seq

    def until(self, pred, timeout=15):
        seen = []
        while True:
            try:
                m = self.msgs.get(timeout=timeout)
            except queue.Empty:
                return None, seen
            if m is None:
                return None, seen
            seen.append(m)
            if pred(m):
                return m, seen

    def request(self, command, arguments=None):
        seq = self.send(command, arguments)
        m, _ = self.until(lambda m: m.get("type") == "response" and m.get("request_seq") == seq)
        return m

    def event(self, name):
        m, seen = self.until(lambda m: m.get("event") == name)
        return m, seen


def main():
    clove = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "prog.clj")
        with open(path, "w") as f:
            f.write(PROGRAM)
        s = Session(clove)
        r = s.request("initialize", {"adapterID": "clove"})
        check("initialize", r and r["success"] and r["body"]["supportsConfigurationDoneRequest"], r)
        ev, _ = s.event("initialized")
        check("initialized event", ev is not None)
        r = s.request("setBreakpoints", {"source": {"path": path}, "breakpoints": [{"line": 8}]})
        check("setBreakpoints", r["success"] and r["body"]["breakpoints"][0]["verified"], r)
        r = s.request("setBreakpoints", {"source": {"path": os.path.join(d, "nope.clj")}, "breakpoints": [{"line": 1}]})
        check("setBreakpoints in a missing file", not r["success"] and "no file" in r["message"], r)
        r = s.request("frobnicate")
        check("unknown command", not r["success"] and "unknown command frobnicate" in r["message"], r)
        r = s.request("launch", {"program": path, "args": ["ARG1"], "cwd": d})
        check("launch", r["success"], r)
        r = s.request("configurationDone")
        check("configurationDone", r["success"], r)
        ev, seen = s.event("stopped")
        check("stopped at the breakpoint", ev and ev["body"]["reason"] == "breakpoint", ev)
        r = s.request("threads")
        check("threads", r["body"]["threads"] == [{"id": 1, "name": "main"}], r)
        r = s.request("stackTrace", {"threadId": 1})
        frames = r["body"]["stackFrames"]
        check("stackTrace", frames[0]["name"] == "user/compute" and frames[0]["line"] == 8 and
              frames[0]["source"]["path"] == path, frames)
        r = s.request("scopes", {"frameId": frames[0]["id"]})
        ref = r["body"]["scopes"][0]["variablesReference"]
        r = s.request("variables", {"variablesReference": ref})
        vs = {v["name"]: v for v in r["body"]["variables"]}
        check("variables", vs["y"]["value"] == "40" and vs["x"]["value"] == "<unavailable>", vs)
        r = s.request("variables", {"variablesReference": vs["v"]["variablesReference"]})
        check("a vector expands", [v["value"] for v in r["body"]["variables"]] == ["40", "41", ":k"], r)
        r = s.request("variables", {"variablesReference": 999})
        check("a bad variablesReference", not r["success"], r)
        r = s.request("evaluate", {"expression": "(* y 3)", "frameId": frames[0]["id"]})
        check("evaluate", r["success"] and r["body"]["result"] == "120", r)
        r = s.request("evaluate", {"expression": "(throw (ex-info \"boom\" {}))", "frameId": frames[0]["id"]})
        check("evaluate error", not r["success"] and "boom" in r["message"], r)
        r = s.request("evaluate", {"expression": "(+ 1", "frameId": frames[0]["id"]})
        check("evaluate unreadable", not r["success"], r)
        # Bad bytes between requests: each gets an error response, the session goes on.
        s.raw(b"Content-Length: 7\r\n\r\n{nope!}")
        m, _ = s.until(lambda m: m.get("type") == "response" and not m["success"])
        check("malformed JSON", m and "malformed JSON" in m["message"], m)
        s.raw(b"X-Header: 1\r\n\r\n")
        m, _ = s.until(lambda m: m.get("type") == "response" and not m["success"])
        check("header without Content-Length", m and "Content-Length" in m["message"], m)
        s.raw(b"Content-Length: 2\r\n\r\n[]")
        m, _ = s.until(lambda m: m.get("type") == "response" and not m["success"])
        check("JSON that is not a request", m and "not a request" in m["message"], m)
        r = s.request("next", {"threadId": 1})
        ev, seen = s.event("stopped")
        outs = "".join(m["body"]["output"] for m in seen if m.get("event") == "output")
        check("next", ev and ev["body"]["reason"] == "step", ev)
        check("output event", "computing 40 ARG1" in outs, outs)
        s.request("stepIn", {"threadId": 1})
        s.event("stopped")
        r = s.request("stackTrace", {"threadId": 1})
        check("stepIn", r["body"]["stackFrames"][0]["name"] == "user/scale", r)
        s.request("stepOut", {"threadId": 1})
        s.event("stopped")
        r = s.request("stackTrace", {"threadId": 1})
        check("stepOut", r["body"]["stackFrames"][0]["name"] == "user/compute", r)
        r = s.request("continue", {"threadId": 1})
        check("continue", r["success"], r)
        ev, seen = s.event("terminated")
        outs = "".join(m["body"]["output"] for m in seen if m.get("event") == "output")
        check("ends", ev is not None and "result 413" in outs, outs)
        check("exited event", any(m.get("event") == "exited" for m in seen), seen)
        r = s.request("disconnect")
        check("disconnect", r["success"], r)
        check("exits 0", s.p.wait(timeout=10) == 0)

    # Random bytes, then a valid request: answered, never a crash.
    rng = random.Random(15)
    for k in range(20):
        p = subprocess.Popen([clove, "dap"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL)
        junk = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))
        if k % 3 == 0:
            junk = b"Content-Length: " + str(rng.randrange(0, 50)).encode() + b"\r\n\r\n" + junk
        body = json.dumps({"seq": 1, "type": "request", "command": "threads"}).encode()
        try:
            out, _ = p.communicate(junk + b"\r\n\r\n" + b"Content-Length: %d\r\n\r\n" % len(body) + body,
                                   timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()
            out = b""
        check("random bytes %d: no crash" % k, p.returncode == 0, p.returncode)

    finish()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""debug_test.py CLOVE: `clove debug` driven through a pseudo-terminal, as a person types.

Checks: break FILE:LINE and break LINE, run, the stop's location and source line, bt,
locals (an unavailable local shown as such), print EXPR in the frame, next, step,
finish, continue to the next hit and to the end, an uncaught exception stopping with
its frames, errors (no such file, unknown command, a bad expression) leaving the session
running, history recalled with the Up arrow, quit; and with stdin not a terminal,
commands read from stdin. Prints "N passed, M failed"; exit status 1 when anything failed.
"""
import os
import pty
import re
import select
import subprocess
import sys
import tempfile
import time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from harness import PtyProgram, check, finish  # noqa: E402


PROGRAM = """(defn scale [a]
  (let [b (inc a)]
    (* b 10)))

(defn compute [x]
  (let [y (* x 2)
        m {:x x :ys [y y]}]
    (println "computing" y)
    (+ (scale y)
       (count m))))

(println "result" (compute 20))
(println "again" (compute 1))
"""

THROWS = """(defn risky [n]
  (throw (ex-info "too risky" {:n n})))
(defn outer [] (+ 1 (risky 10)))
(outer)
"""



class Term(PtyProgram):
    """clove debug FILE on a pseudo-terminal."""

    def __init__(self, clove, home, path):
        super().__init__([clove, "debug", path], home)

    def cmd(self, text, until=r"\(clove-debug\) "):
        os.write(self.fd, (text + "\r").encode())
        return self.read_until(until)


def main():
    clove = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as home:
        path = os.path.join(home, "prog.clj")
        with open(path, "w") as f:
            f.write(PROGRAM)
        t = Term(clove, home, path)
        t.read_until(r"\(clove-debug\) ")
        out = t.cmd("break %s:8" % path)
        check("break FILE:LINE", "breakpoint 1 at" in out and ":8" in out, out)
        out = t.cmd("break 3")
        check("break LINE", "breakpoint 2 at" in out, out)
        out = t.cmd("break /no/such/file.clj:3")
        check("break in a missing file", "no file" in out, out)
        out = t.cmd("frobnicate")
        check("unknown command", "unknown command frobnicate" in out, out)
        out = t.cmd("run")
        check("stops at the breakpoint", "breakpoint 1 at" in out and "(println \"computing\" y)" in out, out)
        out = t.cmd("bt")
        check("bt", "#0  user/compute" in out and "#1  <top level>" in out, out)
        out = t.cmd("locals")
        check("locals", "y = 40" in out and "m = {:x 20, :ys [40 40]}" in out and "x = <unavailable>" in out, out)
        out = t.cmd("print (+ y (count m))")
        check("print in the frame", "42" in out, out)
        out = t.cmd("print (inc x)")
        check("print an unavailable local", "x is not available here" in out, out)
        out = t.cmd("print (")
        check("print a bad expression", "error:" in out, out)
        out = t.cmd("next")
        check("next", "computing 40" in out and ":9:" in out, out)
        out = t.cmd("step")
        check("step into scale", ":2:" in out, out)
        out = t.cmd("finish")
        check("finish stops at breakpoint 2 on the way", "breakpoint 2 at" in out and ":3:" in out, out)
        out = t.cmd("locals")
        check("locals of scale", "b = 41" in out, out)
        out = t.cmd("delete 2")
        check("delete", "removed" in out, out)
        out = t.cmd("finish")
        check("finish", ":10:" in out, out)
        out = t.cmd("continue")
        check("continue to the next hit", "breakpoint 1 at" in out and "result 412" in out, out)
        # History: the Up arrow recalls the last command (continue).
        out = t.cmd("\x1b[A", until=r"(the program ended|breakpoint)")
        check("history recalls continue", "again 32" in out or "the program ended" in out, out)
        status = t.wait()
        check("exits 0 at the end", status == 0, status)

        tpath = os.path.join(home, "throws.clj")
        with open(tpath, "w") as f:
            f.write(THROWS)
        t = Term(clove, home, tpath)
        t.read_until(r"\(clove-debug\) ")
        out = t.cmd("run")
        check("uncaught exception stops", "uncaught exception at" in out and "too risky" in out, out)
        out = t.cmd("bt")
        check("its frames are intact", "#0  user/risky" in out and "#1  user/outer" in out, out)
        out = t.cmd("quit", until=r"$")
        check("quit", t.wait() == 0)

    # Not a terminal: commands from stdin.
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "prog.clj")
        with open(path, "w") as f:
            f.write(PROGRAM)
        p = subprocess.run([clove, "debug", path], input="break 3\nrun\nlocals\ncontinue\ncontinue\n",
                           capture_output=True, text=True, timeout=30)
        check("piped commands", "b = 41" in p.stdout and "the program ended" in p.stdout, p.stdout + p.stderr)
        p = subprocess.run([clove, "debug", os.path.join(d, "missing.clj")], capture_output=True, text=True,
                           timeout=30)
        check("missing program", p.returncode == 2 and "no file" in p.stderr, p.stderr)

    finish()


if __name__ == "__main__":
    main()

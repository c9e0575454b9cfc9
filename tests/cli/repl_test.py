#!/usr/bin/env python3
"""repl_test.py CLOVE: `clove repl` driven through a pseudo-terminal, as a person types.

Checks: evaluation and *1, multi-line forms, Tab completion (qualified names, aliases,
namespaces), doc referred in user, errors and *e, Ctrl-C interrupting (loop [] (recur))
and dropping a half-typed line, history kept in $HOME/.clove_history and recalled with
the Up arrow in the next session, Ctrl-D exiting with status 0; and with stdin not a
terminal, forms read from stdin (one spanning lines) and their values printed.
Prints "N passed, M failed"; exit status 1 when anything failed.
"""
import os
import pty
import re
import select
import signal
import subprocess
import sys
import tempfile
import time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from harness import PtyProgram, check, finish  # noqa: E402




class Term(PtyProgram):
    """clove repl on a pseudo-terminal."""

    def __init__(self, clove, home):
        super().__init__([clove, "repl"], home)


def test_terminal(clove, home):
    t = Term(clove, home)
    check("banner and prompt", "user=> " in t.read_until(r"user=> "))
    t.type("(+ 1 2)\r")
    check("eval", re.search(r"\r\n3\r\n", t.read_until(r"user=> ")))
    t.type("(* *1 10)\r")
    check("*1", "30" in t.read_until(r"user=> "))
    t.type("(+ 1\r")
    check("continuation prompt", "... " in t.read_until(r"\.\.\. "))
    t.type("41)\r")
    check("multi-line form", "42" in t.read_until(r"user=> "))
    # Tab completion of a qualified name: the rest of the name is filled in (the call
    # then runs; without the completion it would be an unresolved symbol).
    t.type("(clojure.string/upper-c\t")
    time.sleep(0.3)
    t.type(' "abc")\r')
    got = t.read_until(r"user=> ")
    check("complete qualified name", '"ABC"' in got, got)
    t.type("(require '[clojure.string :as cs])\r")
    t.read_until(r"user=> ")
    t.type("(cs/blan\t")
    time.sleep(0.3)
    t.type(' "")\r')
    got = t.read_until(r"user=> ")
    check("complete alias", "true" in got and "Unable" not in got, got)
    t.type("(def my-unusual-name 5)\r")
    t.read_until(r"user=> ")
    t.type("my-unus\t")
    time.sleep(0.3)
    t.type("\r")
    got = t.read_until(r"user=> ")
    check("complete own var", re.search(r"\r\n5\r\n", got) and "Unable" not in got, got)
    t.type("(defn sq [x]\r")
    t.read_until(r"\.\.\. ")
    t.type("  (* x x))\r")
    t.read_until(r"user=> ")
    t.type("(+ 1 1)\r")
    t.read_until(r"user=> ")
    t.type("(source sq)\r")
    got = t.read_until(r"user=> ")
    check("source of a REPL definition", "(defn sq [x]\r\n  (* x x))" in got, got)
    t.type("(doc first)\r")
    got = t.read_until(r"user=> ")
    check("doc referred", "-------------------------\r\nclojure.core/first\r\n([coll])" in got, got)
    t.type("(/ 1 0)\r")
    got = t.read_until(r"user=> ")
    check("error reported", "Divide by zero" in got, got)
    t.type("(ex-message *e)\r")
    check("*e", '"Divide by zero"' in t.read_until(r"user=> "))
    # Ctrl-C stops a running evaluation and returns to the prompt.
    t.type("(loop [] (recur))\r")
    time.sleep(0.5)
    t.type("\x03")
    got = t.read_until(r"user=> ", timeout=5)
    if "Interrupted" not in got:  # a loaded machine: once more
        t.type("\x03")
        got += t.read_until(r"user=> ")
    check("Ctrl-C interrupts", "Interrupted" in got, got)
    t.type("(+ 2 2)\r")
    check("usable after interrupt", "4" in t.read_until(r"user=> "))
    # Ctrl-C while typing drops the line.
    t.type("(this is not finished")
    time.sleep(0.2)
    t.type("\x03")
    t.read_until(r"user=> ")
    t.type("(+ 3 3)\r")
    got = t.read_until(r"user=> ")
    check("Ctrl-C drops the line", "6" in got and "Unable" not in got, got)
    time.sleep(0.3)  # a person's pause: libedit must have the terminal in its mode again
    t.type("\x04")
    check("Ctrl-D exits 0", t.wait(resend="\x04") == 0)
    hist = os.path.join(home, ".clove_history")
    # (libedit writes blanks as \040.)
    text = open(hist, errors="replace").read().replace("\\040", " ") if os.path.exists(hist) else ""
    check("history file", "(+ 3 3)" in text, text)

    # The next session recalls the last line with the Up arrow.
    t = Term(clove, home)
    t.read_until(r"user=> ")
    t.type("\x1b[A")
    time.sleep(0.3)
    t.type("\r")
    check("history recalled", "6" in t.read_until(r"user=> "))
    time.sleep(0.3)
    t.type("\x04")
    check("second Ctrl-D exits 0", t.wait(resend="\x04") == 0)


def test_pipe(clove, home):
    p = subprocess.run([clove, "repl"], input="(+ 1 2)\n(def x\n  5)\n\n(str x \"!\")\n(/ 1 0)\n:after\n",
                       capture_output=True, text=True, timeout=30, env=dict(os.environ, HOME=home))
    check("pipe values", p.stdout == "3\n#'user/x\n\"5!\"\n:after\n", p.stdout)
    check("pipe error on stderr", "Divide by zero" in p.stderr, p.stderr)
    check("pipe exit 0", p.returncode == 0, p.returncode)
    # An error in one form of a line does not stop the forms after it (clojure.main).
    p = subprocess.run([clove, "repl"], input="(/ 1 0) (+ 1 2) (throw (ex-info \"boom\" {})) :next\n",
                       capture_output=True, text=True, timeout=30, env=dict(os.environ, HOME=home))
    check("line goes on after an error", p.stdout == "3\n:next\n", p.stdout)
    check("line errors on stderr", "Divide by zero" in p.stderr and "boom" in p.stderr, p.stderr)


def main():
    clove = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as home:
        test_terminal(clove, home)
        test_pipe(clove, home)
    finish()


if __name__ == "__main__":
    main()

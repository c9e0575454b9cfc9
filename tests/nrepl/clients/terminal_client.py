#!/usr/bin/env python3
"""terminal_client.py PROMPT_REGEX COMMAND...: a terminal nREPL client (nREPL's own
`nrepl.cmdline --connect`, or `lein repl :connect`) driven through a pseudo-terminal
against a running clove nrepl-server: connect, evaluate, see output and an error, define
and use a var, exit with Ctrl-D. Prints one line per check and "N passed, M failed";
exit status 1 when anything failed.
"""
import os
import pty
import re
import select
import signal
import sys
import time

passed = failed = 0


def check(label, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok   " + label)
    else:
        failed += 1
        print("FAIL %s %r" % (label, str(detail)[-600:]))


def main():
    prompt = re.compile(sys.argv[1])
    cmd = sys.argv[2:]
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "dumb"
        os.execvp(cmd[0], cmd)
    buf = [""]

    def read_until(rx, timeout=120):
        deadline = time.time() + timeout
        while True:
            m = rx.search(buf[0])
            if m:
                got, buf[0] = buf[0][:m.end()], buf[0][m.end():]
                return got
            left = deadline - time.time()
            if left <= 0:
                return "TIMEOUT: " + buf[0]
            r, _, _ = select.select([fd], [], [], left)
            if r:
                try:
                    data = os.read(fd, 65536)
                except OSError:
                    data = b""
                if not data:
                    return "EOF: " + buf[0]
                buf[0] += data.decode("utf-8", "replace")

    got = read_until(prompt)
    check("connected, prompt", not got.startswith(("TIMEOUT", "EOF")), got[-2000:])
    for form, expect, label in [
        ("(+ 1 2)", r"\b3\b", "eval"),
        ('(println "from clove")', r"from clove", "output"),
        ("(/ 1 0)", r"Divide by zero", "error"),
        ("(defn sq [x] (* x x))", r"#'user/sq", "defn"),
        ("(sq 12)", r"\b144\b", "call"),
        ('(str "clove-" (count [1 2 3]))', r'"clove-3"', "string value"),
    ]:
        os.write(fd, (form + "\r").encode())
        got = read_until(prompt)
        check(label, re.search(expect, got) is not None, got)
    os.write(fd, b"\x04")
    deadline = time.time() + 30
    status = None
    while time.time() < deadline:
        p, st = os.waitpid(pid, os.WNOHANG)
        if p:
            status = os.waitstatus_to_exitcode(st)
            break
        try:
            os.read(fd, 65536)
        except OSError:
            pass
        time.sleep(0.1)
    if status is None:
        os.kill(pid, signal.SIGKILL)
    check("Ctrl-D exits", status == 0, status)
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

"""harness.py: what the Python test drivers share (tests/cli, tests/nrepl, tests/dap).

check(name, cond, detail) counts a check and prints "FAIL name detail" when it fails;
finish() prints "N passed, M failed" and exits with status 1 when anything failed.
PtyProgram runs a command on a pseudo-terminal, as a person at a terminal would, and
reads its output up to a pattern. A driver imports it after putting this folder on
sys.path (sys.path.insert(0, <tests>/support)).
"""
import os
import pty
import re
import select
import signal
import sys
import time

_passed = 0
_failed = 0


def check(name, cond, detail=""):
    """Counts one check; a failing one is printed with `detail` (repr)."""
    global _passed, _failed
    if cond:
        _passed += 1
    else:
        _failed += 1
        print("FAIL %s %r" % (name, detail))


def finish():
    """Prints the tally and exits: status 0 when every check passed, else 1."""
    print("%d passed, %d failed" % (_passed, _failed))
    sys.exit(1 if _failed else 0)


class PtyProgram:
    """argv run on a pseudo-terminal with HOME=home and TERM=xterm (and no
    CLOVE_HISTORY, so the history file is HOME's)."""

    def __init__(self, argv, home):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ["HOME"] = home
            os.environ["TERM"] = "xterm"
            os.environ.pop("CLOVE_HISTORY", None)
            os.execv(argv[0], argv)
        self.out = ""

    def read_until(self, pattern, timeout=15):
        """Output read so far up to a match of `pattern` (regex); what follows stays.
        On a timeout or end of output, a text starting TIMEOUT or EOF instead."""
        deadline = time.time() + timeout
        rx = re.compile(pattern)
        while True:
            m = rx.search(self.out)
            if m:
                got, self.out = self.out[:m.end()], self.out[m.end():]
                return got
            left = deadline - time.time()
            if left <= 0:
                got, self.out = self.out, ""
                return "TIMEOUT waiting for %r; got %r" % (pattern, got)
            r, _, _ = select.select([self.fd], [], [], left)
            if r:
                try:
                    data = os.read(self.fd, 65536)
                except OSError:
                    data = b""
                if not data:
                    got, self.out = self.out, ""
                    return "EOF waiting for %r; got %r" % (pattern, got)
                self.out += data.decode("utf-8", "replace")

    def type(self, text):
        """Types `text` (no newline added)."""
        os.write(self.fd, text.encode())

    def wait(self, timeout=10, resend=None):
        """The exit status (None if still running after `timeout` s; it is then
        killed). `resend` is typed again every 2 s meanwhile: a key typed while the
        line editor switches the terminal's mode can be dropped by the terminal."""
        deadline = time.time() + timeout
        next_resend = time.time() + 2
        while time.time() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
            r, _, _ = select.select([self.fd], [], [], 0.05)
            if r:
                try:
                    os.read(self.fd, 65536)
                except OSError:
                    pass
            if resend and time.time() > next_resend:
                self.type(resend)
                next_resend = time.time() + 2
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        return None

"""nrepl_client.py: a small bencode nREPL client for the protocol tests (python3 only).

    with Client(port) as c:
        replies = c.request({"op": "eval", "code": "(+ 1 2)"})   # until status done
"""
import socket
import itertools


def encode(v):
    if isinstance(v, bool):
        v = "true" if v else "false"
    if isinstance(v, int):
        return b"i%de" % v
    if isinstance(v, str):
        v = v.encode("utf-8")
    if isinstance(v, (bytes, bytearray)):
        return b"%d:%s" % (len(v), bytes(v))
    if isinstance(v, (list, tuple)):
        return b"l" + b"".join(encode(x) for x in v) + b"e"
    if isinstance(v, dict):
        items = sorted((k.encode() if isinstance(k, str) else k, x) for k, x in v.items())
        return b"d" + b"".join(encode(k) + encode(x) for k, x in items) + b"e"
    raise TypeError(type(v))


class Incomplete(Exception):
    pass


def decode(buf, pos=0):
    """(value, next position) of the value at buf[pos:]; raises Incomplete."""
    if pos >= len(buf):
        raise Incomplete()
    c = buf[pos:pos + 1]
    if c == b"i":
        end = buf.find(b"e", pos)
        if end < 0:
            raise Incomplete()
        return int(buf[pos + 1:end]), end + 1
    if c.isdigit():
        colon = buf.find(b":", pos)
        if colon < 0:
            raise Incomplete()
        n = int(buf[pos:colon])
        if len(buf) < colon + 1 + n:
            raise Incomplete()
        return buf[colon + 1:colon + 1 + n].decode("utf-8", "replace"), colon + 1 + n
    if c in (b"l", b"d"):
        items, p = [], pos + 1
        while True:
            if p >= len(buf):
                raise Incomplete()
            if buf[p:p + 1] == b"e":
                break
            x, p = decode(buf, p)
            items.append(x)
        if c == b"l":
            return items, p + 1
        return dict(zip(items[::2], items[1::2])), p + 1
    raise ValueError("bad bencode at %d: %r" % (pos, buf[pos:pos + 20]))


class Client:
    ids = itertools.count(1)

    def __init__(self, port, host="127.0.0.1", timeout=30):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.buf = b""
        self.stash = []  # messages read while waiting for another request's

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass

    def send(self, msg):
        self.sock.sendall(encode(msg))

    def send_raw(self, data):
        self.sock.sendall(data)

    def read(self):
        """The next message (None when the server hung up)."""
        while True:
            try:
                v, p = decode(self.buf)
                self.buf = self.buf[p:]
                return v
            except Incomplete:
                chunk = self.sock.recv(65536)
                if not chunk:
                    return None
                self.buf += chunk

    def request(self, msg, until="done"):
        """Sends msg with a fresh id; returns the replies to it up to the one whose
        status has `until`."""
        msg = dict(msg)
        msg.setdefault("id", str(next(Client.ids)))
        self.send(msg)
        return self.collect(msg["id"], until)

    def collect(self, id, until="done"):
        """The replies to request `id` up to the one whose status has `until`; replies
        to other requests read meanwhile are kept for their own collect."""
        out = []
        while True:
            mine = [m for m in self.stash if m.get("id") == id]
            self.stash = [m for m in self.stash if m.get("id") != id]
            for i, m in enumerate(mine):
                out.append(m)
                if until in m.get("status", []):
                    self.stash = mine[i + 1:] + self.stash
                    return out
            m = self.read()
            if m is None:
                raise EOFError("server closed the connection; got %r" % out)
            self.stash.append(m)

    def clone(self):
        return self.request({"op": "clone"})[0]["new-session"]


def merged(replies):
    """Joins the replies to one request: 'out'/'err' concatenated, 'value' a list,
    'status' a set, other fields last-wins."""
    r = {"out": "", "err": "", "value": [], "status": set()}
    for m in replies:
        for k, v in m.items():
            if k in ("out", "err"):
                r[k] += v
            elif k == "value":
                r["value"].append(v)
            elif k == "status":
                r["status"].update(v)
            else:
                r[k] = v
    return r

// transport.cpp: Connection and Reply (transport.h) over a POSIX TCP socket.
#include "tools/nrepl/transport.h"

#include <sys/socket.h>
#include <unistd.h>

namespace clove::nrepl {

Connection::~Connection() { ::close(fd_); }

bool Connection::send(const BValue& msg) {
  if (!alive_.load()) return false;
  std::string bytes = encode(msg);
  std::lock_guard<std::mutex> lock(write_mutex_);
  size_t off = 0;
  while (off < bytes.size()) {
    ssize_t n = ::send(fd_, bytes.data() + off, bytes.size() - off, MSG_NOSIGNAL);
    if (n <= 0) {
      close();
      return false;
    }
    off += static_cast<size_t>(n);
  }
  return true;
}

bool Connection::receive(std::string* out) {
  char buf[65536];
  ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
  if (n <= 0) return false;
  out->assign(buf, static_cast<size_t>(n));
  return true;
}

void Connection::close() {
  if (alive_.exchange(false)) ::shutdown(fd_, SHUT_RDWR);
}

void Reply::send(BValue msg) const {
  if (!id.empty()) msg.set("id", id);
  if (!session.empty()) msg.set("session", session);
  if (on_done && *on_done) {
    if (const BValue* st = msg.get("status"); st && st->is_list())
      for (const BValue& x : st->list)
        if (x.is_str() && x.s == "done") (*on_done)();
  }
  conn->send(msg);
}

void Reply::status(std::initializer_list<const char*> statuses, BValue extra) const {
  std::vector<BValue> items;
  for (const char* s : statuses) items.emplace_back(s);
  extra.set("status", BValue::make_list(std::move(items)));
  send(std::move(extra));
}

}  // namespace clove::nrepl

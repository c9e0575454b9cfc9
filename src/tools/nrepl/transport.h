// transport.h: one client connection of the nREPL server, and the replies to one
// request on it.
//
// A Connection is shared by the thread that reads it and the evaluator thread that
// answers its requests: send() is thread-safe and does nothing once the connection is
// closed (a client that disconnected mid-eval loses the rest of its answers, nothing
// more).
#pragma once
#include <atomic>
#include <functional>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <string>

#include "tools/nrepl/bencode.h"

namespace clove::nrepl {

class Connection {
 public:
  /// Takes ownership of the connected socket `fd`.
  explicit Connection(int fd, uint64_t serial) : fd_(fd), serial_(serial) {}
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// Writes one bencoded message; false (and the connection closed) when the peer is gone.
  bool send(const BValue& msg);
  /// Reads some bytes into *out; false at end of stream or on error.
  bool receive(std::string* out);
  /// Shuts the socket down (the reader thread's receive then returns false).
  void close();
  bool alive() const { return alive_.load(); }
  /// A number unique to this connection within the server (its implicit session).
  uint64_t serial() const { return serial_; }

 private:
  int fd_;
  uint64_t serial_;
  std::atomic<bool> alive_{true};
  std::mutex write_mutex_;
};

/// Where the answers to one request go: every message carries the request's "id" and
/// "session", as nREPL's response-for does.
struct Reply {
  std::shared_ptr<Connection> conn;
  std::string id;
  std::string session;
  /// Called just before the message whose status says "done" is sent (the evaluator
  /// marks its job finished there, so an interrupt after "done" finds the session idle).
  std::shared_ptr<std::function<void()>> on_done;

  void send(BValue msg) const;
  /// {"status": [statuses...]}, plus the fields of `extra` (a dictionary) when given.
  void status(std::initializer_list<const char*> statuses, BValue extra = BValue::make_dict()) const;
  /// The final {"status": ["done"]}.
  void done() const { status({"done"}); }
};

}  // namespace clove::nrepl

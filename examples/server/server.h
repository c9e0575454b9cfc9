// server.h: a TCP server that runs each connection's Clove program in a VM of its
// own (SPEC E2, E5): sandboxed, with an instruction budget and a memory cap, on the
// connection's own thread. A client that sends an endless loop or an allocation bomb
// loses only its own connection.
//
// Protocol: the client sends a program (UTF-8, at most max_request bytes) and shuts
// its side down; the server answers one line, "ok " and the printed value of the last
// form, or "error " and the error's class and message; what the program printed comes
// before it. Then the server closes the connection.
#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>

namespace clove_server {

struct Config {
  uint16_t port = 0;                    // 0: any free port (see Server::port)
  int64_t budget = 50'000'000;          // instructions per connection
  size_t max_memory = 32u << 20;        // bytes per connection's VM
  size_t max_request = 1u << 20;        // bytes of program
  int max_connections = 256;            // running at once; more get "error busy"
};

class Server {
 public:
  /// Binds and listens on 127.0.0.1. Throws std::runtime_error if it cannot.
  explicit Server(Config config);
  ~Server();
  uint16_t port() const { return port_; }
  /// Accepts connections until stop(); each runs on a thread of its own.
  void run();
  /// Thread-safe: makes run() return (connections in progress finish first).
  void stop();
  /// Connections served so far.
  int64_t served() const { return served_.load(); }

 private:
  void serve(int fd);
  Config config_;
  int listen_fd_ = -1;
  uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> active_{0};
  std::atomic<int64_t> served_{0};
};

}  // namespace clove_server

// server.h: clove nrepl-server (SPEC T4): an nREPL server that CIDER, Calva, Conjure
// and `lein repl :connect` talk to (docs/editors.md).
//
// Threads: one accepts connections; one per connection reads and decodes its messages
// and answers the ops that need no VM (describe, clone, close, ls-sessions, interrupt,
// stdin, classpath); the evaluator thread (evaluator.h) runs the others, one at a time,
// on the server's one VM. Bad input never stops the server: malformed bencode ends that
// connection with an error message, unknown ops get {"status" ["error" "unknown-op"
// "done"]}, a message past the size limit (64 MiB) ends the connection.
#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "tools/nrepl/bencode.h"
#include "tools/nrepl/evaluator.h"
#include "tools/nrepl/transport.h"

namespace clove::nrepl {

struct ServerConfig {
  std::string host = "127.0.0.1";
  uint16_t port = 0;  // 0: a free port, chosen by the system
  std::vector<std::string> load_path;
  size_t max_message = 64u << 20;  // bytes
};

class Server {
 public:
  /// Binds and listens, and starts the VM. std::runtime_error when the address cannot
  /// be bound or the VM cannot start.
  explicit Server(ServerConfig config);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// The port listened on (the chosen one when the config said 0).
  uint16_t port() const { return port_; }
  const std::string& host() const { return config_.host; }
  /// Accepts connections until stop() (from another thread or a signal handler's
  /// thread); each gets its own thread.
  void run();
  /// Makes run() return.
  void stop();

 private:
  void serve(std::shared_ptr<Connection> conn);
  void handle(const std::shared_ptr<Connection>& conn, const BValue& msg);
  std::string new_session_id();

  ServerConfig config_;
  int listen_fd_ = -1;
  uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<uint64_t> serial_{0};
  std::unique_ptr<Evaluator> evaluator_;
  std::mutex sessions_mutex_;
  std::set<std::string> sessions_;  // those made by clone (ls-sessions)
};

}  // namespace clove::nrepl

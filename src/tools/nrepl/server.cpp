// server.cpp: the listening socket, the connection threads and the op dispatch of
// server.h.
#include "tools/nrepl/server.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>

#include "clove/version.h"
#include "tools/nrepl/ops.h"

namespace clove::nrepl {

namespace {

/// The ops the server answers, as describe lists them.
constexpr const char* kOps[] = {"clone",  "close",       "describe",   "eval",     "load-file",
                                "interrupt", "stdin",    "ls-sessions", "completions", "complete",
                                "info",   "lookup",      "eldoc",      "macroexpand", "classpath"};

BValue version_map(int major, int minor, int incremental, const std::string& text) {
  BValue v = BValue::make_dict();
  v.set("major", major);
  v.set("minor", minor);
  v.set("incremental", incremental);
  v.set("version-string", text);
  return v;
}

BValue describe_reply() {
  BValue ops = BValue::make_dict();
  for (const char* op : kOps) ops.set(op, BValue::make_dict());
  BValue versions = BValue::make_dict();
  versions.set("nrepl", version_map(1, 0, 0, "1.0.0"));
  versions.set("clojure", version_map(1, 11, 1, "1.11.1"));
  versions.set("clove", version_map(CLOVE_VERSION_MAJOR, CLOVE_VERSION_MINOR, CLOVE_VERSION_PATCH,
                                    CLOVE_VERSION_STRING));
  BValue out = BValue::make_dict();
  out.set("ops", std::move(ops));
  out.set("versions", std::move(versions));
  BValue aux = BValue::make_dict();
  aux.set("current-ns", "user");
  out.set("aux", std::move(aux));
  return out;
}

}  // namespace

Server::Server(ServerConfig config) : config_(std::move(config)) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  std::string port_text = std::to_string(config_.port);
  if (int rc = ::getaddrinfo(config_.host.c_str(), port_text.c_str(), &hints, &found); rc != 0)
    throw std::runtime_error(fmt::format("cannot resolve host {}: {}", config_.host, gai_strerror(rc)));
  std::string why = "no address";
  for (addrinfo* a = found; a; a = a->ai_next) {
    int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (::bind(fd, a->ai_addr, a->ai_addrlen) == 0 && ::listen(fd, 128) == 0) {
      listen_fd_ = fd;
      break;
    }
    why = std::strerror(errno);
    ::close(fd);
  }
  ::freeaddrinfo(found);
  if (listen_fd_ < 0)
    throw std::runtime_error(fmt::format("cannot listen on {}:{}: {}", config_.host, config_.port, why));
  sockaddr_storage bound{};
  socklen_t len = sizeof bound;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&bound), &len);
  port_ = ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port
                                            : reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
  evaluator_ = std::make_unique<Evaluator>(config_.load_path);
}

Server::~Server() {
  stop();
  evaluator_.reset();
  if (listen_fd_ >= 0) ::close(listen_fd_);
}

void Server::stop() { stopping_ = true; }

void Server::run() {
  while (!stopping_) {
    pollfd p{listen_fd_, POLLIN, 0};
    int ready = ::poll(&p, 1, 200);
    if (ready <= 0) continue;
    int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, 1 /* TCP_NODELAY */, &one, sizeof one);
    auto conn = std::make_shared<Connection>(fd, ++serial_);
    std::thread([this, conn] { serve(conn); }).detach();
  }
}

void Server::serve(std::shared_ptr<Connection> conn) {
  Decoder decoder(config_.max_message);
  std::string chunk;
  bool ok = true;
  while (ok && conn->alive() && conn->receive(&chunk)) {
    decoder.feed(chunk);
    for (;;) {
      BValue msg;
      std::string error;
      Decoder::Status s = decoder.next(&msg, &error);
      if (s == Decoder::Status::NeedMore) break;
      if (s == Decoder::Status::Error) {
        // The stream cannot be resynchronised: say why and hang up.
        BValue reply = BValue::make_dict();
        reply.set("err", "Malformed nREPL message: " + error + "\n");
        reply.set("status", BValue::make_list({"error", "malformed-message", "done"}));
        conn->send(reply);
        ok = false;
        break;
      }
      handle(conn, msg);
    }
  }
  conn->close();
  evaluator_->connection_closed(conn.get());
  // The connection's implicit session (messages without one) goes with it.
  std::string implicit = fmt::format("connection-{}", conn->serial());
  Reply r{conn, "", implicit, nullptr};
  evaluator_->submit(Job{r, "", [implicit](Runtime& vm, const Reply&) { op_close_session(vm, implicit); }, true, false});
}

std::string Server::new_session_id() {
  static thread_local std::mt19937_64 rng{std::random_device{}() ^ static_cast<uint64_t>(
                                              std::hash<std::thread::id>{}(std::this_thread::get_id()))};
  uint64_t a = rng(), b = rng();
  // A version 4 UUID.
  a = (a & 0xFFFFFFFFFFFF0FFFull) | 0x0000000000004000ull;
  b = (b & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", a >> 32, (a >> 16) & 0xFFFF, a & 0xFFFF, b >> 48,
                     b & 0xFFFFFFFFFFFFull);
}

void Server::handle(const std::shared_ptr<Connection>& conn, const BValue& msg) {
  Reply reply{conn, msg.get_str("id"), msg.get_str("session"), nullptr};
  if (!msg.is_dict()) {
    BValue err = BValue::make_dict();
    err.set("status", BValue::make_list({"error", "unknown-op", "done"}));
    conn->send(err);
    return;
  }
  const std::string op = msg.get_str("op");
  // The session: a clone's, or the connection's implicit one for messages without.
  if (!reply.session.empty()) {
    std::lock_guard<std::mutex> lock(sessions_mutex_);
    if (!sessions_.count(reply.session) && op != "clone" && op != "describe") {
      reply.status({"error", "unknown-session", "done"});
      return;
    }
  }
  const std::string session =
      reply.session.empty() ? fmt::format("connection-{}", conn->serial()) : reply.session;
  reply.session = session;  // answers name the session the request ran in
  auto queue = [&](void (*fn)(Runtime&, const BValue&, const Reply&)) {
    evaluator_->submit(Job{reply, reply.id, [fn, copy = msg](Runtime& vm, const Reply& r) { fn(vm, copy, r); }, false, true});
  };
  if (op == "describe") {
    BValue out = describe_reply();
    out.set("status", BValue::make_list({"done"}));
    reply.send(std::move(out));
  } else if (op == "clone") {
    std::string id = new_session_id();
    {
      std::lock_guard<std::mutex> lock(sessions_mutex_);
      sessions_.insert(id);
    }
    std::string from = msg.get_str("session");
    evaluator_->submit(Job{reply, reply.id, [id, from](Runtime& vm, const Reply&) { op_new_session(vm, id, from); }, true, false});
    BValue out = BValue::make_dict();
    out.set("new-session", id);
    out.set("status", BValue::make_list({"done"}));
    reply.send(std::move(out));
  } else if (op == "close") {
    {
      std::lock_guard<std::mutex> lock(sessions_mutex_);
      sessions_.erase(session);
    }
    evaluator_->interrupt(session, "");
    evaluator_->submit(Job{reply, reply.id, [session](Runtime& vm, const Reply&) { op_close_session(vm, session); }, true, false});
    reply.status({"done", "session-closed"});
  } else if (op == "ls-sessions") {
    BValue list = BValue::make_list();
    {
      std::lock_guard<std::mutex> lock(sessions_mutex_);
      for (const std::string& s : sessions_) list.list.emplace_back(s);
    }
    BValue out = BValue::make_dict();
    out.set("sessions", std::move(list));
    out.set("status", BValue::make_list({"done"}));
    reply.send(std::move(out));
  } else if (op == "interrupt") {
    switch (evaluator_->interrupt(session, msg.get_str("interrupt-id"))) {
      case Evaluator::InterruptResult::Interrupted: reply.done(); break;
      case Evaluator::InterruptResult::Idle: reply.status({"done", "session-idle"}); break;
      case Evaluator::InterruptResult::IdMismatch: reply.status({"error", "interrupt-id-mismatch", "done"}); break;
    }
  } else if (op == "stdin") {
    evaluator_->provide_stdin(session, msg.get_str("stdin"));
    reply.done();
  } else if (op == "classpath") {
    BValue list = BValue::make_list();
    for (const std::string& p : evaluator_->load_path()) {
      std::error_code ec;
      std::filesystem::path abs = std::filesystem::absolute(p, ec).lexically_normal();
      std::string text = ec ? p : abs.string();
      if (text.size() > 1 && text.back() == '/') text.pop_back();  // "/work/." -> "/work"
      list.list.emplace_back(text);
    }
    BValue out = BValue::make_dict();
    out.set("classpath", std::move(list));
    out.set("status", BValue::make_list({"done"}));
    reply.send(std::move(out));
  } else if (op == "eval") {
    queue(op_eval);
  } else if (op == "load-file") {
    queue(op_load_file);
  } else if (op == "completions" || op == "complete") {
    queue(op_completions);
  } else if (op == "info" || op == "lookup") {
    queue(op_info);
  } else if (op == "eldoc") {
    queue(op_eldoc);
  } else if (op == "macroexpand") {
    queue(op_macroexpand);
  } else {
    BValue extra = BValue::make_dict();
    if (!op.empty()) extra.set("op", op);
    reply.status({"error", "unknown-op", "done"}, std::move(extra));
  }
}

}  // namespace clove::nrepl

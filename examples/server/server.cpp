// server.cpp: the connection-per-VM server of server.h.
#include "server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <clove/clove.h>
#include <stdexcept>
#include <string>
#include <thread>

namespace clove_server {

namespace {

void send_all(int fd, const std::string& s) {
  size_t off = 0;
  while (off < s.size()) {
    ssize_t n = ::send(fd, s.data() + off, s.size() - off, MSG_NOSIGNAL);
    if (n <= 0) return;
    off += static_cast<size_t>(n);
  }
}

/// Reads until the client shuts its side down; false past `limit` bytes.
bool read_request(int fd, size_t limit, std::string* out) {
  char buf[4096];
  for (;;) {
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n < 0) return false;
    if (n == 0) return true;
    out->append(buf, static_cast<size_t>(n));
    if (out->size() > limit) return false;
  }
}

std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

}  // namespace

Server::Server(Config config) : config_(config) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (listen_fd_ < 0) throw std::runtime_error("socket() failed");
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(config_.port);
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listen_fd_, 512) != 0) {
    ::close(listen_fd_);
    throw std::runtime_error("cannot listen on port " + std::to_string(config_.port));
  }
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
}

Server::~Server() {
  stop();
  while (active_.load() > 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  if (listen_fd_ >= 0) ::close(listen_fd_);
}

void Server::stop() { stopping_ = true; }

void Server::run() {
  while (!stopping_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    if (active_.load() >= config_.max_connections) {
      send_all(fd, "error busy\n");
      ::close(fd);
      continue;
    }
    ++active_;
    std::thread([this, fd] {
      serve(fd);
      ::close(fd);
      ++served_;
      --active_;
    }).detach();
  }
}

void Server::serve(int fd) {
  std::string program;
  if (!read_request(fd, config_.max_request, &program)) {
    send_all(fd, "error request too large or unreadable\n");
    return;
  }
  std::string printed;
  try {
    clove::Options opts;
    opts.sandboxed = true;  // no files, processes, environment, clock, FFI
    opts.max_instructions = config_.budget;
    opts.max_memory = config_.max_memory;
    opts.out = [&printed](std::string_view s) {
      if (printed.size() < 65536) printed.append(s.substr(0, 65536 - printed.size()));
    };
    opts.err = opts.out;
    clove::VM vm(opts);
    clove::Handle result = vm.eval(program, "<client>");
    std::string text = result.pr_str();
    if (text.size() > 65536) text = text.substr(0, 65536) + "...";
    send_all(fd, printed + "ok " + one_line(text) + "\n");
  } catch (const clove::Error& e) {
    send_all(fd, printed + "error " + e.class_name() + ": " + one_line(e.message()) + "\n");
  } catch (const std::exception& e) {
    send_all(fd, printed + "error internal: " + one_line(e.what()) + "\n");
  }
}

}  // namespace clove_server

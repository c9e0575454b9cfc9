// transport.h: the Debug Adapter Protocol's framing (SPEC T3; docs/debugging.md):
// each message is a header block ("Content-Length: N" and optional other fields, each
// line ended by CRLF, then an empty line) followed by N bytes of JSON.
#pragma once
#include <cstddef>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

namespace clove::dap {

/// Reads framed messages from a file descriptor. Never throws on bad bytes: a header
/// block without a valid Content-Length, one longer than 8 KiB, or a body past the size
/// limit is reported as Bad and skipped, and reading goes on with the next header.
class Reader {
 public:
  explicit Reader(int fd, size_t max_body = size_t{64} << 20) : fd_(fd), max_body_(max_body) {}
  enum class Status { Message, Bad, Eof };
  /// The next message's body (Message), or why the bytes read were skipped (Bad), or
  /// the end of input (Eof; a partial message at the end is dropped).
  Status next(std::string* body, std::string* error);

 private:
  /// Reads more bytes into buf_; false at end of input or on a read error.
  bool fill();
  int fd_;
  size_t max_body_;
  std::string buf_;
};

/// Writes framed messages to a file descriptor, numbering them (`seq`). Thread-safe:
/// the session's threads (requests, the VM, the program's output) share it.
class Writer {
 public:
  explicit Writer(int fd) : fd_(fd) {}
  /// Sets msg["seq"] and writes it; false when the descriptor is closed.
  bool send(nlohmann::json msg);

 private:
  std::mutex mu_;
  int fd_;
  int seq_ = 1;
};

}  // namespace clove::dap

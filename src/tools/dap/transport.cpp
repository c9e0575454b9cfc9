// transport.cpp: DAP framing over file descriptors (transport.h).
#include "tools/dap/transport.h"

#include <unistd.h>

#include <cerrno>
#include <charconv>

namespace clove::dap {

namespace {

constexpr size_t kMaxHeader = 8192;

/// The Content-Length of a header block, or -1 (missing or not a number).
long long content_length(const std::string& header) {
  size_t pos = 0;
  long long len = -1;
  while (pos < header.size()) {
    size_t eol = header.find('\n', pos);
    if (eol == std::string::npos) eol = header.size();
    std::string line = header.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    pos = eol + 1;
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name != "content-length") continue;
    size_t v = colon + 1;
    while (v < line.size() && line[v] == ' ') ++v;
    long long n = -1;
    auto [end, ec] = std::from_chars(line.data() + v, line.data() + line.size(), n);
    if (ec != std::errc() || end != line.data() + line.size() || n < 0) return -1;
    len = n;
  }
  return len;
}

}  // namespace

bool Reader::fill() {
  char tmp[65536];
  for (;;) {
    ssize_t n = ::read(fd_, tmp, sizeof tmp);
    if (n > 0) {
      buf_.append(tmp, static_cast<size_t>(n));
      return true;
    }
    if (n < 0 && errno == EINTR) continue;
    return false;
  }
}

Reader::Status Reader::next(std::string* body, std::string* error) {
  // The header block ends at the first empty line (CRLF CRLF; a bare LF LF is accepted).
  size_t end = std::string::npos, sep = 0;
  for (;;) {
    size_t a = buf_.find("\r\n\r\n"), b = buf_.find("\n\n");
    if (a != std::string::npos && (b == std::string::npos || a <= b)) {
      end = a;
      sep = 4;
    } else if (b != std::string::npos) {
      end = b;
      sep = 2;
    }
    if (end != std::string::npos) break;
    if (buf_.size() > kMaxHeader) {
      buf_.clear();
      *error = "header block longer than 8 KiB without an empty line: skipped";
      return Status::Bad;
    }
    if (!fill()) return Status::Eof;
  }
  std::string header = buf_.substr(0, end);
  buf_.erase(0, end + sep);
  long long len = content_length(header);
  if (len < 0) {
    *error = "header without a valid Content-Length: skipped";
    return Status::Bad;
  }
  if (static_cast<unsigned long long>(len) > max_body_) {
    // Drop the body as it comes, without holding it.
    unsigned long long left = static_cast<unsigned long long>(len);
    for (;;) {
      size_t take = static_cast<size_t>(std::min<unsigned long long>(left, buf_.size()));
      buf_.erase(0, take);
      left -= take;
      if (left == 0 || !fill()) break;
    }
    *error = "message body of " + std::to_string(len) + " bytes is past the limit: skipped";
    return Status::Bad;
  }
  while (buf_.size() < static_cast<size_t>(len))
    if (!fill()) return Status::Eof;
  body->assign(buf_, 0, static_cast<size_t>(len));
  buf_.erase(0, static_cast<size_t>(len));
  return Status::Message;
}

bool Writer::send(nlohmann::json msg) {
  std::lock_guard<std::mutex> lock(mu_);
  msg["seq"] = seq_++;
  // Invalid UTF-8 in a string (a program's raw output) is replaced, not thrown.
  std::string body = msg.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  size_t off = 0;
  while (off < out.size()) {
    ssize_t n = ::write(fd_, out.data() + off, out.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    off += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace clove::dap

// server_test.cpp: a hundred concurrent connections to clove_server (server.h), some of
// them hostile: endless loops, allocation bombs, sandbox escapes and bytes that are not
// Clove. Each must get its own answer and the server must stay up for the others.
// Prints a summary; exits 0 when every connection got what it should.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "server.h"

namespace {

/// Sends `program`, half-closes, returns the whole answer ("" if the connection failed).
std::string ask(uint16_t port, const std::string& program) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(port);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return "";
  }
  size_t off = 0;
  while (off < program.size()) {
    ssize_t n = ::send(fd, program.data() + off, program.size() - off, MSG_NOSIGNAL);
    if (n <= 0) break;
    off += static_cast<size_t>(n);
  }
  ::shutdown(fd, SHUT_WR);
  std::string answer;
  char buf[4096];
  ssize_t n;
  while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) answer.append(buf, static_cast<size_t>(n));
  ::close(fd);
  return answer;
}

struct Case {
  const char* kind;
  std::string program;
  std::string expected_prefix;
};

}  // namespace

int main() {
  clove_server::Config config;
  config.budget = 20'000'000;
  config.max_memory = 24u << 20;
  clove_server::Server server(config);
  std::thread runner([&] { server.run(); });

  std::vector<Case> cases;
  for (int i = 0; i < 100; ++i) {
    switch (i % 10) {
      case 0: cases.push_back({"endless loop", "(loop [] (recur))", "error clove.lang.BudgetExhaustedError: "}); break;
      case 1:
        cases.push_back({"allocation bomb", "(loop [s \"ab\"] (recur (str s s)))", "error java.lang.OutOfMemoryError: "});
        break;
      case 2:
        cases.push_back({"sandbox escape", "(slurp \"/etc/passwd\")", "error clove.lang.SandboxException: "});
        break;
      case 3:
        cases.push_back({"not Clove", std::string("(+ 1 \0\xff\xfe", 7), "error clojure.lang.LispReader$ReaderException: "});
        break;
      default: {
        int n = 1000 + i;
        cases.push_back({"program", "(println \"hi\") (reduce + (range " + std::to_string(n) + "))",
                         "hi\nok " + std::to_string(static_cast<int64_t>(n) * (n - 1) / 2) + "\n"});
      }
    }
  }
  std::vector<std::string> answers(cases.size());
  std::vector<std::thread> clients;
  for (size_t i = 0; i < cases.size(); ++i)
    clients.emplace_back([&, i] { answers[i] = ask(server.port(), cases[i].program); });
  for (auto& c : clients) c.join();

  int failures = 0;
  for (size_t i = 0; i < cases.size(); ++i)
    if (answers[i].rfind(cases[i].expected_prefix, 0) != 0) {
      if (++failures <= 10)
        std::printf("FAIL connection %zu (%s): expected \"%s...\", got \"%s\"\n", i, cases[i].kind,
                    cases[i].expected_prefix.c_str(), answers[i].c_str());
    }
  // Still serving after all that.
  std::string after = ask(server.port(), "(str \"still \" :up)");
  if (after != "ok \"still :up\"\n") {
    std::printf("FAIL the server after the hostile clients answered \"%s\"\n", after.c_str());
    ++failures;
  }
  server.stop();
  runner.join();
  std::printf("%zu concurrent connections (60 programs, 40 hostile), %d wrong answers; served %lld\n", cases.size(),
              failures, static_cast<long long>(server.served()));
  return failures == 0 ? 0 : 1;
}

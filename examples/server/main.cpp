// main.cpp: clove_server [PORT]: serves Clove programs on 127.0.0.1:PORT (default
// 7777), one sandboxed VM with a budget and a memory cap per connection (server.h).
//   printf '(+ 1 2)' | nc -N 127.0.0.1 7777      =>  ok 3
#include <cstdio>
#include <cstdlib>
#include <exception>

#include "server.h"

int main(int argc, char** argv) {
  clove_server::Config config;
  config.port = static_cast<uint16_t>(argc > 1 ? std::atoi(argv[1]) : 7777);
  try {
    clove_server::Server server(config);
    std::printf("serving Clove on 127.0.0.1:%u\n", server.port());
    std::fflush(stdout);
    server.run();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "clove_server: %s\n", e.what());
    return 1;
  }
}

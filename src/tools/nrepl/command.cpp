// command.cpp: the nrepl-server command of command.h.
#include "tools/nrepl/command.h"

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "tools/nrepl/server.h"

namespace clove::nrepl {

namespace {

Server* g_server = nullptr;
extern "C" void stop_server(int) {
  if (g_server) g_server->stop();  // an atomic store: safe in a signal handler
}

}  // namespace

int nrepl_server_command(const std::string& host, uint16_t port, const std::vector<std::string>& load_path) {
  ServerConfig config;
  config.host = host;
  config.port = port;
  config.load_path = load_path;
  try {
    // Never destroyed: the connection threads may still be running when serving stops,
    // and the process exits right after.
    Server& server = *new Server(config);
    g_server = &server;
    struct sigaction sa{};
    sa.sa_handler = stop_server;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
    const char* kPortFile = ".nrepl-port";
    {
      std::ofstream f(kPortFile, std::ios::trunc);
      f << server.port();
    }
    std::printf("nREPL server started on port %u on host %s - nrepl://%s:%u\n", server.port(), host.c_str(),
                host.find(':') != std::string::npos ? ("[" + host + "]").c_str() : host.c_str(), server.port());
    std::fflush(stdout);
    server.run();
    g_server = nullptr;
    std::error_code ec;
    std::filesystem::remove(kPortFile, ec);
  } catch (const std::exception& e) {
    g_server = nullptr;
    std::fprintf(stderr, "clove nrepl-server: %s\n", e.what());
    return 1;
  }
  return 0;
}

}  // namespace clove::nrepl

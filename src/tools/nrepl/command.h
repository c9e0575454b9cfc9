// command.h: `clove nrepl-server [--host H] [--port P]` (cli/main.cpp dispatches here).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace clove::nrepl {

/// Starts the server on host:port (port 0: a free one), writes the port to .nrepl-port
/// in the current folder, prints "nREPL server started on port P on host H -
/// nrepl://H:P" and serves until SIGINT or SIGTERM, then removes .nrepl-port. Returns
/// the exit status: 0, or 1 when the server cannot start (the reason on stderr).
int nrepl_server_command(const std::string& host, uint16_t port, const std::vector<std::string>& load_path);

}  // namespace clove::nrepl

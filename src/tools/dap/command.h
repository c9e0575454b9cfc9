// command.h: `clove dap` (cli/main.cpp dispatches here; session.h is the server).
#pragma once

namespace clove::dap {

/// Serves the Debug Adapter Protocol on stdin and stdout until the client disconnects
/// or closes stdin, then exits the process with status 0.
int dap_command();

}  // namespace clove::dap

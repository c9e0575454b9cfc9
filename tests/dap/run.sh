#!/usr/bin/env bash
# run.sh: drives `clove dap` with Microsoft's DAP test client (@vscode/debugadapter-
# testsupport, run by mocha; versions pinned in package.json). Needs Node and npm
# (scripts/setup.sh --clients installs Debian's); installs the npm packages on first use.
# Usage: tests/dap/run.sh [CLOVE_BINARY]   (default: build/clove)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
clove="$(realpath "${1:-$here/../../build/clove}")"
cd "$here"
if [[ ! -d node_modules/@vscode/debugadapter-testsupport ]]; then
  npm install --no-audit --no-fund --loglevel=error
fi
CLOVE="$clove" npx mocha --timeout 30000 dap.test.js

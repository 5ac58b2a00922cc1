#!/usr/bin/env bash
# Hygiene that enforces itself (a suite of `npm test`): C# layout per .editorconfig, and the extension's lint and
# type check. Fast: no build. Prints "N passed, N failed" over its three checks.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
passed=0 failed=0
check() {
  local name=$1; shift
  echo "--- $name: $*"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}
check "dotnet format whitespace" dotnet format whitespace --folder --verify-no-changes \
  --exclude client-vscode/node_modules tests/clients/vscode-jsonrpc/node_modules tests/sarif/node_modules .tools
[ -d client-vscode/node_modules ] || npm --prefix client-vscode ci --no-audit --no-fund --loglevel=error
check "eslint (client-vscode)" npm --prefix client-vscode run -s lint
check "tsc (client-vscode)" npm --prefix client-vscode run -s typecheck
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

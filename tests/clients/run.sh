#!/usr/bin/env bash
# Real-client tests against the built language server: npm vscode-jsonrpc (node --test) and Neovim's built-in client.
# Prerequisites: node >= 20 with npm; Debian's neovim (0.7) -- missing nvim is a failure under CI=true, a skip otherwise.
# Env: LSPTRIAGE_SERVER (default: the Debug build, server/LspTriage/bin/Debug/net10.0/lsptriage), CI.
# Last line: "N passed, N failed"; exit status 1 on any failure.
set -u -o pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export LSPTRIAGE_SERVER="$(realpath -m "${LSPTRIAGE_SERVER:-$repo/server/LspTriage/bin/Debug/net10.0/lsptriage}")"

passed=0
failed=0
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

if [ ! -x "$LSPTRIAGE_SERVER" ]; then
  echo "not ok - server not found at $LSPTRIAGE_SERVER (dotnet build server/LspTriage, or set LSPTRIAGE_SERVER)"
  failed=1
  finish
fi
echo "# server: $LSPTRIAGE_SERVER"

# --- npm vscode-jsonrpc ------------------------------------------------------------------------------------------
js="$here/vscode-jsonrpc"
if [ ! -d "$js/node_modules/vscode-jsonrpc" ] || [ "$js/package-lock.json" -nt "$js/node_modules/.package-lock.json" ]; then
  (cd "$js" && npm ci --no-audit --no-fund --loglevel=error) || { echo "not ok - npm ci in tests/clients/vscode-jsonrpc"; failed=$((failed + 1)); }
fi
if [ -d "$js/node_modules/vscode-jsonrpc" ]; then
  tap="$(mktemp)"
  (cd "$js" && node --test --test-reporter=spec --test-reporter-destination=stdout --test-reporter=tap --test-reporter-destination="$tap")
  status=$?
  p="$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$tap" | tail -1)"
  f="$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$tap" | tail -1)"
  c="$(sed -n 's/^# cancelled \([0-9]*\)$/\1/p' "$tap" | tail -1)"
  rm -f "$tap"
  if [ -z "$p" ] || [ -z "$f" ]; then
    echo "not ok - vscode-jsonrpc tests produced no summary (exit $status)"
    failed=$((failed + 1))
  else
    passed=$((passed + p))
    failed=$((failed + f + ${c:-0}))
    if [ "$status" -ne 0 ] && [ "$((f + ${c:-0}))" -eq 0 ]; then
      echo "not ok - node --test exited $status"
      failed=$((failed + 1))
    fi
  fi
fi

# --- Neovim ------------------------------------------------------------------------------------------------------
nv_out="$(mktemp)"
node "$here/neovim/run.js" | tee "$nv_out"
status=${PIPESTATUS[0]}
summary="$(sed -n 's/^neovim: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$nv_out" | tail -1)"
rm -f "$nv_out"
if [ -z "$summary" ]; then
  echo "not ok - neovim runner produced no summary (exit $status)"
  failed=$((failed + 1))
else
  read -r p f <<<"$summary"
  passed=$((passed + p))
  failed=$((failed + f))
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "not ok - neovim runner exited $status"
    failed=$((failed + 1))
  fi
fi

finish

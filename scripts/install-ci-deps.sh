#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine of our kind lacks for the full test suite. Idempotent; run as root.
#  - postgresql (pg_trgm lives in it) for the similarity differential tests,
#  - neovim for the Neovim LSP client test,
#  - chromium for the VS Code (code-server) end-to-end test,
#  - build tools for code-server's native modules,
#  - clang and zlib for the Native AOT server inside the .vsix (scripts/publish-server.sh).
set -euo pipefail
packages=(postgresql postgresql-contrib neovim chromium build-essential python3 libkrb5-dev clang zlib1g-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v dotnet >/dev/null || { echo "dotnet is not on PATH: this machine kind should have the .NET SDK" >&2; exit 1; }
command -v node >/dev/null || { echo "node is not on PATH" >&2; exit 1; }

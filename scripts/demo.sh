#!/usr/bin/env bash
# The main job on embedded defaults (no database, no API key): check the sample incidents, analyze one offline,
# find its similar past incidents, then a short tour of the language server on it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
echo "Building lsptriage (Release)..."
dotnet build server/LspTriage -c Release -v quiet -nologo 2>&1 | grep -E 'error|Warn' || true
lsptriage="$root/server/LspTriage/bin/Release/net10.0/lsptriage"
sample=samples/incidents/2026-06-02-payment-pool.md

step() { echo; echo "\$ $*"; }

step lsptriage check samples/
"$lsptriage" check samples/ || true

step lsptriage analyze "$sample"
"$lsptriage" analyze "$sample"

step lsptriage similar "$sample" --history samples/history
"$lsptriage" similar "$sample" --history samples/history

step "(language server) open $sample"
node scripts/demo-server.mjs "$lsptriage" "$sample"

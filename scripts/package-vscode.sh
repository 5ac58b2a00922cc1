#!/usr/bin/env bash
# Builds the VS Code extension .vsix with the server inside (no .NET needed by users): Native AOT for this machine's
# own platform, a self-contained ReadyToRun single file for the others (scripts/publish-server.sh says why).
#   bash scripts/package-vscode.sh [--target linux-x64|osx-arm64|win-x64] [--r2r]   (or LSPTRIAGE_TARGET=...)
# Output: out/vscode/lsptriage-<target>.vsix. Only linux-x64 is built and tested on our machines; the other
# targets cross-publish ReadyToRun (dotnet publish -r <rid> fetches that runtime pack from NuGet).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${LSPTRIAGE_TARGET:-linux-x64}"
publish_flags=()
while (($#)); do
  case "$1" in
    --target) target="$2"; shift 2 ;;
    --target=*) target="${1#*=}"; shift ;;
    --r2r) publish_flags+=(--r2r); shift ;;
    *) echo "usage: $0 [--target linux-x64|osx-arm64|win-x64] [--r2r]" >&2; exit 2 ;;
  esac
done
case "$target" in
  linux-x64) vsce_target=linux-x64 ;;
  linux-arm64) vsce_target=linux-arm64 ;;
  osx-arm64) vsce_target=darwin-arm64 ;;
  osx-x64) vsce_target=darwin-x64 ;;
  win-x64) vsce_target=win32-x64 ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac

client="$repo/client-vscode"
started=$(date +%s)

# 1. Server, one per platform, in client-vscode/server/<rid>/ (the folder name the extension looks for). Other
#    platforms' servers are removed so a .vsix carries exactly one.
rm -rf "$client/server"
vsix="$repo/out/vscode/lsptriage-$target.vsix"
rm -f "$vsix" # a failed build must not leave the previous .vsix looking current (the e2e test installs it)
bash "$repo/scripts/publish-server.sh" --target "$target" --out "$client/server/$target" "${publish_flags[@]}"

# 2. Extension bundle + .vsix
cd "$client"
if [[ ! -d node_modules/@vscode/vsce ]]; then npm ci --no-audit --no-fund --loglevel=error; fi
npm run -s typecheck
mkdir -p "$repo/out/vscode"
# vsce rewrites relative README images against the repository URL and refuses them without one: until
# package.json names a public repository, the packaged README leaves the screenshot out.
readme=README.md
if ! node -e 'process.exit(require("./package.json").repository ? 0 : 1)'; then
  mkdir -p dist
  grep -v '](images/' README.md | grep -v '^\*Taken by the extension' > dist/README.vsix.md
  readme=dist/README.vsix.md
fi
npx --no-install vsce package --target "$vsce_target" --no-dependencies \
  --allow-missing-repository --skip-license --readme-path "$readme" -o "$vsix"
echo "[package] $vsix $(du -h "$vsix" | cut -f1) ($(stat -c %s "$vsix") bytes) in $(( $(date +%s) - started )) s"

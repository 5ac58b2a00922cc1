#!/usr/bin/env bash
# Publishes the server executable (`lsptriage`) as it ships inside the .vsix — the one place for its publish flags.
#   bash scripts/publish-server.sh [--target RID] [--out DIR] [--r2r]
#
# Native AOT when the target is this machine's own platform (Native AOT cannot cross-compile): initialize answers in
# ~95 ms instead of ~280, the first outline after opening a file in ~100 ms instead of ~400, RSS 84 instead of 112 MiB,
# the .vsix is half the size (bench/RESULTS.md). It needs clang and zlib (Debian: clang zlib1g-dev). Other targets,
# or --r2r, get a self-contained ReadyToRun single file instead. Output: DIR (default out/server/RID) holding
# `lsptriage` (or lsptriage.exe) and the chart libraries it loads (libSkiaSharp, libHarfBuzzSharp).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${LSPTRIAGE_TARGET:-linux-x64}"
out=""
r2r=0
while (($#)); do
  case "$1" in
    --target) target="$2"; shift 2 ;;
    --target=*) target="${1#*=}"; shift ;;
    --out) out="$2"; shift 2 ;;
    --out=*) out="${1#*=}"; shift ;;
    --r2r) r2r=1; shift ;;
    *) echo "usage: $0 [--target RID] [--out DIR] [--r2r]" >&2; exit 2 ;;
  esac
done
out="${out:-$repo/out/server/$target}"

host_rid() {
  local os arch
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=osx ;; *) os=win ;; esac
  case "$(uname -m)" in x86_64 | amd64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) arch="$(uname -m)" ;; esac
  echo "$os-$arch"
}

rm -rf "$out"
started=$(date +%s)
common=(-c Release -r "$target" -p:DebugType=None -p:DebugSymbols=false -o "$out" --nologo -v quiet)
if [[ $r2r -eq 0 && "$target" == "$(host_rid)" ]]; then
  if ! command -v clang >/dev/null; then
    echo "publish-server: Native AOT needs clang and zlib (Debian: apt-get install clang zlib1g-dev); or pass --r2r for the slower ReadyToRun build" >&2
    exit 1
  fi
  kind="Native AOT"
  echo "[publish] $kind server for $target → $out"
  dotnet publish "$repo/server/LspTriage" "${common[@]}" -p:PublishAot=true
else
  # ReadyToRun, not composite: our assemblies are precompiled (the first documentSymbol after start-up drops from
  # ~700 to ~300 ms), the framework keeps its own precompiled code; composite would add ~20 MB and 20 MB of RSS.
  kind="ReadyToRun single file"
  echo "[publish] $kind server for $target → $out"
  dotnet publish "$repo/server/LspTriage" "${common[@]}" --self-contained \
    -p:PublishSingleFile=true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=false
fi
exe="$out/lsptriage"
[[ "$target" == win-* ]] && exe="$out/lsptriage.exe"
[ -f "$exe" ] || { echo "publish-server: no $exe after publishing" >&2; exit 1; }
echo "[publish] $kind: $(du -sh "$out" | cut -f1) in $(( $(date +%s) - started )) s"

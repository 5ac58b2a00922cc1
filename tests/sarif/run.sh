#!/usr/bin/env bash
# Validates `lsptriage check --format sarif` output with Microsoft's SARIF Multitool (SARIF schema rules and GitHub
# code scanning's GH rules). Prints "N passed, N failed" and exits non-zero on any validation error.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
server=${LSPTRIAGE_SERVER:-$root/server/LspTriage/bin/Debug/net10.0/lsptriage}
cd "$here"
[ -d node_modules/@microsoft/sarif-multitool-linux ] || npm install --no-audit --no-fund --silent >/dev/null
tool=node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
# npm does not run the package's own chmod (install scripts are not approved here).
chmod u+x "$tool"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
validate() {
  local name=$1 sarif=$2
  local out
  if ! grep -q '"ruleId"' "$sarif"; then
    echo "FAIL sarif: $name (no results: lsptriage check did not produce findings)"; failed=$((failed + 1)); return
  fi
  out=$("$tool" validate "$sarif" -o "$work/$name.validation.sarif" --log ForceOverwrite --rule-kind "Sarif;Gh" 2>&1)
  if grep -q ': error ' <<<"$out" || ! grep -q 'Analysis completed successfully' <<<"$out"; then
    echo "FAIL sarif: $name"; grep -E ': (error|warning) ' <<<"$out" | head -20; failed=$((failed + 1))
  else
    echo "ok   sarif: $name ($(grep -c ': warning ' <<<"$out") warnings, 0 errors)"; passed=$((passed + 1))
  fi
}
mkdir -p "$work/postmortems"
cp "$root"/tests/fixtures/*.md "$work/postmortems/"
(cd "$work" && "$server" check --format sarif postmortems > fixtures.sarif)
validate fixtures "$work/fixtures.sarif"
(cd "$root" && "$server" check --format sarif samples > "$work/samples.sarif")
validate samples "$work/samples.sarif"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

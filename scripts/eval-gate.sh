#!/usr/bin/env bash
# The eval gate CI runs: the offline analyzer over samples/scenarios into test-results/eval, compared with the committed
# baseline (samples/scenarios/baseline/results.jsonl). Fails when a metric worsened by more than the threshold.
#   bash scripts/eval-gate.sh                    # check (needs a build: dotnet build server/LspTriage)
#   bash scripts/eval-gate.sh --update-baseline  # run and make this eval the new baseline (commit results.jsonl)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bin=${LSPTRIAGE_SERVER:-$root/server/LspTriage/bin/Debug/net10.0/lsptriage}
out="$root/test-results/eval"
baseline="$root/samples/scenarios/baseline"
rm -rf "$out"

"$bin" eval samples/scenarios --provider offline --out "$out"
ran=$?
if [ "${1:-}" = "--update-baseline" ]; then
  [ "$ran" -eq 0 ] || { echo "eval failed (exit $ran); baseline not updated"; exit 1; }
  mkdir -p "$baseline"
  cp "$out/results.jsonl" "$baseline/results.jsonl"
  echo "baseline updated: $baseline/results.jsonl ($(wc -l <"$baseline/results.jsonl") runs)"
  exit 0
fi

"$bin" eval --compare "$baseline" "$out"
compared=$?
passed=0 failed=0
for status in "$ran" "$compared"; do
  if [ "$status" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "report: $out/report.md"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# The protocol fuzzing of tests/LspTriage.Server.Tests/Fuzzing for as long as you give it: rounds of N cases per
# property with a fresh random seed each round; stops at the first failure and prints the seed that replays it
# (LSPTRIAGE_FUZZ_SEED=<seed> dotnet test tests/LspTriage.Server.Tests --filter ProtocolFuzzTests).
# Usage: scripts/fuzz-long.sh [minutes=10] [cases-per-round=5000]
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
minutes=${1:-10}
export LSPTRIAGE_FUZZ_ITER=${2:-5000}
dotnet build tests/LspTriage.Server.Tests -v q --nologo | grep -E ' error |rror\(s\)' || true
deadline=$(( $(date +%s) + minutes * 60 ))
rounds=0
while [ "$(date +%s)" -lt "$deadline" ]; do
  unset LSPTRIAGE_FUZZ_SEED
  log=$(mktemp)
  if ! dotnet test tests/LspTriage.Server.Tests --no-build --filter "FullyQualifiedName~ProtocolFuzzTests" \
      --logger "console;verbosity=detailed" >"$log" 2>&1; then
    grep -a -E 'Set seed|Error Message|---- ' "$log" | cut -c1-600
    echo "fuzz: failed in round $((rounds + 1)); log: $log"
    exit 1
  fi
  rounds=$((rounds + 1))
  grep -a -E 'requests and|frames, the server' "$log" | sed 's/^ */  /'
  rm -f "$log"
done
echo "fuzz: $rounds rounds of $LSPTRIAGE_FUZZ_ITER cases per property, no failure"

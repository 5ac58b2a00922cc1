#!/usr/bin/env bash
# The whole test suite, as `npm test` and CI run it: build, start the services the tests need, run every suite,
# and print one closing line "N passed, N failed" over all of them. Exits non-zero when anything failed.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export LSPTRIAGE_SERVER="$root/server/LspTriage/bin/Debug/net10.0/lsptriage"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Writes waiting for a shared PostgreSQL are kept in a state folder across restarts (IncidentOutbox); the tests get a
# fresh one, so nothing queued by an earlier run (against a cluster since removed) is replayed into this run's.
export LSPTRIAGE_STATE_DIR="$root/test-results/state"
rm -rf "$LSPTRIAGE_STATE_DIR"
logs="$root/test-results/logs"
mkdir -p "$logs"
passed=0 failed=0
summary=() failures=()

# Adds a suite's counts, read from its output: our runners' "N passed, N failed" line, or dotnet test's summary.
count() {
  local name=$1 status=$2 log=$3 p=0 f=0 line
  if line=$(grep -E '^(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$log" | tail -1) && [ -n "$line" ]; then
    f=$(sed -E 's/.*Failed: +([0-9]+),.*/\1/' <<<"$line"); p=$(sed -E 's/.*Passed: +([0-9]+),.*/\1/' <<<"$line")
  elif line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -1) && [ -n "$line" ]; then
    p=$(sed -E 's/^([0-9]+) passed.*/\1/' <<<"$line"); f=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
  fi
  # A suite that failed without reporting a failure (crash, build error, missing service) still counts as one.
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p)); failed=$((failed + f))
  # CI shows only the end of the output: name what failed there, with the first line of its message.
  if [ "$f" -gt 0 ]; then
    while IFS= read -r line; do failures+=("$name: $line"); done < <(
      grep -E -A2 '^\s*(Failed [A-Za-z_]|✖ |not ok |\[e2e\] FAIL|FAIL )' "$log" | grep -v -E '^\s*(--|Stack Trace:|Error Message:)$' | cut -c1-300 | head -30)
  fi
  summary+=("$(printf '%-28s %5s passed %4s failed  (%ss)' "$name" "$p" "$f" "$SECONDS_TAKEN")")
}

suite() {
  local name=$1; shift
  local log="$logs/$name.log" start=$SECONDS status
  echo "=== $name: $*"
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  SECONDS_TAKEN=$((SECONDS - start))
  count "$name" "$status" "$log"
}

echo "=== build"
if ! dotnet build LspTriage.sln -c Debug 2>&1 | tee "$logs/build.log" | grep -E 'error|Warn|Elapsed'; then :; fi
if ! grep -q ' 0 Error(s)' "$logs/build.log"; then
  echo "Build failed; see $logs/build.log"
  echo "0 passed, 1 failed"
  exit 1
fi

# A throwaway PostgreSQL 15 with pg_trgm for the similarity tests, unless the caller provides one. The tests read
# LSPTRIAGE_TEST_PG (Npgsql connection string) and LSPTRIAGE_TEST_PGCTL_DATA (for the outage test's pg_ctl stop/start),
# and fail, never skip, without them.
if [ -z "${LSPTRIAGE_TEST_PG:-}" ]; then
  if pg_env=$(bash scripts/postgres-test-cluster.sh start); then
    eval "$pg_env"
    trap 'bash scripts/postgres-test-cluster.sh stop "$LSPTRIAGE_TEST_PG_DIR"' EXIT
    echo "=== postgres: $LSPTRIAGE_TEST_PG_DIR"
  else
    echo "=== postgres: could not start the test cluster; the similarity tests will fail"
  fi
fi

# The .vsix as users get it, with the Native AOT server inside (scripts/publish-server.sh): the real clients below
# and the VS Code end-to-end test run that server, the one that ships, rather than the Debug build.
suite package bash scripts/package-vscode.sh --target linux-x64
native="$root/client-vscode/server/linux-x64/lsptriage"
clients_server="$LSPTRIAGE_SERVER"
[ -x "$native" ] && clients_server="$native"

for project in LspTriage.Core.Tests LspTriage.Server.Tests LspTriage.Cli.Tests; do
  suite "$project" dotnet test "tests/$project" --no-build --logger "console;verbosity=minimal" --filter "Category!=PublicCorpus"
done
# The optional extra run on the 242 public postmortems (GPL-3, never in the repository): only where the folder exists.
corpus="${LSPTRIAGE_PUBLIC_CORPUS:-$root/../shared/corpus/public-postmortems}"
if [ -d "$corpus" ]; then
  suite public-corpus-extra dotnet test tests/LspTriage.Core.Tests --no-build --logger "console;verbosity=minimal" --filter "Category=PublicCorpus"
else
  echo "=== public-corpus-extra: skipped, no corpus at $corpus (optional; set LSPTRIAGE_PUBLIC_CORPUS to run it)"
fi
suite eval-gate bash scripts/eval-gate.sh
suite sarif-multitool bash tests/sarif/run.sh
suite hygiene bash scripts/hygiene.sh
suite native-cli bash tests/native/run.sh "$native"
suite real-clients env LSPTRIAGE_SERVER="$clients_server" bash tests/clients/run.sh
suite vscode-unit npm run -s test:vscode-unit
suite vscode-e2e env LSPTRIAGE_E2E_SKIP_PACKAGE=1 node tests/e2e-vscode/run.mjs

echo
echo "=== summary"
printf '%s\n' "${summary[@]}"
if [ "${#failures[@]}" -gt 0 ]; then
  echo "=== what failed (full logs in test-results/logs)"
  printf '%s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

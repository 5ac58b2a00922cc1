#!/usr/bin/env bash
# The shipped executable (Native AOT, scripts/publish-server.sh) against the Debug build, command by command on the
# samples: the same output, byte for byte once timings are masked. Native AOT has no JIT, so code it did not compile
# ahead of time (reflection-based JSON, say) fails only at run time — this is where such a failure shows.
#   bash tests/native/run.sh NATIVE_EXE
# Last line: "N passed, N failed"; exit status 1 on any failure.
set -u -o pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
native="$(realpath -m "${1:?usage: $0 NATIVE_EXE}")"
debug="$repo/server/LspTriage/bin/Debug/net10.0/lsptriage"
cd "$repo"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

for exe in "$native" "$debug"; do
  [ -x "$exe" ] || { echo "not ok - no executable at $exe"; echo "0 passed, 1 failed"; exit 1; }
done

# Timings (and the generated block's hash, which covers its header's latency) differ from run to run; nothing else may.
mask() { sed -E 's/("latencyMs": ?)[0-9.]+/\1X/g; s/[0-9]+(\.[0-9]+)? ?ms\b/X ms/g; s/ hash=[0-9a-f]+/ hash=X/g'; }

# same NAME ARGS...: runs both executables with ARGS, compares exit status, stdout and stderr.
same() {
  local name=$1; shift
  "$native" "$@" >"$work/n.out" 2>"$work/n.err"; local ns=$?
  "$debug" "$@" >"$work/d.out" 2>"$work/d.err"; local ds=$?
  if [ "$ns" -ne "$ds" ]; then
    echo "not ok - $name: exit $ns (native) vs $ds (debug)"; head -5 "$work/n.err"; failed=$((failed + 1)); return
  fi
  if ! diff <(mask <"$work/n.out") <(mask <"$work/d.out") >"$work/diff" || ! diff <(mask <"$work/n.err") <(mask <"$work/d.err") >>"$work/diff"; then
    echo "not ok - $name: output differs"; head -20 "$work/diff"; failed=$((failed + 1)); return
  fi
  if [ ! -s "$work/n.out" ] && [ ! -s "$work/n.err" ]; then
    echo "not ok - $name: printed nothing"; failed=$((failed + 1)); return
  fi
  echo "ok - $name (exit $ns, $(wc -c <"$work/n.out") bytes)"
  passed=$((passed + 1))
}

incident=samples/incidents/2026-06-02-payment-pool.md
zh=samples/incidents/2026-06-18-inventory-migration-locks.zh.md
same "--version" --version
same "--help" --help
same "usage error" check --format nope samples
same "check text" check samples
same "check json" check samples --format json
same "check sarif" check samples --format sarif
same "analyze markdown" analyze "$incident"
same "analyze json" analyze "$incident" --json
same "analyze json (Chinese)" analyze "$zh" --json --lang zh
same "similar json" similar "$incident" --history samples/history --json
same "similar eval" similar --eval samples/similarity --history samples/history
same "stats json" stats samples --format json
same "stats markdown" stats samples
same "actions json" actions samples
same "actions csv" actions samples --format csv
same "completion script" completion bash

# eval writes results.jsonl (in the order runs finish), report.md and a chart (native Skia): the same runs and
# scores, the chart drawn.
scenarios=$(ls -d samples/scenarios/*.md | head -6)
# shellcheck disable=SC2086
"$native" eval $scenarios --out "$work/eval-native" >/dev/null 2>"$work/eval.err"; ns=$?
# shellcheck disable=SC2086
"$debug" eval $scenarios --out "$work/eval-debug" >/dev/null 2>&1; ds=$?
if [ "$ns" -eq "$ds" ] && [ -s "$work/eval-native/chart.png" ] \
  && diff <(mask <"$work/eval-native/results.jsonl" | sort) <(mask <"$work/eval-debug/results.jsonl" | sort) >/dev/null; then
  echo "ok - eval: same results.jsonl, chart drawn"
  passed=$((passed + 1))
else
  echo "not ok - eval: exit $ns vs $ds, or results differ, or no chart"; head -5 "$work/eval.err"; failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

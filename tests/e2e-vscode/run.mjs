#!/usr/bin/env node
// End-to-end test of the LspTriage extension inside real VS Code: code-server (npm, under Node 24) in Debian's
// headless Chromium driven by playwright-core, on a fresh profile, with the packaged .vsix installed.
//
//   node tests/e2e-vscode/run.mjs
//
// It installs the tools if missing (scripts/install-e2e-tools.sh, idempotent), packages the .vsix
// (scripts/package-vscode.sh) unless LSPTRIAGE_E2E_SKIP_PACKAGE=1 or LSPTRIAGE_VSIX points at one, and checks
// through the UI:
//   1. a [FILL IN] diagnostic with source lsptriage and a code shows in the Problems panel
//   2. the Outline shows the incident's sections
//   3. hovering the title shows the similar-incidents card; its code lens lists them in a quick pick
//   4. the "Analyze incident" code action inserts the analysis block, and the saved file contains it
//   5. a quick fix applies and its diagnostic disappears
//   6. the client's own commands: New incident, New postmortem from incident, Set LLM API key (restart, no leak)
//   7. with provider openai, Analyze incident sends the stored key as Bearer token to a local fake endpoint
//   8. the server is killed and the client restarts it
//   9. a markdown file outside the incident globs, ours by front matter `kind: postmortem`, gets lsptriage problems
//  10. completion after front matter `severity:` offers SEV1..SEV5 and the picked one is written
//  11. the Problems panel lists problems of a postmortem no step opened (workspace/diagnostic)
//  12. "Copy as issue" on an open action item: the notification names it and the clipboard holds the issue
// Screenshots: test-results/e2e/. Last line: "N passed, N failed". Exit 1 on any failure, including when
// code-server or Chromium cannot start (never a skip). LSPTRIAGE_E2E_STEPS=1,2,5 runs a subset;
// LSPTRIAGE_E2E_KEEP=1 keeps the run folder; LSPTRIAGE_E2E_TOOLS names the tools folder (default .tools);
// LSPTRIAGE_E2E_SERVER=PATH runs that lsptriage instead of the one bundled in the .vsix (a worktree build, no packaging).
//
// This file is the runner: it picks the steps, runs each with a screenshot and a PASS/FAIL line, and counts. Setup is
// in lib/setup.mjs, UI helpers in lib/ui.mjs, the steps in lib/steps.mjs, shared paths and waiting in lib/util.mjs.
import path from 'node:path';
import { cleanup, setup } from './lib/setup.mjs';
import { steps } from './lib/steps.mjs';
import { openFile, runCommand } from './lib/ui.mjs';
import { INCIDENT, POSTMORTEM, log, repo, resultsDir, sleep, timings } from './lib/util.mjs';

const wallStart = Date.now();
const wanted = new Set((process.env.LSPTRIAGE_E2E_STEPS ?? steps.map((s) => s.n).join(',')).split(',').map((s) => Number(s.trim())));

let passed = 0;
let failed = 0;
const ran = new Set();

function finish(code) {
  timings.wallSeconds = ((Date.now() - wallStart) / 1000).toFixed(1);
  log(
    `timing: activation -> first diagnostics ${timings.activationToDiagnosticsMs ?? '?'} ms (extension log); ` +
      `page load -> first lsptriage problem ${timings.pageToProblemMs ?? '?'} ms; e2e wall time ${timings.wallSeconds} s`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code);
}

async function runStep(page, context, { n, name, run }) {
  if (!wanted.has(n)) return;
  ran.add(n);
  const shot = path.join(resultsDir, `${String(n).padStart(2, '0')}-${name}.png`);
  const t = Date.now();
  try {
    const detail = await run(context);
    await page.mouse.move(1, 1).catch(() => undefined);
    await page.screenshot({ path: shot }).catch(() => undefined);
    passed++;
    log(`PASS step ${n} ${name} (${Date.now() - t} ms)${detail ? `: ${detail}` : ''} [${path.relative(repo, shot)}]`);
  } catch (e) {
    await page.screenshot({ path: shot }).catch(() => undefined);
    failed++;
    log(`FAIL step ${n} ${name} (${Date.now() - t} ms): ${e instanceof Error ? e.message : e}`);
    log(`     screenshot: ${shot}`);
  } finally {
    await page.keyboard.press('Escape').catch(() => undefined);
  }
}

async function main() {
  let page;
  let ws;
  let runDir;
  try {
    ({ page, ws, runDir } = await setup());
  } catch (e) {
    log(`SETUP FAILED: ${e instanceof Error ? e.stack ?? e.message : e}`);
    failed = wanted.size;
    await cleanup();
    finish(1);
  }
  const context = { page, ws, runDir, ran, incidentFile: path.join(ws, INCIDENT), postmortemFile: path.join(ws, POSTMORTEM) };

  try {
    await openFile(page, INCIDENT);
    for (const step of steps) await runStep(page, context, step);
  } catch (e) {
    log(`FAIL (unexpected): ${e instanceof Error ? e.stack : e}`);
  }
  // Steps that never ran because of an unexpected error count as failed, never as skipped.
  for (const n of wanted) {
    if (!ran.has(n)) {
      failed++;
      log(`FAIL step ${n}: not reached`);
    }
  }

  // A clean picture of the real thing for the README.
  try {
    await openFile(page, POSTMORTEM);
    await runCommand(page, 'Problems: Focus on Problems View');
    await sleep(800);
    await page.screenshot({ path: path.join(resultsDir, 'overview.png') });
  } catch {}

  await cleanup();
  finish(failed > 0 ? 1 : 0);
}

process.on('SIGINT', async () => {
  await cleanup();
  process.exit(130);
});
await main();

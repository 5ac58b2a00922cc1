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
// Screenshots: test-results/e2e/. Last line: "N passed, N failed". Exit 1 on any failure, including when
// code-server or Chromium cannot start (never a skip). LSPTRIAGE_E2E_STEPS=1,2,5 runs a subset;
// LSPTRIAGE_E2E_KEEP=1 keeps the run folder.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const tools = process.env.LSPTRIAGE_E2E_TOOLS ?? path.join(repo, '.tools');
const resultsDir = path.join(repo, 'test-results', 'e2e');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const wallStart = Date.now();
const wanted = new Set((process.env.LSPTRIAGE_E2E_STEPS ?? '1,2,3,4,5,6,7,8').split(',').map((s) => Number(s.trim())));

const INCIDENT = 'incidents/2026-06-02-payment-pool.md';
const POSTMORTEM = 'postmortems/2026-06-02-payment-pool.md';

const log = (...a) => console.log('[e2e]', ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let passed = 0;
let failed = 0;
const timings = {};

function finish(code) {
  timings.wallSeconds = ((Date.now() - wallStart) / 1000).toFixed(1);
  log(
    `timing: activation -> first diagnostics ${timings.activationToDiagnosticsMs ?? '?'} ms (extension log); ` +
      `page load -> first lsptriage problem ${timings.pageToProblemMs ?? '?'} ms; e2e wall time ${timings.wallSeconds} s`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function copyDir(src, dst) {
  fs.mkdirSync(dst, { recursive: true });
  for (const e of fs.readdirSync(src, { withFileTypes: true })) {
    const s = path.join(src, e.name);
    const d = path.join(dst, e.name);
    if (e.isDirectory()) copyDir(s, d);
    else fs.copyFileSync(s, d);
  }
}

/** 1-based line number of the first line matching `re` in a file. */
function lineOf(file, re) {
  const i = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => re.test(l));
  if (i < 0) throw new Error(`no line matching ${re} in ${file}`);
  return i + 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Setup: tools, .vsix, run folder, code-server, Chromium. Any failure here fails every wanted step.
// ---------------------------------------------------------------------------------------------------------------
let codeServer;
let context;
let runDir;

async function cleanup() {
  try {
    await context?.close();
  } catch {}
  if (codeServer?.pid) {
    try {
      process.kill(-codeServer.pid, 'SIGTERM');
    } catch {}
    await sleep(500);
    try {
      process.kill(-codeServer.pid, 'SIGKILL');
    } catch {}
  }
  if (runDir && !process.env.LSPTRIAGE_E2E_KEEP) fs.rmSync(runDir, { recursive: true, force: true });
  else if (runDir) log(`kept run folder ${runDir}`);
}

async function setup() {
  fs.rmSync(resultsDir, { recursive: true, force: true });
  fs.mkdirSync(resultsDir, { recursive: true });

  run('bash', [path.join(repo, 'scripts/install-e2e-tools.sh')]);
  let vsix = process.env.LSPTRIAGE_VSIX;
  if (!vsix) {
    vsix = path.join(repo, 'out/vscode/lsptriage-linux-x64.vsix');
    if (process.env.LSPTRIAGE_E2E_SKIP_PACKAGE !== '1' || !fs.existsSync(vsix)) {
      const t = Date.now();
      run('bash', [path.join(repo, 'scripts/package-vscode.sh'), '--target', 'linux-x64']);
      timings.packageSeconds = ((Date.now() - t) / 1000).toFixed(1);
    }
  }
  if (!fs.existsSync(vsix)) throw new Error(`no .vsix at ${vsix}`);
  log(`vsix ${vsix} (${(fs.statSync(vsix).size / 1024 / 1024).toFixed(1)} MB)`);

  const { chromium } = await import('playwright-core');

  runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lsptriage-e2e-'));
  const home = path.join(runDir, 'home');
  const userData = path.join(runDir, 'user-data');
  const extensions = path.join(runDir, 'extensions');
  const ws = path.join(runDir, 'workspace');
  for (const d of [home, userData, extensions, path.join(runDir, 'tmp'), path.join(userData, 'User')]) fs.mkdirSync(d, { recursive: true });
  copyDir(path.join(here, 'fixtures/workspace'), ws);
  fs.writeFileSync(
    path.join(userData, 'User/settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'chat.disableAIFeatures': true,
        'workbench.tips.enabled': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'workbench.editor.enablePreview': false,
        'window.restoreWindows': 'none',
        'git.enabled': false,
        'files.autoSave': 'off',
        'outline.collapseItems': 'alwaysExpand',
        'editor.hover.delay': 100,
        'editor.minimap.enabled': false,
        'problems.defaultViewMode': 'list',
      },
      null,
      2,
    ),
  );
  const config = path.join(runDir, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');

  const node24 = path.join(tools, 'node24/bin');
  const entry = path.join(tools, 'code-server/node_modules/code-server/out/node/entry.js');
  if (!fs.existsSync(entry)) throw new Error(`code-server is not installed at ${entry}`);
  const env = {
    ...process.env,
    PATH: `${node24}${path.delimiter}${process.env.PATH}`,
    HOME: home,
    TMPDIR: path.join(runDir, 'tmp'),
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
  };
  const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];

  let t = Date.now();
  run(path.join(node24, 'node'), [entry, ...common, '--install-extension', vsix], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  log(`installed extension in ${Date.now() - t} ms`);

  const port = await freePort();
  const csLog = fs.openSync(path.join(resultsDir, 'code-server.log'), 'w');
  codeServer = spawn(
    path.join(node24, 'node'),
    [
      entry,
      ...common,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      ws,
    ],
    { env, detached: true, stdio: ['ignore', csLog, csLog] },
  );
  let exited = null;
  codeServer.on('exit', (c, s) => (exited = c ?? s));
  t = Date.now();
  for (;;) {
    if (exited !== null) throw new Error(`code-server exited (${exited}) before answering; see ${path.join(resultsDir, 'code-server.log')}`);
    if (Date.now() - t > 30_000) throw new Error('code-server /healthz did not answer in 30 s');
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) break;
    } catch {}
    await sleep(200);
  }
  log(`code-server healthy in ${Date.now() - t} ms on port ${port}`);

  context = await chromium.launchPersistentContext(path.join(runDir, 'chromium-profile'), {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1440, height: 900 },
    env,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (msg) => {
    const text = msg.text();
    if (!text.includes('[lsptriage]')) return;
    log(`page console: ${text}`);
    const m = /first diagnostics (\d+) ms after activation/.exec(text);
    if (m) timings.activationToDiagnosticsMs = Number(m[1]);
  });
  t = Date.now();
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.statusbar').waitFor({ timeout: 60_000 });
  timings.pageLoaded = Date.now();
  log(`workbench loaded in ${Date.now() - t} ms`);
  return { page, ws };
}

// ---------------------------------------------------------------------------------------------------------------
// UI helpers
// ---------------------------------------------------------------------------------------------------------------
function quickInput(page) {
  return page.locator('.quick-input-widget input.input');
}

/**
 * Opens the quick input and types `value`. An editor that takes focus just after it opened (a file picked a moment
 * ago, a peek closing) hides the widget again, so a widget that vanishes before it is typed into is opened again.
 */
async function openQuickInput(page, value) {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = quickInput(page);
    try {
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(value, { timeout: 5_000 });
      return input;
    } catch (e) {
      if (attempt >= 3) throw e;
      log(`quick input hid before it was typed into (attempt ${attempt}); opening it again`);
      await sleep(500);
    }
  }
}

/** Runs a command from the palette, picking the row whose label is exactly `label`. */
async function runCommand(page, label) {
  await openQuickInput(page, `>${label}`);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const rows = page.locator('.quick-input-list .monaco-list-row');
    const n = await rows.count();
    for (let i = 0; i < n; i++) {
      const name = (await rows.nth(i).locator('.label-name').first().textContent().catch(() => ''))?.trim();
      if (name === label) {
        await rows.nth(i).click();
        return;
      }
    }
    await sleep(200);
  }
  throw new Error(`command "${label}" not found in the palette`);
}

async function openFile(page, rel) {
  await openQuickInput(page, rel);
  const row = page.locator('.quick-input-list .monaco-list-row').first();
  await row.waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator(`.tab[aria-label^="${path.basename(rel)}"]`).first().waitFor({ timeout: 10_000 }).catch(() => undefined);
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 10_000 });
}

async function gotoLine(page, line, col = 1) {
  await openQuickInput(page, `:${line}:${col}`);
  await sleep(150);
  await page.keyboard.press('Enter');
  await sleep(150);
}

async function problemsText(page) {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible().catch(() => false))) await runCommand(page, 'Problems: Focus on Problems View');
  await panel.waitFor({ state: 'visible', timeout: 10_000 });
  const rows = panel.locator('.monaco-list-row');
  const n = await rows.count();
  const out = [];
  for (let i = 0; i < n; i++) {
    const r = rows.nth(i);
    out.push(`${(await r.getAttribute('aria-label')) ?? ''} | ${(await r.innerText().catch(() => '')).replace(/\s+/g, ' ')}`);
  }
  return out;
}

async function waitFor(what, fn, timeoutMs, intervalMs = 500) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await sleep(intervalMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
}

/** Opens the code-action menu at the cursor and clicks the first enabled row matching `re`; returns its label. */
async function applyCodeAction(page, re, commands = ['Quick Fix...', 'Refactor...', 'Source Action...'], menuShot) {
  const seen = [];
  for (const cmd of commands) {
    await runCommand(page, cmd);
    const rows = page.locator('.action-widget .monaco-list-row.action:visible');
    const visible = await rows.first().waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
    if (!visible) {
      await page.keyboard.press('Escape');
      continue;
    }
    await sleep(300);
    const n = await rows.count();
    for (let i = 0; i < n; i++) {
      const row = rows.nth(i);
      const label = (await row.innerText()).replace(/\s+/g, ' ').trim();
      seen.push(label);
      const disabled = (await row.getAttribute('aria-disabled')) === 'true';
      if (!disabled && re.test(label)) {
        if (menuShot) {
          await row.hover();
          await page.screenshot({ path: menuShot }).catch(() => undefined);
        }
        await row.click();
        return label;
      }
    }
    await page.keyboard.press('Escape');
  }
  throw new Error(`no code action matching ${re}; offered: ${seen.length ? seen.join(' / ') : 'none'}`);
}

async function saveAndRead(page, file) {
  await runCommand(page, 'File: Save');
  await sleep(500);
  return fs.readFileSync(file, 'utf8');
}

/** Pids of language-server processes (`... lsptriage ... serve`) started for this run. */
function serverPids(runDir) {
  return fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).filter((pid) => {
    try {
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').filter(Boolean);
      if (!args.includes('serve') || !args.some((a) => a.includes('lsptriage'))) return false;
      return fs.readFileSync(`/proc/${pid}/environ`, 'latin1').includes(`HOME=${path.join(runDir, 'home')}`);
    } catch {
      return false;
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------------------------------------------
const ran = new Set();

async function step(page, n, name, fn) {
  if (!wanted.has(n)) return;
  ran.add(n);
  const shot = path.join(resultsDir, `${String(n).padStart(2, '0')}-${name}.png`);
  const t = Date.now();
  try {
    const detail = await fn();
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
  try {
    ({ page, ws } = await setup());
  } catch (e) {
    log(`SETUP FAILED: ${e instanceof Error ? e.stack ?? e.message : e}`);
    failed = wanted.size;
    await cleanup();
    finish(1);
  }
  const incidentFile = path.join(ws, INCIDENT);
  const postmortemFile = path.join(ws, POSTMORTEM);

  try {
    await openFile(page, INCIDENT);

    await step(page, 1, 'problems', async () => {
      const rows = await waitFor(
        'a [FILL IN] problem from lsptriage in the Problems panel',
        async () => {
          const rows = await problemsText(page);
          return rows.some((r) => /FILL IN/i.test(r) && /lsptriage/.test(r)) ? rows : null;
        },
        45_000,
      );
      timings.pageToProblemMs = Date.now() - timings.pageLoaded;
      const row = rows.find((r) => /FILL IN/i.test(r) && /lsptriage/.test(r));
      // The row reads "message lsptriage(LT001) [Ln 32, Col 20]"; innerText may drop the parentheses.
      const code = /lsptriage\s*\(?\s*([A-Za-z]+[-_]?\d+)/.exec(row)?.[1];
      if (!code) throw new Error(`problem has no code next to the source: ${row}`);
      const squiggles = await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info').count();
      return `"${row.split(' | ')[1] ?? row}" code ${code}, ${squiggles} squiggle(s)`;
    });

    await step(page, 2, 'outline', async () => {
      await runCommand(page, 'Explorer: Focus on Outline View');
      const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^\s*outline/i }) });
      const labels = await waitFor(
        'the Outline to list the incident sections',
        async () => {
          const t = (await pane.locator('.monaco-list-row').allInnerTexts()).map((s) => s.trim());
          // With two symbol providers the Outline groups by extension: our group must hold the sections.
          const ours = t.findIndex((s) => /^LspTriage/.test(s));
          const other = t.findIndex((s, i) => i > ours && /Markdown Language Features/.test(s));
          const group = ours < 0 ? [] : t.slice(ours + 1, other > ours ? other : undefined);
          if (ours < 0 && t.length > 0 && !t.some((s) => /Markdown Language Features/.test(s))) group.push(...t);
          return group.some((s) => /Raw incident context/i.test(s)) && group.some((s) => /Customer communication/i.test(s)) ? t : null;
        },
        20_000,
      );
      return `${labels.length} rows: ${labels.slice(0, 6).join(' / ')}`;
    });

    await step(page, 3, 'hover-similar', async () => {
      await openFile(page, INCIDENT);
      const titleLine = lineOf(incidentFile, /^# /);
      const text = await waitFor(
        'a hover on the title mentioning similar incidents',
        async () => {
          await gotoLine(page, titleLine, 5);
          await runCommand(page, 'Show or Focus Hover');
          const hover = page.locator('.monaco-hover:not(.hidden)').first();
          await hover.waitFor({ state: 'visible', timeout: 4_000 });
          const t = (await hover.innerText()).replace(/\s+/g, ' ');
          return /similar/i.test(t) ? t : null;
        },
        25_000,
        1000,
      );
      await page.screenshot({ path: path.join(resultsDir, '03-hover-card.png') });
      await page.keyboard.press('Escape');
      // The code lens over the title runs lspTriage.findSimilar; the extension lists the result in a quick pick.
      const lens = page.locator('.codelens-decoration a', { hasText: /similar/i }).first();
      await lens.waitFor({ timeout: 15_000 });
      const lensText = (await lens.innerText()).trim();
      await lens.click();
      const rows = page.locator('.quick-input-list .monaco-list-row');
      await rows.first().waitFor({ timeout: 10_000 });
      const first = (await rows.first().innerText()).replace(/\s+/g, ' ').trim();
      if (!/\d+%/.test(first)) throw new Error(`quick pick row without a percentage: ${first}`);
      await page.screenshot({ path: path.join(resultsDir, '03-similar-pick.png') });
      await page.keyboard.press('Enter');
      await waitFor(
        'the picked incident to open',
        async () => !/2026-06-02-payment-pool\.md.*incidents/.test((await page.locator('.tab.active').first().getAttribute('aria-label')) ?? ''),
        10_000,
      );
      const opened = (await page.locator('.tab.active').first().getAttribute('aria-label')) ?? '';
      return `hover: ${text.slice(0, 110)}… | lens "${lensText}" -> pick "${first.slice(0, 60)}…" opened ${opened.split(',')[0]}`;
    });

    await step(page, 4, 'analyze', async () => {
      await openFile(page, INCIDENT);
      await gotoLine(page, lineOf(incidentFile, /^## Raw incident context/), 4);
      const label = await applyCodeAction(page, /^Analyze incident/i, undefined, path.join(resultsDir, '04-analyze-menu.png'));
      const saved = await waitFor(
        'the analysis block in the saved file',
        async () => {
          const text = await saveAndRead(page, incidentFile);
          return text.includes('<!-- lsptriage:begin analysis') ? text : null;
        },
        60_000,
        1500,
      );
      if (!saved.includes('payment-svc p99 latency jumped')) throw new Error('the raw incident context was lost');
      await gotoLine(page, lineOf(incidentFile, /lsptriage:begin analysis/), 1);
      await page.mouse.move(1, 1);
      await page.screenshot({ path: path.join(resultsDir, '04-analyze-block.png') });
      // Again through the palette command: the unedited block is replaced, never duplicated.
      await runCommand(page, 'LspTriage: Analyze incident');
      await page.locator('.tab.active.dirty').first().waitFor({ timeout: 15_000 }).catch(() => undefined);
      const again = await saveAndRead(page, incidentFile);
      const blocks = again.split('<!-- lsptriage:begin analysis').length - 1;
      if (blocks !== 1) throw new Error(`after re-running through the command the file has ${blocks} analysis blocks`);
      return `"${label}" -> ${saved.length} chars on disk, analysis block present; re-run via command kept one block`;
    });

    await step(page, 5, 'quick-fix', async () => {
      await openFile(page, POSTMORTEM);
      const isTarget = (r) => /postmortem|2026-06-02-payment-pool/i.test(r) && /lsptriage/.test(r) && /detection/i.test(r);
      const row = await waitFor(
        'a "missing Detection section" problem on the postmortem',
        async () => (await problemsText(page)).find(isTarget),
        30_000,
      );
      // Clicking the problem puts the cursor on it; then the Quick Fix menu.
      await page.locator('.markers-panel .monaco-list-row').filter({ hasText: /detection/i }).first().click();
      await sleep(300);
      const label = await applyCodeAction(page, /detection|insert|add/i, ['Quick Fix...'], path.join(resultsDir, '05-quick-fix-menu.png'));
      await waitFor('the fixed problem to disappear', async () => !(await problemsText(page)).some(isTarget), 15_000);
      const saved = await saveAndRead(page, postmortemFile);
      if (!/^##\s+Detection/im.test(saved)) throw new Error('saved postmortem has no Detection section');
      return `"${label}" applied; problem gone; saved file has ## Detection`;
    });

    await step(page, 6, 'commands', async () => {
      // New incident: two input boxes (title, service), then the file is created and opened.
      await runCommand(page, 'LspTriage: New incident');
      for (const value of ['Disk full on db-3 after log rotation change', 'db']) {
        const input = quickInput(page);
        await input.waitFor({ state: 'visible', timeout: 10_000 });
        await input.fill(value);
        await page.keyboard.press('Enter');
        await sleep(400);
      }
      const incidentsDir = path.join(ws, 'incidents');
      const created = await waitFor(
        'the new incident file on disk',
        () => fs.readdirSync(incidentsDir).find((f) => f.endsWith('-disk-full-on-db-3-after-log-rotation-change.md')),
        10_000,
      );
      const incidentText = fs.readFileSync(path.join(incidentsDir, created), 'utf8');
      if (!/^# Disk full on db-3/m.test(incidentText) || !/^## Raw incident context/m.test(incidentText)) {
        throw new Error(`new incident lacks title or raw context heading:\n${incidentText}`);
      }
      // New postmortem from the incident now in the editor.
      await runCommand(page, 'LspTriage: New postmortem from incident');
      const pmFile = path.join(ws, 'postmortems', created);
      const pm = await waitFor('the new postmortem file on disk', () => fs.existsSync(pmFile) && fs.readFileSync(pmFile, 'utf8'), 10_000);
      for (const h of ['Summary', 'Impact', 'Timeline', 'Root cause', 'Detection', 'Response', 'Action items']) {
        if (!new RegExp(`^## ${h}$`, 'm').test(pm)) throw new Error(`new postmortem lacks ## ${h}`);
      }
      await waitFor(
        'lsptriage problems on the new postmortem',
        async () => (await problemsText(page)).some((r) => /FILL IN/.test(r) && /lsptriage/.test(r) && /Ln \d+/.test(r)),
        20_000,
      );
      // Set LLM API key: kept in secret storage, never in settings.json; the server restarts.
      await runCommand(page, 'LspTriage: Set LLM API key');
      const keyInput = quickInput(page);
      await keyInput.waitFor({ state: 'visible', timeout: 10_000 });
      await waitFor('the API key input to be a password box', async () => (await keyInput.getAttribute('type')) === 'password', 3_000, 200);
      await keyInput.fill('sk-e2e-not-a-real-key');
      await page.keyboard.press('Enter');
      await runCommand(page, 'LspTriage: Show server log');
      await waitFor(
        'the server restart for the new key in the LspTriage output',
        async () => {
          const lines = (await page.locator('.panel .monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
          return /restarting server: LLM API key changed[\s\S]*server running/.test(lines);
        },
        20_000,
      );
      // The restarted server process got the key in its environment (Linux: read /proc/<pid>/environ).
      const withKey = await waitFor(
        'a server process with LSPTRIAGE_LLM_API_KEY in its environment',
        () =>
          fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).find((pid) => {
            try {
              return fs.readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes('LSPTRIAGE_LLM_API_KEY=sk-e2e-not-a-real-key');
            } catch {
              return false;
            }
          }),
        10_000,
      );
      const serverCmd = fs.readFileSync(`/proc/${withKey}/cmdline`, 'latin1').split('\0').join(' ').trim();
      const settingsText = fs.readFileSync(path.join(runDir, 'user-data/User/settings.json'), 'utf8');
      if (settingsText.includes('sk-e2e-not-a-real-key')) throw new Error('the API key leaked into settings.json');
      const status = (await page.locator('.statusbar-item[id$="lspTriage.status"]').getAttribute('aria-label').catch(() => null)) ?? '';
      if (!/running/.test(status)) throw new Error(`status bar item says "${status}"`);
      return `created ${created} and its postmortem; key stored in secret storage, server restarted with it in its environment (${path.basename(serverCmd.split(' ')[0])}); status "${status}"`;
    });

    await step(page, 7, 'llm-key-to-endpoint', async () => {
      // The key set through the command reaches an OpenAI-compatible endpoint (a local fake that records the
      // request and refuses it) once the workspace switches the provider to openai.
      if (!ran.has(6)) {
        await runCommand(page, 'LspTriage: Set LLM API key');
        await quickInput(page).waitFor({ state: 'visible', timeout: 10_000 });
        await quickInput(page).fill('sk-e2e-not-a-real-key');
        await page.keyboard.press('Enter');
        await sleep(2000);
      }
      const requests = [];
      const http = await import('node:http');
      const fake = http.createServer((req, res) => {
        let body = '';
        req.on('data', (d) => (body += d));
        req.on('end', () => {
          requests.push({ url: req.url, auth: req.headers.authorization ?? '', body });
          res.writeHead(400, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { message: 'refused by the e2e fake endpoint', type: 'invalid_request_error' } }));
        });
      });
      await new Promise((r) => fake.listen(0, '127.0.0.1', r));
      const settingsFile = path.join(ws, '.vscode/settings.json');
      try {
        fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
        fs.writeFileSync(
          settingsFile,
          JSON.stringify({
            'lspTriage.analysis.provider': 'openai',
            'lspTriage.analysis.baseUrl': `http://127.0.0.1:${fake.address().port}/v1`,
            'lspTriage.analysis.model': 'e2e-model',
          }),
        );
        const statusItem = page.locator('.statusbar-item[id$="lspTriage.status"]');
        await waitFor('the status bar to show openai: e2e-model', async () => /openai: e2e-model/.test((await statusItem.getAttribute('aria-label')) ?? ''), 15_000);
        await openFile(page, INCIDENT);
        await runCommand(page, 'LspTriage: Analyze incident');
        const req = await waitFor('a chat-completions request at the fake endpoint', () => requests[0], 30_000);
        if (req.auth !== 'Bearer sk-e2e-not-a-real-key') throw new Error(`endpoint got Authorization "${req.auth}"`);
        if (!/chat\/completions/.test(req.url)) throw new Error(`endpoint got ${req.url}`);
        if (!/e2e-model/.test(req.body)) throw new Error('request does not name the configured model');
        await sleep(1500);
        await page.mouse.move(1, 1);
        await page.screenshot({ path: path.join(resultsDir, '07-llm-error.png') });
        return `${requests.length} request(s) to ${req.url} with the stored key as Bearer token, model e2e-model`;
      } finally {
        fs.rmSync(settingsFile, { force: true });
        fake.close();
        await runCommand(page, 'Notifications: Clear All Notifications').catch(() => undefined);
      }
    });

    await step(page, 8, 'crash-restart', async () => {
      // The server is killed; the client restarts it (within its limit) and diagnostics come back.
      const before = serverPids(runDir);
      if (before.length !== 1) throw new Error(`expected one server process, found ${before.length}`);
      process.kill(Number(before[0]), 'SIGKILL');
      const after = await waitFor(
        'a new server process',
        () => {
          const now = serverPids(runDir);
          return now.length === 1 && now[0] !== before[0] ? now : null;
        },
        20_000,
      );
      await openFile(page, INCIDENT);
      await waitFor(
        'lsptriage problems again',
        async () => (await problemsText(page)).some((r) => /FILL IN/.test(r) && /lsptriage/.test(r)),
        30_000,
      );
      return `killed pid ${before[0]}, restarted as pid ${after[0]}`;
    });
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

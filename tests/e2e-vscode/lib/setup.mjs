// Setup: the tools, the .vsix, a run folder with a fresh profile and a copy of the fixture workspace, code-server with
// the extension installed, and headless Chromium on the workbench. Any failure here fails every wanted step.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { here, log, repo, resultsDir, sleep, timings, tools } from './util.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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

let codeServer;
let context;
let runDir;

export async function cleanup() {
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

export async function setup() {
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
        // Completion rows then come only from completion providers (step 10), not from words in the document.
        'editor.wordBasedSuggestions': 'off',
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
  if (process.env.LSPTRIAGE_E2E_SERVER) useServer(extensions, path.resolve(process.env.LSPTRIAGE_E2E_SERVER));

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
  // "Copy as issue" (step 12) reads back what the extension put on the clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://127.0.0.1:${port}` });
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
  return { page, ws, runDir };
}

/**
 * LSPTRIAGE_E2E_SERVER=PATH: the installed extension starts that server (e.g. a worktree's Debug build) instead of the one
 * bundled in the .vsix, so a server change is tested without packaging. The bundled executable becomes a script that
 * runs PATH with the same arguments (the extension always prefers its bundled server).
 */
function useServer(extensions, server) {
  if (!fs.existsSync(server)) throw new Error(`LSPTRIAGE_E2E_SERVER ${server} does not exist`);
  const bundled = fs.readdirSync(extensions, { recursive: true }).map((f) => path.join(extensions, f))
    .filter((f) => path.basename(f) === 'lsptriage' && path.basename(path.dirname(path.dirname(f))) === 'server');
  if (bundled.length === 0) throw new Error(`no bundled server under ${extensions} to replace with ${server}`);
  for (const exe of bundled) {
    fs.rmSync(exe);
    fs.writeFileSync(exe, `#!/bin/sh\nexec '${server.replaceAll("'", "'\\''")}' "$@"\n`, { mode: 0o755 });
  }
  log(`server: ${server} (instead of the bundled one)`);
}

/** Pids of language-server processes (`... lsptriage ... serve`) started for this run (Linux: /proc). */
export function serverPids(runDir) {
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

#!/usr/bin/env node
'use strict';
// Runs test.lua in headless Neovim against the built server and compares what Neovim's LSP client received with
// expected.txt. Prints one "ok"/"not ok" line per check and "neovim: N passed, N failed"; exits 1 on any failure.
// Without nvim it skips, except under CI=true, where a missing client is a failure.
//
// Env: LSPTRIAGE_SERVER (default: the Debug build), NVIM (default: nvim on PATH), CI.

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const server = path.resolve(process.env.LSPTRIAGE_SERVER || path.join(repoRoot, 'server', 'LspTriage', 'bin', 'Debug', 'net10.0', 'lsptriage'));
const nvim = process.env.NVIM || 'nvim';
const ci = process.env.CI === 'true';

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok' : 'not ok'} - neovim: ${name}`);
  if (!ok && detail) console.log(detail.replace(/^/gm, '    '));
}
function finish() {
  console.log(`neovim: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

const version = spawnSync(nvim, ['--version'], { encoding: 'utf8' });
if (version.error || version.status !== 0) {
  if (ci) {
    check('nvim is installed (CI=true requires it: apt-get install neovim)', false, String(version.error || version.stderr));
  } else {
    console.log(`# SKIP neovim: ${nvim} not found (install Debian's neovim; under CI=true this is a failure)`);
  }
  finish();
}
console.log(`# ${version.stdout.split('\n')[0]}`);
if (!fs.existsSync(server)) {
  check(`server exists at ${server}`, false, 'build it: dotnet build server/LspTriage, or set LSPTRIAGE_SERVER');
  finish();
}

// A throwaway workspace: the files sit under postmortems/ so the default globs claim them, and Neovim's state
// (lsp.log, swap, shada) stays out of the user's home.
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'lsptriage-nvim-'));
const ws = path.join(temp, 'ws');
const state = path.join(temp, 'state');
fs.mkdirSync(path.join(ws, 'postmortems'), { recursive: true });
fs.mkdirSync(state);
const fixtures = path.join(repoRoot, 'tests', 'fixtures');
const problems = fs.readFileSync(path.join(fixtures, 'postmortem-problems.md'), 'utf8');
// The same emoji/CJK line as the vscode-jsonrpc tests: the server says UTF-16 column 20, Neovim must show byte 30.
const withEmoji = problems.replace('## Summary\n[FILL IN]\n', '## Summary\n[FILL IN]\n支付 😀 checkout 🚀 — [FILL IN]\n');
if (withEmoji === problems) {
  check('fixture postmortem-problems.md has the expected shape', false);
  finish();
}
fs.writeFileSync(path.join(ws, 'postmortems', 'search-indexer.md'), withEmoji);
fs.copyFileSync(path.join(fixtures, 'incident-zh.md'), path.join(ws, 'postmortems', 'zh.md'));

// The repository's samples, when they exist: what Neovim shows for each must be what `lsptriage check` reports for
// the same file (its JSON gives 1-based UTF-16 columns; Neovim stores 0-based byte columns).
const samplesDir = path.resolve(process.env.LSPTRIAGE_SAMPLES || path.join(repoRoot, 'samples', 'incidents'));
const samples = fs.existsSync(samplesDir) ? fs.readdirSync(samplesDir).filter((f) => f.endsWith('.md')).sort() : [];
const sampleExpected = [];
if (samples.length > 0) {
  fs.mkdirSync(path.join(ws, 'incidents'));
  for (const name of samples) fs.copyFileSync(path.join(samplesDir, name), path.join(ws, 'incidents', name));
  const cli = spawnSync(server, ['check', '--format', 'json', path.join(ws, 'incidents')], { encoding: 'utf8' });
  let report = null;
  try {
    report = JSON.parse(cli.stdout);
  } catch {
    check('lsptriage check --format json on the samples', false, `${cli.stdout}\n${cli.stderr}`);
  }
  const severity = { error: 1, warning: 2, info: 3, hint: 4 };
  for (const name of samples) {
    const file = path.join(ws, 'incidents', name);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const byteCol = (line, col) => Buffer.byteLength((lines[line - 1] ?? '').slice(0, col - 1), 'utf8');
    const findings = (report?.findings ?? []).filter((f) => path.resolve(f.file) === file);
    sampleExpected.push(`COUNT\tincidents/${name}\t${findings.length}`);
    for (const f of findings) {
      sampleExpected.push(['DIAG', `incidents/${name}`, `${f.line - 1}:${byteCol(f.line, f.column)}-${f.endLine - 1}:${byteCol(f.endLine, f.endColumn)}`,
        String(severity[f.severity]), f.code, 'lsptriage', f.message].join('\t'));
    }
  }
}

const env = {
  ...process.env,
  LSPTRIAGE_SERVER: server,
  LSPTRIAGE_ROOT: ws,
  HOME: state,
  XDG_CONFIG_HOME: path.join(state, 'config'),
  XDG_DATA_HOME: path.join(state, 'data'),
  XDG_STATE_HOME: path.join(state, 'state'),
  XDG_CACHE_HOME: path.join(state, 'cache'),
};
const started = Date.now();
const run = spawnSync(nvim, ['--headless', '--clean', '-u', 'NONE', '-n', '-c', `luafile ${path.join(__dirname, 'test.lua')}`,
  'postmortems/search-indexer.md', 'postmortems/zh.md', ...samples.map((n) => `incidents/${n}`)], { cwd: ws, env, encoding: 'utf8', timeout: 90000 });
const elapsed = Date.now() - started;
const output = (run.stdout || '').split('\n').filter((l) => l.length > 0);
const fileAfter = fs.readFileSync(path.join(ws, 'postmortems', 'search-indexer.md'), 'utf8');
const lspLog = path.join(state, 'cache', 'nvim', 'lsp.log');
const log = fs.existsSync(lspLog) ? fs.readFileSync(lspLog, 'utf8') : '';
fs.rmSync(temp, { recursive: true, force: true });

console.log(`# nvim ran ${elapsed} ms, exit ${run.status}${run.error ? `, ${run.error.message}` : ''}`);

check('nvim exits 0 and the script reaches its end', run.status === 0 && output.at(-1) === 'DONE',
  [...output.filter((l) => l.startsWith('FAIL')), (run.stderr || '').trim(), log.trim().split('\n').slice(-20).join('\n')].filter(Boolean).join('\n'));

// Compare group by group (the diagnostics of one buffer, the outline, the actions, ...), so a failure says which.
const expected = fs.readFileSync(path.join(__dirname, 'expected.txt'), 'utf8').split('\n').filter((l) => l.length > 0).concat(sampleExpected);
console.log(`# ${samples.length} samples from ${samplesDir}${samples.length ? ', checked against lsptriage check' : ' (none yet)'}`);
const groupOf = (line) => {
  const [kind, label] = line.split('\t');
  return kind === 'DIAG' || kind === 'COUNT' ? `diagnostics of ${label}` : { SYMBOL: 'outline', ACTION: 'code actions', ACTIONS_AT_LINE_START: 'code actions with the cursor at the line start', LINE: 'quick fix applied', TYPED: 'diagnostics after typing an emoji', MODIFIED: 'quick fix applied', EXIT: 'server exit code after shutdown', DONE: 'end' }[kind] || kind;
};
const groups = new Map();
for (const [source, lines] of [['want', expected], ['got', output.filter((l) => !l.startsWith('FAIL'))]]) {
  for (const line of lines) {
    const g = groupOf(line);
    if (!groups.has(g)) groups.set(g, { want: [], got: [] });
    groups.get(g)[source].push(line);
  }
}
for (const [name, { want, got }] of groups) {
  if (name === 'end') continue;
  // Samples: the same findings, in whatever order (Lua and JavaScript sort non-ASCII strings differently).
  if (name.startsWith('diagnostics of incidents/')) {
    want.sort();
    got.sort();
  }
  const same = want.length === got.length && want.every((l, i) => l === got[i]);
  const diff = [...want.filter((l) => !got.includes(l)).map((l) => `- ${l}`), ...got.filter((l) => !want.includes(l)).map((l) => `+ ${l}`)].join('\n');
  check(name, same, diff || `order differs:\n${got.join('\n')}`);
}
check('the edit reached the file only in the buffer (not saved)', !fileAfter.includes('consumer — [FILL IN]'));
finish();

#!/usr/bin/env node
'use strict';
// Side-by-side benchmark, one run, one client, one document: lsptriage and Microsoft's markdown language server
// (npm vscode-markdown-languageserver, the server behind VS Code's Markdown support) on a generated 20,000-line
// postmortem. Prints a table with median/p95 per measurement and the ratio peer ÷ ours (> 1: ours is faster).
//
//   node bench.js [--runs 30] [--startups 5] [--lines 20000] [--server PATH]
//
// Env LSPTRIAGE_SERVER (default: the Release build server/LspTriage/bin/Release/net10.0/lsptriage).
//
// The peer does not parse markdown itself: it asks its client (`markdown/parse`), and VS Code's extension host
// answers with markdown-it tokens. This client does the same, in this process, so the peer's figures include that
// parsing and the JSON of the tokens, as they do in VS Code. Peak RSS is the server process's alone.

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { pathToFileURL, fileURLToPath } = require('node:url');
const rpc = require('vscode-jsonrpc/node');
const MarkdownIt = require('markdown-it');
const { generatePostmortem, sha256 } = require('./generate');

const args = parseArgs(process.argv.slice(2));
const runs = Number(args.runs ?? 30);
const startups = Number(args.startups ?? 5);
const lines = Number(args.lines ?? 20000);
const repoRoot = path.resolve(__dirname, '..', '..');
const ourServer = path.resolve(args.server ?? process.env.LSPTRIAGE_SERVER ?? path.join(repoRoot, 'server', 'LspTriage', 'bin', 'Release', 'net10.0', 'lsptriage'));
const peerMain = require.resolve('vscode-markdown-languageserver/dist/node/workerMain.js');

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) throw new Error(`unexpected argument ${argv[i]}`);
    out[argv[i].slice(2)] = argv[i + 1];
    i++;
  }
  return out;
}

// --- the two servers -----------------------------------------------------------------------------------------------

const markdownSettings = {
  markdown: {
    server: { log: 'off' },
    validate: {
      enabled: true,
      referenceLinks: { enabled: 'warning' },
      fragmentLinks: { enabled: 'warning' },
      fileLinks: { enabled: 'warning', markdownFragmentLinks: 'inherit' },
      ignoredLinks: [],
      unusedLinkDefinitions: { enabled: 'hint' },
      duplicateLinkDefinitions: { enabled: 'warning' },
    },
    suggest: { paths: { enabled: true, includeWorkspaceHeaderCompletions: 'onDoubleHash' } },
    occurrencesHighlight: { enabled: true },
    preferredMdPathExtensionStyle: 'auto',
  },
};

const servers = [
  { name: 'lsptriage', command: ourServer, args: ['serve'], initializationOptions: {}, settings: {} },
  { name: 'markdown-ls', command: process.execPath, args: [peerMain, '--stdio'], initializationOptions: { markdownFileExtensions: ['md'] } },
  // Ours with the outline limited to headings (setting lspTriage.outline.entries = false), the peer's outline shape.
  { name: 'lsptriage headings', command: ourServer, args: ['serve'], initializationOptions: {}, settings: { outline: { entries: false } } },
];

const capabilities = {
  workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true, symbolKind: { valueSet: Array.from({ length: 26 }, (_, i) => i + 1) } },
    foldingRange: { lineFoldingOnly: true },
    // Both servers then answer textDocument/diagnostic, so diagnostics are measured the same way.
    diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
    publishDiagnostics: { versionSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
  },
  window: { workDoneProgress: true },
  general: { positionEncodings: ['utf-16'] },
};

class Client {
  constructor(server, workspace) {
    this.server = server;
    this.workspace = workspace;
    this.child = spawn(server.command, server.args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.on('data', () => {});
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.connection = rpc.createMessageConnection(new rpc.StreamMessageReader(this.child.stdout), new rpc.StreamMessageWriter(this.child.stdin),
      { error: () => {}, warn: () => {}, info: () => {}, log: () => {} });
    this.texts = new Map(); // what the "editor" has open, for markdown/parse
    this.md = new MarkdownIt({ html: true, linkify: true });
    this.parseMs = 0; // time this client spent parsing for the peer
    const c = this.connection;
    c.onRequest('workspace/configuration', (p) => p.items.map((i) => (i.section === 'lspTriage' ? server.settings ?? {} : i.section ? markdownSettings[i.section] ?? null : markdownSettings)));
    c.onRequest('workspace/workspaceFolders', () => [{ uri: workspace.rootUri, name: 'ws' }]);
    c.onRequest('client/registerCapability', () => null);
    c.onRequest('client/unregisterCapability', () => null);
    c.onRequest('window/workDoneProgress/create', () => null);
    c.onRequest('workspace/diagnostic/refresh', () => null);
    c.onRequest('markdown/parse', (p) => {
      const started = performance.now();
      const text = typeof p.text === 'string' ? p.text : this.texts.get(p.uri) ?? fs.readFileSync(fileURLToPath(p.uri), 'utf8');
      const tokens = this.md.parse(text, {});
      this.parseMs += performance.now() - started;
      return tokens;
    });
    c.onRequest('markdown/fs/readFile', (p) => Array.from(fs.readFileSync(fileURLToPath(p.uri))));
    c.onRequest('markdown/fs/stat', (p) => {
      try {
        return { isDirectory: fs.statSync(fileURLToPath(p.uri)).isDirectory() };
      } catch {
        return undefined;
      }
    });
    c.onRequest('markdown/fs/readDirectory', (p) => fs.readdirSync(fileURLToPath(p.uri), { withFileTypes: true }).map((d) => [d.name, { isDirectory: d.isDirectory() }]));
    c.onRequest('markdown/findMarkdownFilesInWorkspace', () => workspace.markdownUris);
    c.onRequest('markdown/fs/watcher/create', () => null);
    c.onRequest('markdown/fs/watcher/delete', () => null);
    c.onRequest((method) => new rpc.ResponseError(rpc.ErrorCodes.MethodNotFound, `bench client does not handle ${method}`));
    c.onNotification(() => {});
    c.onUnhandledProgress(() => {});
    c.onError(() => {});
    c.listen();
  }

  async initialize() {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid, rootUri: this.workspace.rootUri, capabilities,
      workspaceFolders: [{ uri: this.workspace.rootUri, name: 'ws' }], initializationOptions: this.server.initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    if (this.server.name === 'markdown-ls') {
      await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: markdownSettings });
    }
    return result;
  }

  open(uri, text) {
    this.texts.set(uri, text);
    this.versions = { ...(this.versions ?? {}), [uri]: 1 };
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  /** Replaces one character in a prose line: a real edit, so every cache keyed by version is invalidated. */
  edit(uri, line, n) {
    const version = ++this.versions[uri];
    const lineTexts = this.texts.get(uri).split('\n');
    const replacement = String.fromCharCode(97 + (n % 26));
    lineTexts[line] = replacement + lineTexts[line].slice(1);
    this.texts.set(uri, lineTexts.join('\n'));
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: replacement }],
    });
  }

  async time(method, params) {
    const started = performance.now();
    const result = await this.connection.sendRequest(method, params);
    return { ms: performance.now() - started, result };
  }

  /** Peak resident set of the server process (VmHWM), in MiB. */
  peakRssMiB() {
    const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]);
    return kb / 1024;
  }

  async close() {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), delay(3000)]);
      await this.connection.sendNotification('exit');
    } catch {
      // measured already; a server that will not stop is killed below
    }
    const code = await Promise.race([this.exited, delay(3000).then(() => 'timeout')]);
    if (code === 'timeout') this.child.kill('SIGKILL');
    this.connection.dispose();
  }
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95), n: values.length };
}

function countSymbols(symbols) {
  return (symbols ?? []).reduce((n, s) => n + 1 + countSymbols(s.children), 0);
}

// --- the measurements ----------------------------------------------------------------------------------------------

async function measure(server, workspace, text) {
  const uri = workspace.uri;
  const result = { name: server.name };

  const startupTimes = [];
  for (let i = 0; i < startups; i++) {
    const started = performance.now();
    const client = new Client(server, workspace);
    await client.initialize();
    startupTimes.push(performance.now() - started);
    await client.close();
  }
  result.initialize = stats(startupTimes);

  const client = new Client(server, workspace);
  await client.initialize();
  await delay(300); // let start-up work (workspace scans, configuration) settle before timing requests
  const docParams = { textDocument: { uri } };

  // First answers after didOpen: each includes parsing the new document.
  await client.open(uri, text);
  let first = await client.time('textDocument/documentSymbol', docParams);
  result.firstSymbol = first.ms;
  result.symbolCount = countSymbols(first.result);
  result.symbolJsonKiB = Buffer.byteLength(JSON.stringify(first.result)) / 1024;
  await client.edit(uri, 10, 0);
  first = await client.time('textDocument/diagnostic', docParams);
  result.firstDiagnostics = first.ms;
  result.diagnosticCount = first.result.items?.length;
  result.diagnosticCodes = [...new Set((first.result.items ?? []).map((d) => d.code))].join(',');

  const same = { symbols: [], folding: [], diagnostics: [] };
  const edited = { symbols: [], diagnostics: [] };
  for (let i = 0; i < runs; i++) {
    same.symbols.push((await client.time('textDocument/documentSymbol', docParams)).ms);
    const folding = await client.time('textDocument/foldingRange', docParams);
    same.folding.push(folding.ms);
    result.foldingCount = folding.result.length;
    same.diagnostics.push((await client.time('textDocument/diagnostic', docParams)).ms);
  }
  client.parseMs = 0;
  for (let i = 0; i < runs; i++) {
    // A prose line in Investigation notes, so neither outline changes shape.
    await client.edit(uri, lines - 2, i);
    edited.symbols.push((await client.time('textDocument/documentSymbol', docParams)).ms);
    await client.edit(uri, lines - 2, i + 1);
    edited.diagnostics.push((await client.time('textDocument/diagnostic', docParams)).ms);
  }
  result.clientParseMsPerEdit = client.parseMs / runs;
  result.symbols = stats(same.symbols);
  result.folding = stats(same.folding);
  result.diagnostics = stats(same.diagnostics);
  result.symbolsAfterEdit = stats(edited.symbols);
  result.diagnosticsAfterEdit = stats(edited.diagnostics);
  result.peakRssMiB = client.peakRssMiB();
  await client.close();
  return result;
}

async function main() {
  if (!fs.existsSync(ourServer)) {
    throw new Error(`lsptriage not found at ${ourServer}: dotnet build -c Release server/LspTriage, or pass --server / LSPTRIAGE_SERVER`);
  }
  const text = generatePostmortem(lines);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lsptriage-peer-bench-'));
  fs.mkdirSync(path.join(root, 'postmortems'));
  const file = path.join(root, 'postmortems', 'generated.md');
  fs.writeFileSync(file, text);
  const workspace = { rootUri: pathToFileURL(root).href, uri: pathToFileURL(file).href, markdownUris: [pathToFileURL(file).href] };
  console.log(`document: ${lines} lines, ${(Buffer.byteLength(text) / 1048576).toFixed(2)} MiB, sha256 ${sha256(text)}`);
  console.log(`ours: ${ourServer}`);
  console.log(`peer: vscode-markdown-languageserver ${require('vscode-markdown-languageserver/package.json').version} on node ${process.version}, markdown-it ${require('markdown-it/package.json').version}`);
  console.log(`runs: ${runs} per measurement, ${startups} start-ups; ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);

  const results = [];
  try {
    for (const server of servers) results.push(await measure(server, workspace, text));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  report(results);
}

function report([ours, peer, headings]) {
  const fmt = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  const ratio = (p, o) => `${(p / o).toFixed(2)}×`;
  const rows = [
    ['initialize (spawn → result), median', ours.initialize.median, peer.initialize.median, 'ms', headings.initialize.median],
    ['documentSymbol, first after didOpen', ours.firstSymbol, peer.firstSymbol, 'ms', headings.firstSymbol],
    ['documentSymbol, same version, median', ours.symbols.median, peer.symbols.median, 'ms', headings.symbols.median],
    ['documentSymbol, same version, p95', ours.symbols.p95, peer.symbols.p95, 'ms', headings.symbols.p95],
    ['documentSymbol after an edit, median', ours.symbolsAfterEdit.median, peer.symbolsAfterEdit.median, 'ms', headings.symbolsAfterEdit.median],
    ['documentSymbol after an edit, p95', ours.symbolsAfterEdit.p95, peer.symbolsAfterEdit.p95, 'ms', headings.symbolsAfterEdit.p95],
    ['foldingRange, median', ours.folding.median, peer.folding.median, 'ms', headings.folding.median],
    ['foldingRange, p95', ours.folding.p95, peer.folding.p95, 'ms', headings.folding.p95],
    ['diagnostics (pull), same version, median', ours.diagnostics.median, peer.diagnostics.median, 'ms', headings.diagnostics.median],
    ['diagnostics (pull), same version, p95', ours.diagnostics.p95, peer.diagnostics.p95, 'ms', headings.diagnostics.p95],
    ['diagnostics (pull) after an edit, median', ours.diagnosticsAfterEdit.median, peer.diagnosticsAfterEdit.median, 'ms', headings.diagnosticsAfterEdit.median],
    ['diagnostics (pull) after an edit, p95', ours.diagnosticsAfterEdit.p95, peer.diagnosticsAfterEdit.p95, 'ms', headings.diagnosticsAfterEdit.p95],
    ['peak RSS of the server process', ours.peakRssMiB, peer.peakRssMiB, 'MiB', headings.peakRssMiB],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log('');
  console.log(`${'measurement'.padEnd(w)}  ${'lsptriage'.padStart(10)}  ${'markdown-ls'.padStart(11)}  ${'peer ÷ ours'.padStart(11)}  ${'ours, headings only'.padStart(19)}  ${'peer ÷ it'.padStart(9)}`);
  for (const [label, o, p, unit, h] of rows) {
    console.log(`${label.padEnd(w)}  ${`${fmt(o)} ${unit}`.padStart(10)}  ${`${fmt(p)} ${unit}`.padStart(11)}  ${ratio(p, o).padStart(11)}  ${`${fmt(h)} ${unit}`.padStart(19)}  ${ratio(p, h).padStart(9)}`);
  }
  console.log('');
  console.log(`what each returned: symbols ${ours.symbolCount} (${fmt(ours.symbolJsonKiB)} KiB of JSON) vs ${peer.symbolCount} (${fmt(peer.symbolJsonKiB)} KiB) ` +
    `vs ${headings.symbolCount} (${fmt(headings.symbolJsonKiB)} KiB) for ours limited to headings; ` +
    `folding ranges ${ours.foldingCount} vs ${peer.foldingCount}, diagnostics ${ours.diagnosticCount} (${ours.diagnosticCodes}) vs ${peer.diagnosticCount} (${peer.diagnosticCodes})`);
  console.log(`the peer's markdown-it parsing in this client: ${fmt(peer.clientParseMsPerEdit)} ms per edit (part of its after-edit figures)`);
}

main().catch((err) => {
  console.error(err.stack || String(err));
  process.exit(1);
});

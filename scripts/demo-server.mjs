// A short, dependency-free tour of the language server: start it, open an incident, print what an editor would show.
// Usage: node scripts/demo-server.mjs SERVER_PATH FILE
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

const [server, file] = process.argv.slice(2);
const path = resolve(file);
const uri = pathToFileURL(path).href;
// As the repository's .vscode/settings.json does for a fresh VS Code window: search the sample history.
const demoSettings = { similarity: { historyFolders: [resolve(dirname(new URL(import.meta.url).pathname), '..', 'samples', 'history')] } };
const child = spawn(server, ['serve'], { stdio: ['pipe', 'pipe', 'inherit'] });
let buffer = Buffer.alloc(0);
let nextId = 1;
const pending = new Map();
const waiters = [];

child.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())[1]);
    if (buffer.length < headerEnd + 4 + length) return;
    const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
    buffer = buffer.subarray(headerEnd + 4 + length);
    onMessage(message);
  }
});

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  child.stdin.write(body);
}

function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((resolveResult) => pending.set(id, resolveResult));
}

function onMessage(message) {
  if (message.method && message.id !== undefined) {
    send({ id: message.id, result: message.method === 'workspace/configuration' ? [demoSettings] : null });
  } else if (message.method) {
    for (const w of waiters.filter((x) => x.method === message.method)) w.resolve(message.params);
  } else if (pending.has(message.id)) {
    pending.get(message.id)(message.result ?? message.error);
    pending.delete(message.id);
  }
}

const next = (method) => new Promise((resolveNote) => waiters.push({ method, resolve: resolveNote }));
const line = (range) => `${range.start.line + 1}:${range.start.character + 1}`;

const started = performance.now();
const init = await request('initialize', {
  processId: process.pid,
  rootUri: pathToFileURL(dirname(path)).href,
  capabilities: { window: { workDoneProgress: false }, workspace: { configuration: true } },
});
console.log(`server ${init.serverInfo.name} ${init.serverInfo.version}: initialized in ${(performance.now() - started).toFixed(0)} ms`);
send({ method: 'initialized', params: {} });
const diagnostics = next('textDocument/publishDiagnostics');
send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(path, 'utf8') } } });
const published = await diagnostics;
console.log(`\n${published.diagnostics.length} diagnostics for ${file}:`);
for (const d of published.diagnostics.slice(0, 8)) console.log(`  ${line(d.range)}  ${d.code}  ${d.message}`);

const symbols = await request('textDocument/documentSymbol', { textDocument: { uri } });
console.log('\nOutline:');
const walk = (list, depth) => list.forEach((s) => { if (depth < 3) { console.log(`  ${'  '.repeat(depth)}${s.name}`); walk(s.children ?? [], depth + 1); } });
walk(symbols, 0);

if (init.capabilities.hoverProvider && symbols[0]) {
  const hover = await request('textDocument/hover', { textDocument: { uri }, position: symbols[0].selectionRange.start });
  if (hover?.contents) console.log(`\nHover on the title:\n${hover.contents.value.split('\n').map((l) => '  ' + l).join('\n')}`);
}
const lastLine = symbols[0]?.range.end.line ?? 0;
const actions = await request('textDocument/codeAction', {
  textDocument: { uri },
  range: { start: { line: 0, character: 0 }, end: { line: lastLine, character: 0 } },
  context: { diagnostics: [] },
});
console.log(`\nCode actions: ${[...new Set(actions.map((a) => a.title))].slice(0, 8).join(' | ')}`);
await request('shutdown', null);
send({ method: 'exit' });
child.on('exit', (code) => process.exit(code ?? 0));

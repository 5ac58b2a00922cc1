// Many `lsptriage serve` processes sharing one PostgreSQL history, as a team would (issue 13, "Multi-client"):
// each process has its own clone of samples/incidents (same files, different absolute path), all start at once, wait
// for their similarity index, then open and save every incident at once. Passes when the shared `incidents` table holds
// each incident exactly once and no server told its user about a PostgreSQL problem. Run on demand, not in npm test:
//   source /tmp/main-pg.sh   # or any LSPTRIAGE_TEST_PG (Npgsql form) whose user may CREATE DATABASE
//   (cd tests/clients/vscode-jsonrpc && npm ci)
//   node scripts/shared-history.js [--servers 50] [--server out/.../lsptriage]
// The in-process version with 16 servers is SharedHistoryTests (LSPTRIAGE_SHARED_SERVERS).
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const repo = path.resolve(__dirname, '..');
const rpc = require(path.join(repo, 'tests/clients/vscode-jsonrpc/node_modules/vscode-jsonrpc/node'));
const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const count = Number(args.servers ?? 50);
const server = path.resolve(args.server ?? process.env.LSPTRIAGE_SERVER ?? path.join(repo, 'server/LspTriage/bin/Debug/net10.0/lsptriage'));
const admin = process.env.LSPTRIAGE_TEST_PG;
if (!admin) throw new Error('LSPTRIAGE_TEST_PG is not set (source /tmp/main-pg.sh)');

// Npgsql "Key=Value;…" → psql arguments, and back with another database.
const parts = Object.fromEntries(admin.split(';').filter(Boolean).map((kv) => { const i = kv.indexOf('='); return [kv.slice(0, i).trim().toLowerCase(), kv.slice(i + 1)]; }));
const psql = (db, sql) => execFileSync('psql', ['-h', parts.host, '-p', parts.port ?? '5432', '-U', parts.username, '-d', db, '-At', '-c', sql],
  { env: { ...process.env, PGPASSWORD: parts.password ?? '' } }).toString().trim();
const database = `lsptriage_shared_${process.pid}`;
const connectionString = admin.split(';').filter(Boolean).map((kv) => (kv.trim().toLowerCase().startsWith('database=') ? `Database=${database}` : kv)).join(';');

async function main() {
  psql(parts.database ?? 'postgres', `CREATE DATABASE ${database} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'`);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lsptriage-shared-'));
  const samples = path.join(repo, 'samples/incidents');
  const files = fs.readdirSync(samples).filter((f) => f.endsWith('.md')).map((name) => ({ name, text: fs.readFileSync(path.join(samples, name), 'utf8') }));
  const settings = { similarity: { store: 'postgres', connectionString } };
  const clients = [];
  const started = Date.now();
  try {
    for (let i = 0; i < count; i++) {
      const clone = path.join(root, `clone${i}`);
      fs.mkdirSync(path.join(clone, 'incidents'), { recursive: true });
      for (const f of files) fs.writeFileSync(path.join(clone, 'incidents', f.name), f.text);
      const child = spawn(server, ['serve'], { stdio: ['pipe', 'pipe', 'pipe'] });
      child.stderr.on('data', () => {});
      const c = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
      const client = { clone, child, c, logs: [], problems: [] };
      let ready;
      client.ready = new Promise((resolve) => (ready = resolve));
      c.onRequest('workspace/configuration', (p) => p.items.map((it) => (it.section === 'lspTriage' ? settings : null)));
      c.onRequest(() => null);
      c.onNotification('window/logMessage', (p) => { if (p.message.startsWith('Similar incidents:')) ready(); });
      c.onNotification('window/showMessage', (p) => { if (p.message.includes('PostgreSQL')) client.problems.push(p.message); });
      c.onNotification(() => {});
      c.listen();
      clients.push(client);
    }
    await Promise.all(clients.map(async ({ c, clone }) => {
      await c.sendRequest('initialize', {
        processId: process.pid, rootUri: pathToFileURL(clone).href, workspaceFolders: [{ uri: pathToFileURL(clone).href, name: 'ws' }],
        capabilities: { workspace: { configuration: true, workspaceFolders: true } }, initializationOptions: { settings },
      });
      c.sendNotification('initialized', {});
    }));
    const timeout = (ms, what) => new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms));
    await Promise.race([Promise.all(clients.map((x) => x.ready)), timeout(120_000, 'similarity index of every server')]);
    console.log(`${count} servers initialized and indexed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    // Everyone opens and saves every incident at once.
    await Promise.all(clients.map(async ({ c, clone }) => {
      for (const f of files) {
        const uri = pathToFileURL(path.join(clone, 'incidents', f.name)).href;
        c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: f.text } });
        c.sendNotification('textDocument/didSave', { textDocument: { uri } });
      }
    }));
    const expected = files.map((f) => `incidents/${f.name}`).sort();
    const ids = () => {
      if (psql(database, "SELECT to_regclass('lsptriage.incidents') IS NOT NULL") !== 't') return [];
      const out = psql(database, "SELECT id FROM lsptriage.incidents ORDER BY id COLLATE \"C\"");
      return out ? out.split('\n') : [];
    };
    const deadline = Date.now() + 60_000;
    while (ids().length < expected.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 2000)); // rows only grow: a late duplicate would show as an extra row
    const got = ids();
    const problems = clients.flatMap((x) => x.problems);
    const ok = JSON.stringify(got) === JSON.stringify(expected) && problems.length === 0;
    console.log(`incidents rows: ${got.length} (expected ${expected.length}, one per sample); PostgreSQL problems shown: ${problems.length}`);
    if (!ok) console.log(`expected ${JSON.stringify(expected)}\ngot      ${JSON.stringify(got)}\n${problems.join('\n')}`);
    console.log(ok ? 'ok' : 'FAILED');
    process.exitCode = ok ? 0 : 1;
  } finally {
    await Promise.all(clients.map(async ({ c, child }) => {
      try { await c.sendRequest('shutdown'); c.sendNotification('exit'); } catch { child.kill(); }
    }));
    fs.rmSync(root, { recursive: true, force: true });
    try { psql(parts.database ?? 'postgres', `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`); } catch { /* best effort */ }
  }
}

main().catch((err) => { console.error(err.stack || String(err)); process.exit(1); });

// Where lsptriage's start-up time goes: spawns the server N times, sends initialize, and prints, per step, the median
// time after process start that the server reports (LSPTRIAGE_STARTUP_TRACE=1), plus spawn → initialize result as the
// client sees it and `lsptriage --version` (the runtime with no server).
//   node startup.js --server PATH [--startups 10]
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { performance } = require('node:perf_hooks');
const rpc = require('vscode-jsonrpc/node');

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const server = args.server ?? process.env.LSPTRIAGE_SERVER;
const startups = Number(args.startups ?? 10);
if (!server) throw new Error('pass --server PATH');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function once() {
  const started = performance.now();
  const child = spawn(server, ['serve'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, LSPTRIAGE_STARTUP_TRACE: '1' } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const c = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  c.listen();
  await c.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  const total = performance.now() - started;
  await c.sendRequest('shutdown');
  c.sendNotification('exit');
  await exited;
  c.dispose();
  const steps = {};
  for (const m of stderr.matchAll(/lsptriage startup: ([\d.]+) ms (.+)/g)) steps[m[2].trim()] = Number(m[1]);
  return { total, steps };
}

(async () => {
  const versions = [];
  for (let i = 0; i < startups; i++) {
    const t = performance.now();
    spawnSync(server, ['--version']);
    versions.push(performance.now() - t);
  }
  const runs = [];
  for (let i = 0; i < startups; i++) runs.push(await once());
  console.log(`${server}: ${startups} start-ups`);
  console.log(`  lsptriage --version (spawn → exit)        ${median(versions).toFixed(1)} ms`);
  for (const step of Object.keys(runs[0].steps)) {
    console.log(`  ${`${step} (after process start)`.padEnd(40)} ${median(runs.map((r) => r.steps[step] ?? NaN)).toFixed(1)} ms`);
  }
  console.log(`  spawn → initialize result (client)       ${median(runs.map((r) => r.total)).toFixed(1)} ms`);
})();

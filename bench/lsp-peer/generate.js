'use strict';
// The benchmark document: a deterministic postmortem of exactly `lines` lines (default 20,000), generated at run
// time. bench/LspTriage.Bench/GeneratedPostmortem.cs produces byte-identical text (both print its SHA-256).
//
// Shape: front matter, title, the required sections, a long Timeline (one entry per line, in order), a long Action
// items list, then "Investigation notes" with level-3 subsections of prose, lists, code and the odd [FILL IN].

const crypto = require('node:crypto');

const SERVICES = ['payment-svc', 'search-indexer', 'checkout-api', 'auth-gateway', 'ledger-writer', 'cdn-edge', 'orders-db', 'notification-hub'];
const TEAMS = ['Payments team', 'Search team', 'SRE', 'Platform team', 'Data team'];

function generatePostmortem(lines = 20000) {
  const out = [];
  const push = (...l) => out.push(...l);
  push('---', 'service: payment-svc', 'created: 2026-06-02T23:35:28Z', 'severity: SEV2', 'kind: postmortem', '---');
  push('# Payment service connection pool exhaustion after batch job deploy', '');
  const prose = (i) => `At step ${i}, ${SERVICES[i % SERVICES.length]} p99 latency went from ${100 + (i % 50)}ms to ${(1 + (i % 9) / 2).toFixed(1)}s while the pool held ${20 + (i % 30)} of ${50} connections.`;
  for (const [heading, n] of [['Summary', 3], ['Impact', 3], ['Detection', 2], ['Response', 2], ['Root cause', 3]]) {
    push(`## ${heading}`);
    for (let i = 0; i < n; i++) push(prose(i + heading.length));
    push('');
  }
  const timelineEntries = Math.floor(lines * 0.2);
  push('## Timeline');
  for (let i = 0; i < timelineEntries; i++) {
    const minutes = 14 * 60 + i; // one entry a minute from 2026-06-02 14:00 UTC, crossing midnight as needed
    const day = 2 + Math.floor(minutes / 1440);
    const hh = String(Math.floor((minutes % 1440) / 60)).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    push(`- 2026-06-${String(day).padStart(2, '0')} ${hh}:${mm} UTC — ${SERVICES[i % SERVICES.length]} event ${i}: pool usage ${(i * 7) % 100}%`);
  }
  push('');
  const actionItems = Math.floor(lines * 0.05);
  push('## Action items');
  for (let i = 0; i < actionItems; i++) {
    push(`- P${i % 5} Follow-up ${i}: cap the batch job's connections on ${SERVICES[i % SERVICES.length]} — ${TEAMS[i % TEAMS.length]}`);
  }
  push('');
  push('## Investigation notes', '');
  for (let n = 1; out.length + 16 <= lines; n++) {
    push(`### Note ${n}: ${SERVICES[n % SERVICES.length]} under load`, '');
    push(prose(n), prose(n + 1), prose(n + 2), '');
    push(`- Host host-${n}.prod checked at ${String(n % 24).padStart(2, '0')}:${String(n % 60).padStart(2, '0')} UTC`);
    push(`- Owner of this note: ${n % 10 === 0 ? '[FILL IN]' : TEAMS[n % TEAMS.length]}`, '');
    push('```sh', `kubectl -n prod logs deploy/${SERVICES[n % SERVICES.length]} --since=${n % 60 + 1}m | grep -c "pool exhausted"`, '```', '');
  }
  while (out.length < lines) push(prose(out.length));
  return out.slice(0, lines).join('\n') + '\n';
}

function sha256(text) {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

module.exports = { generatePostmortem, sha256 };

if (require.main === module) {
  const text = generatePostmortem(Number(process.argv[2] || 20000));
  process.stdout.write(`${text.split('\n').length - 1} lines, ${Buffer.byteLength(text)} bytes, sha256 ${sha256(text)}\n`);
}

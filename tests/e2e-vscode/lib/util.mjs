// What every e2e module shares: where things are, the log, the figures, waiting on a condition. No browser here.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repo = path.resolve(here, '../..');
export const tools = process.env.LSPTRIAGE_E2E_TOOLS ?? path.join(repo, '.tools');
export const resultsDir = path.join(repo, 'test-results', 'e2e');

/** Fixture files the steps work on, relative to the workspace (tests/e2e-vscode/fixtures/workspace). */
export const INCIDENT = 'incidents/2026-06-02-payment-pool.md';
export const POSTMORTEM = 'postmortems/2026-06-02-payment-pool.md';
/** Ours by front matter `kind: postmortem` alone: outside every incident glob. */
export const FRONT_MATTER_ONLY = 'notes/2026-05-20-db-failover-review.md';
/** An incident whose front matter `severity:` is left empty, for completion. */
export const COMPLETION_INCIDENT = 'incidents/2026-05-14-search-latency.md';
/** A postmortem no step opens: its problems can only come from workspace/diagnostic. */
export const NEVER_OPENED = 'postmortems/2026-04-02-cache-stampede.md';

/** Figures printed before the last line; setup and the steps fill them in. */
export const timings = {};

export const log = (...a) => console.log('[e2e]', ...a);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns something truthy, which is returned. An exception counts as "not yet". */
export async function waitFor(what, fn, timeoutMs, intervalMs = 500) {
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

/** 1-based line number of the first line matching `re` in a file. */
export function lineOf(file, re) {
  const i = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => re.test(l));
  if (i < 0) throw new Error(`no line matching ${re} in ${file}`);
  return i + 1;
}

// The steps, in order. Each gets the page and the run's paths, does what a user would, asserts what could fail, and
// returns a one-line detail for the log; run.mjs numbers them, takes the screenshots and counts. A step that needs
// another's effect says so (step 7 sets the key itself when step 6 did not run).
import fs from 'node:fs';
import path from 'node:path';
import { serverPids } from './setup.mjs';
import { applyCodeAction, filterProblems, gotoLine, openFile, problemsText, quickInput, runCommand, saveAndRead, suggestLabels } from './ui.mjs';
import { COMPLETION_INCIDENT, FRONT_MATTER_ONLY, INCIDENT, NEVER_OPENED, POSTMORTEM, lineOf, resultsDir, sleep, timings, waitFor } from './util.mjs';

export const steps = [
  {
    n: 1,
    name: 'problems',
    run: async ({ page }) => {
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
    },
  },
  {
    n: 2,
    name: 'outline',
    run: async ({ page }) => {
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
    },
  },
  {
    n: 3,
    name: 'hover-similar',
    run: async ({ page, incidentFile }) => {
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
    },
  },
  {
    n: 4,
    name: 'analyze',
    run: async ({ page, incidentFile }) => {
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
    },
  },
  {
    n: 5,
    name: 'quick-fix',
    run: async ({ page, postmortemFile }) => {
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
    },
  },
  {
    n: 6,
    name: 'commands',
    run: async ({ page, ws, runDir }) => {
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
    },
  },
  {
    n: 7,
    name: 'llm-key-to-endpoint',
    run: async ({ page, ws, ran }) => {
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
    },
  },
  {
    n: 8,
    name: 'crash-restart',
    run: async ({ page, runDir }) => {
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
    },
  },
  {
    n: 9,
    name: 'front-matter-only',
    run: async ({ page }) => {
      // notes/ matches no incident glob: the file is ours only because its front matter says kind: postmortem. The
      // extension must send it to the server (every markdown document) and the server must classify it by front matter.
      await openFile(page, FRONT_MATTER_ONLY);
      await filterProblems(page, path.basename(FRONT_MATTER_ONLY));
      try {
        const rows = await waitFor(
          'lsptriage problems on the front-matter-only postmortem',
          async () => {
            const all = await problemsText(page);
            const ours = all.some((r) => /db-failover-review/.test(r)) ? all.filter((r) => /lsptriage/.test(r)) : [];
            return ours.length > 0 ? ours : null;
          },
          30_000,
        );
        const telling = rows.filter((r) => /Root cause|Action items|FILL IN/i.test(r));
        if (telling.length === 0) throw new Error(`no missing-section or placeholder problem among: ${rows.join(' / ')}`);
        await page.screenshot({ path: path.join(resultsDir, '09-front-matter-problems.png') });
        return `${rows.length} lsptriage problem(s) for ${path.basename(FRONT_MATTER_ONLY)}, e.g. "${telling[0].split(' | ')[1] ?? telling[0]}"`;
      } finally {
        await filterProblems(page, '').catch(() => undefined);
      }
    },
  },
  {
    n: 10,
    name: 'completion',
    run: async ({ page, ws }) => {
      // Front matter `severity:` is empty; completion after it offers SEV1..SEV5 (word-based suggestions are off in
      // the profile, so every row comes from a completion provider), and picking one writes it.
      const file = path.join(ws, COMPLETION_INCIDENT);
      await openFile(page, COMPLETION_INCIDENT);
      await gotoLine(page, lineOf(file, /^severity:/), 10);
      await page.keyboard.press('End');
      await page.keyboard.type(' ');
      const labels = await suggestLabels(page);
      const sev = ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'];
      const missing = sev.filter((s) => !labels.includes(s));
      if (missing.length > 0) throw new Error(`suggestions lack ${missing.join(', ')}: ${labels.join(' / ')}`);
      await page.screenshot({ path: path.join(resultsDir, '10-completion-list.png') });
      await page.locator('.suggest-widget .monaco-list-row', { has: page.locator('.label-name', { hasText: /^SEV2$/ }) }).first().click();
      const saved = await waitFor('severity: SEV2 in the saved file', async () => {
        const text = await saveAndRead(page, file);
        return /^severity: SEV2\s*$/m.test(text) ? text : null;
      }, 10_000, 1000);
      return `suggested ${labels.filter((l) => sev.includes(l)).join(', ')} (${labels.length} rows); picked SEV2, saved file reads "${saved.split('\n').find((l) => l.startsWith('severity:'))}"`;
    },
  },
  {
    n: 11,
    name: 'workspace-diagnostics',
    run: async ({ page }) => {
      // No step opens this postmortem: its problems reach the Problems panel only through workspace/diagnostic.
      const tabs = await page.locator('.tab').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      if (tabs.some((t) => t.includes('cache-stampede'))) throw new Error('the never-opened postmortem is open in a tab');
      await filterProblems(page, path.basename(NEVER_OPENED));
      try {
        const rows = await waitFor(
          'lsptriage problems of the never-opened postmortem',
          async () => {
            const all = await problemsText(page);
            const ours = all.some((r) => /cache-stampede/.test(r)) ? all.filter((r) => /lsptriage/.test(r)) : [];
            return ours.length > 0 ? ours : null;
          },
          30_000,
        );
        if (!rows.some((r) => /Action items|Response/i.test(r))) throw new Error(`no missing Response/Action items problem: ${rows.join(' / ')}`);
        await page.screenshot({ path: path.join(resultsDir, '11-workspace-problems.png') });
        return `${rows.length} problem(s) listed for ${path.basename(NEVER_OPENED)} without opening it, e.g. "${rows[0].split(' | ')[1] ?? rows[0]}"`;
      } finally {
        await filterProblems(page, '').catch(() => undefined);
      }
    },
  },
  {
    n: 12,
    name: 'copy-as-issue',
    run: async ({ page, postmortemFile }) => {
      // An open action item offers "Copy as issue" (a refactor code action); the extension copies the issue the
      // server returns and says so in a notification.
      await openFile(page, POSTMORTEM);
      const item = 'Add an index on ledger_entries(status)';
      await gotoLine(page, lineOf(postmortemFile, /^- P1 Add an index on ledger_entries/), 10);
      await runCommand(page, 'Notifications: Clear All Notifications').catch(() => undefined);
      const label = await applyCodeAction(page, /^Copy as issue$/, ['Refactor...', 'Quick Fix...'], path.join(resultsDir, '12-copy-as-issue-menu.png'));
      const message = await waitFor(
        'the "copied ... as an issue" notification',
        async () => (await page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts()).find((t) => /copied ".*" as an issue/.test(t)),
        15_000,
      );
      if (!message.includes(item)) throw new Error(`the notification does not name the action item: ${message}`);
      await page.screenshot({ path: path.join(resultsDir, '12-copy-as-issue-notification.png') });
      const clipboard = await page.evaluate(() => navigator.clipboard.readText());
      if (!clipboard.includes(item)) throw new Error(`the clipboard does not hold the issue: ${JSON.stringify(clipboard.slice(0, 200))}`);
      if (!/2026-06-02-payment-pool\.md/.test(clipboard)) throw new Error(`the copied issue does not link back to the postmortem: ${JSON.stringify(clipboard.slice(0, 400))}`);
      await runCommand(page, 'Notifications: Clear All Notifications').catch(() => undefined);
      return `"${label}" -> notification "${message}"; clipboard holds ${clipboard.length} chars: ${JSON.stringify(clipboard.split('\n')[0])}`;
    },
  },
];

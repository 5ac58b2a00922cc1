// UI helpers: the quick input, the command palette, opening files and lines, the Problems panel, code actions and
// the suggest widget. Interactions are retried where VS Code can take focus away; assertions never are.
import fs from 'node:fs';
import path from 'node:path';
import { log, sleep, waitFor } from './util.mjs';

export function quickInput(page) {
  return page.locator('.quick-input-widget input.input');
}

/**
 * Opens the quick input and types `value`. An editor that takes focus just after it opened (a file picked a moment
 * ago, a peek closing) hides the widget again, so a widget that vanishes before it is typed into is opened again.
 */
export async function openQuickInput(page, value) {
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
export async function runCommand(page, label) {
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

/**
 * Opens a workspace file through quick open and waits until its tab is the active one. Quick open lists nothing until
 * the workbench has searched the folder (slow on a loaded machine) and can lose focus to an editor, so the whole
 * interaction is retried; the row clicked is the one naming the file, never just the first.
 */
export async function openFile(page, rel) {
  const name = path.basename(rel);
  for (let attempt = 1; ; attempt++) {
    try {
      await openQuickInput(page, rel);
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
      await row.waitFor({ state: 'visible', timeout: 15_000 });
      await row.click({ timeout: 5_000 });
      await page.locator(`.tab.active[aria-label^="${name}"]`).first().waitFor({ timeout: 10_000 });
      break;
    } catch (e) {
      if (attempt >= 3) throw e;
      log(`opening ${rel} did not take (attempt ${attempt}): ${e instanceof Error ? e.message.split('\n')[0] : e}; again`);
      await page.keyboard.press('Escape');
    }
  }
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 10_000 });
}

export async function gotoLine(page, line, col = 1) {
  await openQuickInput(page, `:${line}:${col}`);
  await sleep(150);
  await page.keyboard.press('Enter');
  await sleep(150);
}

export async function problemsText(page) {
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

/** Opens the code-action menu at the cursor and clicks the first enabled row matching `re`; returns its label. */
export async function applyCodeAction(page, re, commands = ['Quick Fix...', 'Refactor...', 'Source Action...'], menuShot) {
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

export async function saveAndRead(page, file) {
  await runCommand(page, 'File: Save');
  await sleep(500);
  return fs.readFileSync(file, 'utf8');
}

/**
 * Opens the suggest widget at the cursor and returns the labels of its rows. The widget closes when something takes
 * focus from the editor, so opening it is retried (through the palette, then the keyboard); the labels are not judged.
 */
export async function suggestLabels(page) {
  const rows = page.locator('.suggest-widget .monaco-list-row');
  for (let attempt = 1; ; attempt++) {
    if (attempt % 2 === 1) await runCommand(page, 'Trigger Suggest');
    else await page.keyboard.press('Control+Space');
    try {
      await rows.first().waitFor({ state: 'visible', timeout: 8_000 });
      // Rows arrive as providers answer: wait until the list stops growing.
      let n = -1;
      for (let i = 0; i < 10 && n !== (await rows.count()); i++) {
        n = await rows.count();
        await sleep(200);
      }
      return (await rows.locator('.label-name').allInnerTexts()).map((s) => s.trim());
    } catch (e) {
      if (attempt >= 4) throw e;
      log(`suggest widget did not show (attempt ${attempt}); asking again`);
    }
  }
}

/** Types into the Problems panel's filter box (text, or a glob such as `**\/name.md`); '' clears it. */
export async function filterProblems(page, value) {
  await runCommand(page, 'Problems: Focus on Problems View');
  const input = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(value);
  await sleep(500);
}

/**
 * The preview's change marks in code-server (issue 18, point 4), in a workspace of its own: a
 * git repository with the examples committed and faults/ untracked, and
 * `bulletin.preview.showChanges: last-commit` in its settings (scripts/e2e/run.ts prepares it).
 * A file version typed in the editor shows in the preview as the old value struck through
 * (`<del class="change-old">`) and the new one highlighted (`<ins class="change-new">`), checked
 * by element and class; Compare with Last Commit on an untracked bulletin says there is no last
 * commit. Screenshots go to the test output.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { openWorkbench } from '../../../scripts/e2e/lib/extension-tests';
import { runCommand } from '../../../scripts/e2e/lib/palette';
import { focusEditor, goToLineEnd, openFromExplorer, previewFrame, type WorkbenchCheck } from './workbench';
import { checkRecorder } from './checks';

// The functions handed to evaluate run in the preview's frame; the project compiles without the DOM library.
declare const window: any;

const timeout = 60_000;

/** The workspace the check expects (scripts/e2e/run.ts passes it to prepareWorkspace). */
export const changeMarksWorkspace = {
  commit: ['MS04-012.bulletin.yaml', 'MS04-029.bulletin.yaml'],
  settings: { 'bulletin.preview.showChanges': 'last-commit' },
};

/**
 * The notification saying `message`: on its toast, or in the notification centre (headless, the
 * workbench may file a notification there without a toast, as author-actions.ts finds).
 */
async function notification(page: Page, message: RegExp): Promise<Locator> {
  const find = (where: string) => page.locator(`${where} .notification-list-item`, { hasText: message }).first();
  if (await find('.notifications-toasts').waitFor({ timeout: 5_000 }).then(() => true, () => false)) return find('.notifications-toasts');
  if (!(await page.locator('.notifications-center').isVisible())) await runCommand(page, 'Notifications: Show Notifications', timeout);
  await find('.notifications-center').waitFor({ timeout });
  return find('.notifications-center');
}

export async function checkChangeMarks(browser: Browser, url: string, folder: string, screenshotDir: string): Promise<WorkbenchCheck[]> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const { results, shot, check } = checkRecorder(page, screenshotDir);
  try {
    await openWorkbench(page, url);
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout });

    await check('the preview marks a changed file version: the old one struck through, the new one highlighted', async () => {
      const lines = readFileSync(join(folder, 'MS04-029.bulletin.yaml'), 'utf8').split('\n');
      const line = lines.findIndex((text) => text.trim() === 'version: 4.0.1381.7303') + 1;
      assert.ok(line > 0, 'MS04-029 ships rpcrt4.dll 4.0.1381.7303');
      await openFromExplorer(page, 'MS04-029.bulletin.yaml');
      await focusEditor(page, 'MS04-029.bulletin.yaml');
      await goToLineEnd(page, line);
      await page.keyboard.press('Backspace');
      await page.keyboard.type('4');
      await page.keyboard.press('Escape');
      await runCommand(page, 'Open Preview to the Side', timeout);
      const frame = previewFrame(page);
      const cell = frame.locator('td.version', { has: frame.locator('del.change-old') }).first();
      await cell.waitFor({ timeout });
      // Inside the one cell: the old value in <del class="change-old">, the new in <ins class="change-new">.
      const marks = await cell.evaluate((td: any) => {
        const del = td.querySelector('del.change-old');
        const ins = td.querySelector('ins.change-new');
        return {
          old: del?.textContent,
          new: ins?.textContent,
          oldFirst: Boolean(del && ins && del.compareDocumentPosition(ins) & 4),
          // The marks' own rules apply (preview.css): struck through, and a background on the new value.
          oldDecoration: del ? window.getComputedStyle(del).textDecorationLine : '',
          newBackground: ins ? window.getComputedStyle(ins).backgroundColor : '',
          newDecoration: ins ? window.getComputedStyle(ins).textDecorationLine : '',
          row: td.closest('tr')?.querySelector('td.file-name')?.textContent,
        };
      });
      assert.equal(marks.old, '4.0.1381.7303');
      assert.equal(marks.new, '4.0.1381.7304');
      assert.ok(marks.oldFirst, 'the old value comes first');
      assert.match(marks.row ?? '', /rpcrt4\.dll/);
      assert.match(marks.oldDecoration, /line-through/);
      assert.doesNotMatch(marks.newDecoration, /line-through|underline/, 'the new value is highlighted, not underlined');
      assert.notEqual(marks.newBackground, 'rgba(0, 0, 0, 0)', 'the new value has a highlight');
      // The list of changes at the top names it too, and no other value of the page is marked.
      const listed = await frame.locator('aside.changes li').allInnerTexts();
      assert.equal(listed.length, 1, `one change listed: ${listed.join(' | ')}`);
      assert.match(listed[0]!, /rpcrt4\.dll.*4\.0\.1381\.7303 → 4\.0\.1381\.7304/);
      assert.equal(await frame.locator('del.change-old').count(), 1);
      assert.equal(await frame.locator('ins.change-new').count(), 1);
      await cell.scrollIntoViewIfNeeded();
      await shot('preview-change-marks');
    });

    await check('the preview marks a changed result, a changed registry value and changed ports in place', async () => {
      const lines = readFileSync(join(folder, 'MS04-029.bulletin.yaml'), 'utf8').split('\n');
      const lineOf = (text: string) => lines.findIndex((l) => l.trim() === text) + 1;
      // Typed over as an author would: the whole value line replaced (insertText: no auto-closed bracket).
      for (const [from, to] of [['tested: passed', 'tested: failed'], ['data: 1', 'data: 2'], ['udp: [135, 137, 138, 445]', 'udp: [135, 137, 445, 1434]']] as const) {
        assert.ok(lineOf(from) > 0, `MS04-029 has "${from}"`);
        await focusEditor(page, 'MS04-029.bulletin.yaml');
        await goToLineEnd(page, lineOf(from));
        await page.keyboard.press('Shift+Home');
        await page.keyboard.insertText(to);
        await page.keyboard.press('Escape');
      }
      const frame = previewFrame(page);
      const tested = frame.locator('table.platform-list td.tested').first();
      await tested.locator('ins.change-new').waitFor({ timeout });
      assert.equal(await tested.locator('del.change-old').innerText(), '問題なし');
      assert.equal(await tested.locator('ins.change-new').innerText(), '問題あり');
      const check = frame.locator('li.registry-check').first();
      assert.equal(await check.locator('del.change-old').innerText(), '1');
      assert.equal(await check.locator('ins.change-new').innerText(), '2');
      const udp = frame.locator('table.ports tr', { hasText: 'UDP' }).first();
      assert.deepEqual(await udp.locator('.port.change-entry-removed del.change-old').allInnerTexts(), ['138']);
      assert.deepEqual(await udp.locator('.port.change-entry-added ins.change-new').allInnerTexts(), ['1434']);
      assert.equal(await udp.locator('.port:not(.change-entry-added):not(.change-entry-removed)').count(), 3, '135, 137 and 445 unmarked');
      assert.equal(await frame.locator('aside.changes li').count(), 4, 'the version and the three edits listed');
      await tested.scrollIntoViewIfNeeded();
      await shot('preview-change-marks-tested');
      await udp.scrollIntoViewIfNeeded();
      await shot('preview-change-marks-ports');
    });

    await check('Compare with Last Commit on an untracked bulletin says there is no last commit', async () => {
      await openFromExplorer(page, 'faults', 'MS99-002.bulletin.yaml');
      await focusEditor(page, 'MS99-002.bulletin.yaml');
      await runCommand(page, 'Compare with Last Commit', timeout);
      const item = await notification(page, /No last commit to compare with/);
      await shot('compare-untracked');
      assert.equal(await item.locator('.codicon-info').count(), 1, 'an information, not an error');
      assert.equal(await page.locator('.notification-list-item .codicon-error').count(), 0, 'no error notification');
      assert.equal(await page.locator('.tabs-container .tab', { hasText: '.changes' }).count(), 0, 'no changes view opens');
    });
  } finally {
    await page.close().catch(() => undefined);
  }
  return results;
}

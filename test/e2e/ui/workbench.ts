/**
 * What only the screen shows, checked through code-server's workbench UI with playwright:
 * the Problems panel lists the workspace's findings (also for a file never opened), the status
 * bar counts them and leads to the index of a file's versions, typing a fix removes its row,
 * typing a value opens the suggestions by itself,
 * and "Open Preview to the Side" renders the page with its comparison table, follows an edit and
 * scrolls with the wheel without jumping back. Screenshots go to the test output. Every wait polls a condition
 * on the page with a timeout.
 */
import * as assert from 'node:assert/strict';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { openWorkbench } from '../../../scripts/e2e/lib/extension-tests';
import { runCommand } from '../../../scripts/e2e/lib/palette';
import { checkAuthorActions } from './author-actions';
import { checkRecorder } from './checks';

// The functions handed to evaluate run in the preview's frame; the project compiles without the DOM library.
declare const window: any;

export interface WorkbenchCheck {
  name: string;
  ok: boolean;
  error?: string;
}

/** The findings of the e2e workspace (examples/ + fixtures/faults) the Problems panel must list. */
export const expectedProblems = [
  { file: 'MS99-001.bulletin.yaml', text: '`severity` must be one of' },
  { file: 'MS99-001.bulletin.yaml', text: 'Unknown key `summry`' },
  // MS99-002 is never opened: its row comes from the server's workspace index (cross-file).
  { file: 'MS99-002.bulletin.yaml', text: 'names MS99-404' },
];

const timeout = 60_000;

async function problemRows(page: Page): Promise<string[]> {
  const rows = await page.locator('.markers-panel .monaco-list-row').all();
  return Promise.all(rows.map(async (row) => (await row.getAttribute('aria-label').catch(() => null)) ?? ''));
}

async function untilRows(page: Page, what: string, accept: (rows: string[]) => boolean): Promise<string[]> {
  const deadline = Date.now() + timeout;
  let rows: string[] = [];
  for (;;) {
    rows = await problemRows(page);
    if (accept(rows)) return rows;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; the Problems panel shows:\n${rows.join('\n')}`);
    await page.waitForTimeout(250);
  }
}

export async function openFromExplorer(page: Page, ...path: string[]): Promise<void> {
  for (const [i, name] of path.entries()) {
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
    await row.waitFor({ state: 'visible', timeout });
    if (i < path.length - 1) {
      if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    } else {
      await row.dblclick();
    }
  }
  await page.locator('.tabs-container .tab.active', { hasText: path.at(-1)! }).waitFor({ timeout });
}

/** Focuses the editor showing `file` by clicking its tab (the text layer may be scrolled away
 * under the scrollbars and minimap, which then take the click). */
export async function focusEditor(page: Page, file: string): Promise<void> {
  await page.locator('.tabs-container .tab', { hasText: file }).first().click();
  await page.locator('.editor-group-container.active .tab.active', { hasText: file }).waitFor({ timeout });
  await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ timeout });
}

/** Places the cursor at the end of a 1-based line of the focused editor. */
export async function goToLineEnd(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  // The keys that follow go to the editor only once the quick input has closed and the cursor
  // is on the line (the status bar says so): otherwise a key can go to the closing input.
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout });
  await cursorOnLine(page, line);
  await page.keyboard.press('End');
}

/** Waits until the status bar shows the cursor on `line`. */
export async function cursorOnLine(page: Page, line: number): Promise<void> {
  await page.locator('.statusbar-item', { hasText: new RegExp(`Ln ${line}, Col \\d+`) }).first().waitFor({ timeout });
}

export function previewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview').first().frameLocator('iframe').first();
}

export async function checkWorkbench(browser: Browser, url: string, screenshotDir: string): Promise<WorkbenchCheck[]> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const { results, shot, check } = checkRecorder(page, screenshotDir);
  try {
    await openWorkbench(page, url);
    await page.locator('.monaco-workbench').waitFor({ timeout });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout });

    await check('the Problems panel lists the findings, also of a file never opened', async () => {
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').waitFor({ timeout });
      await untilRows(page, 'the expected findings', (rows) =>
        expectedProblems.every((p) => rows.some((row) => row.includes(p.text))) &&
        ['MS99-001.bulletin.yaml', 'MS99-002.bulletin.yaml'].every((file) => rows.some((row) => row.includes(file))),
      );
      await shot('problems-panel');
    });

    await check('the status bar counts bulletins and findings; a click shows a file\'s versions across bulletins', async () => {
      const item = page.locator('.statusbar-item', { hasText: 'Bulletins:' }).first();
      await item.waitFor({ timeout });
      const deadline = Date.now() + timeout;
      let counts: RegExpExecArray | null = null;
      while (!(counts = /Bulletins: (\d+) · Findings: (\d+)/.exec(await item.innerText())) && Date.now() < deadline) await page.waitForTimeout(250);
      assert.ok(counts, `the status bar shows: ${await item.innerText()}`);
      assert.equal(Number(counts[1]), 4, 'examples/ and faults/ hold four bulletins');
      assert.equal(Number(counts[2]), expectedProblems.length, 'the findings the Problems panel lists');
      await item.click();
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout });
      await input.fill('rpcrt4.dll');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'rpcrt4.dll' }).first().waitFor({ timeout });
      await page.keyboard.press('Enter');
      // The file's history: each platform's versions, each with the bulletin that ships it.
      for (const [version, bulletin] of [['4.0.1381.7230', 'MS04-012'], ['4.0.1381.7303', 'MS04-029']]) {
        const row = page.locator('.quick-input-list .monaco-list-row', { hasText: version }).first();
        await row.waitFor({ timeout });
        assert.match(await row.innerText(), new RegExp(bulletin));
      }
      await shot('show-index');
      await page.keyboard.press('Escape');
    });

    await check('typing a fix removes its row from the Problems panel', async () => {
      await openFromExplorer(page, 'faults', 'MS99-001.bulletin.yaml');
      await page.locator('.squiggly-error').first().waitFor({ timeout });
      await focusEditor(page, 'MS99-001.bulletin.yaml');
      await goToLineEnd(page, 9); // severity: severe
      for (let i = 0; i < 'severe'.length; i++) await page.keyboard.press('Backspace');
      await page.keyboard.type('important');
      await untilRows(page, 'the severity finding to disappear', (rows) =>
        !rows.some((row) => row.includes(expectedProblems[0]!.text)) && rows.some((row) => row.includes(expectedProblems[1]!.text)),
      );
      await shot('problems-after-fix');
    });

    await check('typing `exploit: p` opens the suggestions by itself; Enter takes `poc`', async () => {
      await focusEditor(page, 'MS99-001.bulletin.yaml');
      await goToLineEnd(page, 9); // severity: important (typed by the check above)
      // Typing `important` above may have left suggestions open (they open in values now): the
      // Enter that starts the new line must not accept one.
      await page.keyboard.press('Escape');
      await page.locator('.editor-widget.suggest-widget.visible').waitFor({ state: 'hidden', timeout });
      await page.keyboard.press('Enter');
      await cursorOnLine(page, 10);
      // Typed as a person types: each character lets the editor ask the server again.
      await page.keyboard.type('exploit: p', { delay: 80 });
      const row = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row', { hasText: 'poc' }).first();
      await row.waitFor({ timeout });
      await shot('suggest-while-typing');
      await page.keyboard.press('Enter');
      const deadline = Date.now() + timeout;
      const lineText = async () => (await page.locator('.editor-group-container.active .view-lines').innerText()).replace(/\u00a0/g, ' ');
      while (!/^exploit: poc$/m.test(await lineText())) {
        if (Date.now() > deadline) assert.fail(`the line reads:\n${await lineText()}`);
        await page.waitForTimeout(250);
      }
    });

    await check('Open Preview to the Side renders the page with its comparison table and follows an edit', async () => {
      await openFromExplorer(page, 'MS04-029.bulletin.yaml');
      // The command is offered where the bulletin editor has focus (editorLangId), as the
      // Markdown preview's is; a double-click in the explorer may leave the focus there.
      await focusEditor(page, 'MS04-029.bulletin.yaml');
      await runCommand(page, 'Open Preview to the Side', timeout);
      const frame = previewFrame(page);
      const comparison = frame.locator('table.comparison-table').first();
      await comparison.waitFor({ timeout });
      const text = await frame.locator('body').innerText();
      assert.match(text, /MS04-029/);
      assert.match(await comparison.innerText(), /rpcproxy\.dll/);
      await comparison.scrollIntoViewIfNeeded();
      await shot('preview');
      await focusEditor(page, 'MS04-029.bulletin.yaml');
      await goToLineEnd(page, 6); // title: …
      await page.keyboard.type(' E2E-EDIT');
      await frame.locator('body', { hasText: 'E2E-EDIT' }).waitFor({ timeout });
      await shot('preview-after-edit');
    });

    await check('wheel-scrolling the preview never moves it back; the editor follows', async () => {
      const frame = previewFrame(page);
      const body = frame.locator('body');
      await body.evaluate(() => {
        window.scrollTo(0, 0);
        window.__ys = [];
        window.addEventListener('scroll', () => window.__ys.push(window.scrollY));
      });
      const editorTopLine = async () => Math.min(...(await page.locator('.monaco-editor .margin-view-overlays .line-numbers').allInnerTexts()).map(Number).filter((n) => n > 0));
      await page.waitForTimeout(500); // the scroll to the top and its echo settle
      const startLine = await editorTopLine();
      const box = await page.locator('iframe.webview').first().boundingBox();
      assert.ok(box, 'the preview is on the screen');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      // Six wheel steps, each answered by the editor through the extension host before the next.
      for (let i = 0; i < 6; i++) {
        await page.mouse.wheel(0, 150);
        await page.waitForTimeout(250);
      }
      await page.waitForTimeout(1_500); // any late echo would have moved the page by now
      const ys: number[] = await body.evaluate(() => window.__ys);
      assert.ok(ys.length >= 2 && ys.at(-1)! > ys[0]!, `the preview scrolled down: ${ys.join(' → ')}`);
      for (let i = 1; i < ys.length; i++) assert.ok(ys[i]! >= ys[i - 1]!, `the preview went back: ${ys.join(' → ')}`);
      const endLine = await editorTopLine();
      assert.ok(endLine > startLine, `the editor followed the preview down (top line ${startLine} → ${endLine})`);
      await shot('preview-after-wheel');
    });

    // Issue 16's smaller points (author-actions.ts), on the workbench as these checks left it.
    results.push(...(await checkAuthorActions(page, new URL(url).searchParams.get('folder') ?? '', screenshotDir)));
  } finally {
    await shot('workbench-final');
    await page.close().catch(() => undefined);
  }
  return results;
}

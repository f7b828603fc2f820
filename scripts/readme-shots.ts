// `npm run shots:readme`: the README's pictures, taken in the real editor (code-server, see
// scripts/e2e) from the packaged extension: a cross-bulletin finding with its related location
// in the Problems panel, its quick fix, and the preview with the comparison table. Writes docs/images/.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { installExtension, startCodeServer } from './e2e/lib/code-server';
import { launchBrowser } from './e2e/lib/browser';
import { repoRoot } from './e2e/lib/paths';
import { prepareWorkspace } from './e2e/lib/workspace';
import { stopAll } from './e2e/lib/processes';
import { runCommand } from './e2e/lib/palette';

const timeout = 60_000;
const work = join(repoRoot, 'out', 'readme-shots');
const images = join(repoRoot, 'docs', 'images');

/** MS04-029 as if it claimed to include MS04-012: the case the seed page warns about. */
function workspaceWithFinding(): string {
  const folder = prepareWorkspace(join(work, 'workspace'));
  rmSync(join(folder, 'faults'), { recursive: true, force: true });
  const file = join(folder, 'MS04-029.bulletin.yaml');
  const text = readFileSync(file, 'utf8').replace(/^includes: \[\]\nrelated:\n  - MS04-012.*$/m, 'includes:\n  - MS04-012\nrelated: []');
  if (!text.includes('includes:\n  - MS04-012')) throw new Error('examples/MS04-029.bulletin.yaml no longer has the expected includes/related lines');
  writeFileSync(file, text);
  return folder;
}

/** Polls `condition` until it holds, failing with `what` after the timeout. */
async function poll(what: string, condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Browser-side code given as text: no DOM library here, and tsx would wrap its inner names.
/** The 1-based number of the first line fully inside the (only) text editor's viewport. */
const topVisibleLineInPage = `(() => {
  const editor = document.querySelector('.part.editor .monaco-editor .overflow-guard');
  if (!editor) return -1;
  const top = editor.getBoundingClientRect().top;
  let best = Infinity;
  let line = -1;
  for (const number of editor.querySelectorAll('.margin-view-overlays .line-numbers')) {
    const y = number.getBoundingClientRect().top;
    const text = number.textContent.trim();
    if (y >= top - 1 && y < best && /^[0-9]+$/.test(text)) {
      best = y;
      line = Number(text);
    }
  }
  return line;
})()`;

/** What the preview frame is asked about its comparison tables (no DOM library here). */
interface Box {
  getBoundingClientRect(): { top: number; bottom: number };
}

/** In the preview frame: whether one comparison table is wholly in view, and where they all are. */
function tablesInView(tables: Box[]): { inView: boolean; tops: string } {
  const height = (globalThis as unknown as { innerHeight: number }).innerHeight;
  return {
    inView: tables.some((t) => t.getBoundingClientRect().top >= 0 && t.getBoundingClientRect().bottom <= height),
    tops: tables.map((t) => Math.round(t.getBoundingClientRect().top)).join(),
  };
}

async function topVisibleLine(page: Page): Promise<number> {
  return page.evaluate<number>(topVisibleLineInPage);
}

/**
 * Scrolls the focused editor, without moving its cursor, until `line` (1-based) is its top
 * visible line: first up to the very top (where the scroll position is exactly 0), then down
 * one whole line at a time (Ctrl+Down), so the top line is never cut.
 */
async function scrollEditorToTop(page: Page, line: number): Promise<void> {
  for (let steps = 0; (await topVisibleLine(page)) !== 1; steps++) {
    if (steps > 500) throw new Error('the editor did not scroll to its first line');
    await page.keyboard.press('Control+ArrowUp');
  }
  await page.keyboard.press('Control+ArrowUp'); // clamps any part of a line left above
  for (let steps = 0; ; steps++) {
    const current = await topVisibleLine(page);
    if (current === line) return;
    if (steps > 500) throw new Error(`the editor did not scroll to line ${line} (top line ${current})`);
    await page.keyboard.press(current < line ? 'Control+ArrowDown' : 'Control+ArrowUp');
    await poll(`the editor to scroll past line ${current}`, async () => (await topVisibleLine(page)) !== current);
  }
}

async function main(): Promise<void> {
  mkdirSync(images, { recursive: true });
  const vsix = join(work, 'bulletin.vsix');
  mkdirSync(work, { recursive: true });
  const packaged = spawnSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '-o', vsix], { cwd: repoRoot, encoding: 'utf8' });
  if (packaged.status !== 0) throw new Error(`vsce package failed:\n${packaged.stdout}${packaged.stderr}`);
  const dirs = { home: join(work, 'home'), userDataDir: join(work, 'home', 'data'), extensionsDir: join(work, 'home', 'extensions') };
  rmSync(dirs.home, { recursive: true, force: true });
  installExtension(dirs, vsix);
  const server = await startCodeServer(dirs);
  const { browser } = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const folder = workspaceWithFinding();
    for (let attempt = 0; ; attempt++) {
      try {
        await page.goto(`${server.origin}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'commit' });
        break;
      } catch (error) {
        if (attempt > 2) throw error;
      }
    }
    await page.locator('.monaco-workbench').waitFor({ timeout });
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'MS04-029.bulletin.yaml' }).first();
    await row.waitFor({ timeout });
    await row.dblclick();
    await page.locator('.squiggly-error').first().waitFor({ timeout });

    // 1. The finding and its related location in the other bulletin, in the Problems panel.
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'incomplete-supersedence' }).first().waitFor({ timeout });
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'MS04-012.bulletin.yaml' }).first().waitFor({ timeout });
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout });
    await page.keyboard.type('27:5');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(images, 'diagnostics-related.png') });

    // 2. The quick fix on the same finding.
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget', { hasText: 'rpcproxy.dll' }).first().waitFor({ timeout });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(images, 'quick-fix.png') });
    await page.keyboard.press('Escape');

    // 3. The preview beside it: the page as readers see it, with the comparison table of the
    // included bulletin. The preview follows the editor's top visible line, so the editor is
    // scrolled until its top line is the one the table is rendered from (its `data-line`).
    await page.keyboard.press('Control+J'); // the panel makes room for the preview
    await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout });
    await runCommand(page, 'Bulletin: Open Preview to the Side', timeout);
    const frame = page.frameLocator('iframe.webview').first().frameLocator('iframe').first();
    const tables = frame.locator('table.comparison-table');
    await tables.first().waitFor({ timeout });
    await frame.locator('text=incomplete-supersedence').first().waitFor({ timeout });
    const lineAttribute = await tables.first().getAttribute('data-line', { timeout });
    const tableLine = Number(lineAttribute); // 0-based
    if (lineAttribute === null || !Number.isInteger(tableLine)) throw new Error('the comparison table carries no data-line');
    await runCommand(page, 'View: Focus First Editor Group', timeout);
    // The cursor on the included bulletin's id first: Go to Line centres the line it goes to.
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout });
    await page.keyboard.type(`${tableLine + 1}:5`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout });
    await scrollEditorToTop(page, tableLine + 1);
    await poll('a comparison table to be fully in view in the preview, and still', async () => {
      const before = await tables.evaluateAll(tablesInView);
      await page.waitForTimeout(250); // still: the same position a moment later
      const after = await tables.evaluateAll(tablesInView);
      return before.inView && after.inView && before.tops === after.tops;
    });
    await page.mouse.move(1200, 780); // away from anything with a tooltip
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(images, 'preview.png') });
  } finally {
    await browser.close().catch(() => undefined);
    await stopAll();
  }
}

main().then(
  () => console.log(`README pictures written to ${images}`),
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);

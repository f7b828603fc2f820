// `npm run shots:readme`: the README's pictures, taken in the real editor (code-server, see
// scripts/e2e) from the packaged extension: a cross-bulletin finding with its related location
// in the Problems panel, its quick fix, and the preview with the finding. Writes docs/images/.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { installExtension, startCodeServer } from './e2e/lib/code-server';
import { launchBrowser } from './e2e/lib/browser';
import { repoRoot } from './e2e/lib/paths';
import { prepareWorkspace } from './e2e/lib/workspace';
import { stopAll } from './e2e/lib/processes';

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

async function command(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout });
  await page.keyboard.press('Enter');
}

async function main(): Promise<void> {
  mkdirSync(images, { recursive: true });
  const vsix = join(work, 'bulletin.vsix');
  mkdirSync(work, { recursive: true });
  const packaged = spawnSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix], { cwd: repoRoot, encoding: 'utf8' });
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

    // 3. The preview beside it: the page as readers see it, the finding shown where it applies.
    await page.keyboard.press('Control+J'); // the panel makes room for the preview
    await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout });
    await command(page, 'Bulletin: Open Preview to the Side');
    const frame = page.frameLocator('iframe.webview').first().frameLocator('iframe').first();
    await frame.locator('table.comparison-table').first().waitFor({ timeout });
    await frame.locator('text=incomplete-supersedence').first().waitFor({ timeout });
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

/**
 * Issue 16 (smaller points) in chromium: an id in `related` is a link. In an exported page
 * (`bulletin render --out-dir`) it leads to the other bulletin's page; in the preview's
 * webview a click asks the host to open that bulletin (`openBulletin`, the source relative to
 * this one) and the webview itself goes nowhere. An id no bulletin has stays text. The
 * comparison tables sit under a heading of their own, after the editors' comment.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './chromium';
import { readExample, renderWorkspace } from '../fixtures/render/support';

// The functions handed to page.evaluate run in the browser; the project compiles without the DOM library.
declare const window: any;
declare const document: any;

const root = join(import.meta.dirname, '..', '..');
const out = join(root, 'test-output', 'browser-links');
const skip = !hasChromium && 'chromium is not installed (/usr/bin/chromium)';
const source = 'file:///ws/2004/MS04-029.bulletin.yaml';
let browser: Browser | undefined;

before(async () => {
  if (!hasChromium) return;
  mkdirSync(out, { recursive: true });
  execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'render', 'examples', '--out-dir', join(out, 'pages')], { cwd: root, stdio: 'pipe' });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

/** The headings above each comparison table, nearest first: what a reader takes the table to belong to. */
const headingsAbove = (page: Page) =>
  page.$eval('table.comparison-table', (table: any) => {
    const headings = [...document.querySelectorAll('h1, h2')];
    return headings.filter((h: any) => h.compareDocumentPosition(table) & 4 /* FOLLOWING */).map((h: any) => h.textContent).reverse();
  });

test('exported page: the related id links to the other page, which opens; the tables have their own heading', { skip }, async () => {
  const page = await browser!.newPage({ viewport: { width: 1000, height: 900 } });
  await page.goto(pathToFileURL(join(out, 'pages', 'MS04-029.html')).toString());
  const link = page.locator('tr.fact-related a.bulletin-ref', { hasText: 'MS04-012' });
  assert.equal(await link.getAttribute('href'), 'MS04-012.html');
  assert.equal((await headingsAbove(page))[0], '他のセキュリティ情報とのファイルの比較');
  await page.screenshot({ path: join(out, 'MS04-029-comparisons.png'), fullPage: true });
  await link.click();
  await page.waitForURL(/MS04-012\.html$/);
  assert.equal(await page.textContent('h1'), 'RPC/DCOM の脆弱性により、任意のコードが実行させられる');
  await page.close();
});

test('preview webview: a click on the related id asks the host for that bulletin and goes nowhere itself; an unknown id is text', { skip }, async () => {
  const unknown = readExample('MS04-029').replace('related:\n  - MS04-012', 'related:\n  - MS04-012\n  - MS99-404');
  const rendered = renderWorkspace([
    { uri: source, text: unknown },
    { uri: 'file:///ws/2004/older/MS04-012.bulletin.yaml', text: readExample('MS04-012') },
  ]);
  const page = await browser!.newPage({ viewport: { width: 900, height: 700 } });
  const initial = JSON.stringify({ source, locked: false }).replace(/"/g, '&quot;');
  await page.setContent(`<!DOCTYPE html><html><head><style>${readFileSync(join(root, 'client/media/preview.css'), 'utf8')}</style></head><body data-initial="${initial}"><div id="bulletin-root"></div></body></html>`);
  await page.addScriptTag({
    content: `window.__posted = [];
      window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => {} });`,
  });
  await page.addScriptTag({ path: join(root, 'client/media/preview.js') });
  const url = page.url();
  await page.evaluate((m: unknown) => window.postMessage(m, '*'), { type: 'update', source, version: 1, html: rendered.html, title: rendered.title, locked: false });
  await page.waitForSelector('a.bulletin-ref');
  const related = page.locator('tr.fact-related ul.refs > li');
  assert.deepEqual(await related.allTextContents(), ['MS04-012', 'MS99-404']);
  assert.equal(await page.locator('tr.fact-related a').count(), 1, 'only the id a bulletin has is a link');
  await page.locator('a.bulletin-ref', { hasText: 'MS04-012' }).click();
  const posted = await page.evaluate(() => window.__posted.filter((m: { type: string }) => m.type === 'openBulletin'));
  assert.deepEqual(posted, [{ type: 'openBulletin', source, path: 'older/MS04-012.bulletin.yaml' }]);
  assert.equal(page.url(), url, 'the webview did not navigate');
  await page.locator('tr.fact-related ul.refs > li', { hasText: 'MS99-404' }).click();
  // Its finding is worded in the page's language (the checker spoke English).
  assert.match(await page.locator('tr.fact-related li.finding').innerText(), /^警告 unresolved-reference .*MS99-404 のセキュリティ情報がワークスペースにありません/);
  assert.equal((await page.evaluate(() => window.__posted.filter((m: { type: string }) => m.type === 'openBulletin'))).length, 1);
  assert.equal((await headingsAbove(page))[0], '他のセキュリティ情報とのファイルの比較');
  await page.close();
});

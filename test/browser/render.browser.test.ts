/**
 * The exported pages in a real browser: `bulletin render` writes the examples and the XSS
 * fixture; chromium opens them, the tables read as the seed's, the stylesheet applies under
 * the page's CSP, no payload runs. Screenshots go to test-output/browser/.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './chromium';

// The functions handed to page.evaluate run in the browser; the project compiles without the DOM library.
declare const window: any;
declare const document: any;
declare function getComputedStyle(element: unknown): any;

const root = join(import.meta.dirname, '..', '..');
const out = join(root, 'test-output', 'browser');
const cli = join(root, 'dist', 'cli.js');
let browser: Browser | undefined;

before(async () => {
  if (!hasChromium) return;
  mkdirSync(out, { recursive: true });
  execFileSync(process.execPath, [cli, 'render', 'examples', '--out-dir', join(out, 'pages')], { cwd: root, stdio: 'pipe' });
  execFileSync(process.execPath, [cli, 'render', 'test/fixtures/render/xss.bulletin.yaml', '-o', join(out, 'pages', 'xss.html')], { cwd: root, stdio: 'pipe' });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

interface Watched {
  page: Page;
  dialogs: string[];
  errors: string[];
}

/** Opens a page with watchers for dialogs, errors and CSP violations installed before any of its content. */
async function open(file: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Watched> {
  const page = await browser!.newPage({ viewport: { width: 1000, height: 900 }, colorScheme });
  const watched: Watched = { page, dialogs: [], errors: [] };
  page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => watched.errors.push(error.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (event: { violatedDirective: string; blockedURI: string }) => w.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(pathToFileURL(join(out, 'pages', file)).toString());
  await page.waitForLoadState('load');
  return watched;
}

const comparisonRows = (page: Page, platform: string) =>
  page.$$eval(`table.comparison-table[data-platform="${platform}"] tr`, (rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim())));

test('MS04-029: the seed comparison table, the styled meters, a screenshot', { skip: !hasChromium && 'chromium is not installed (/usr/bin/chromium)' }, async () => {
  const { page, dialogs, errors } = await open('MS04-029.html');
  assert.deepEqual(await comparisonRows(page, 'nt4-server-sp6a'), [
    ['含まれるファイル', 'MS04-012', 'MS04-029'],
    ['ole32.dll', '4.0.1381.7263', '4.0.1381.7263'],
    ['rpcproxy.dll', '4.0.1381.7255', '含まれない'],
    ['rpcrt4.dll', '4.0.1381.7230', '4.0.1381.7303'],
    ['rpcss.exe', '4.0.1381.7263', '4.0.1381.7263'],
  ]);
  assert.equal(await page.textContent('ol.meter-severity li.current'), '2(重要)');
  assert.equal(await page.textContent('ol.meter-urgency li.current'), '早期適用');
  // The inline stylesheet passed the CSP (its hash): tables collapse, the chosen step is highlighted.
  assert.equal(await page.$eval('table.files', (t) => getComputedStyle(t).borderCollapse), 'collapse');
  const [current, other] = await page.$$eval('ol.meter-severity li', (items) => [getComputedStyle(items[1]).backgroundColor, getComputedStyle(items[0]).backgroundColor]);
  assert.notEqual(current, other);
  assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  await page.screenshot({ path: join(out, 'MS04-029.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(out, 'MS04-029-dark.png'), fullPage: false });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: join(out, 'MS04-029-print.png'), fullPage: false });
  await page.close();
});

test('MS04-029: each vulnerability shows its computed CVSS score and severity with the vector, and its CWE', { skip: !hasChromium && 'chromium is not installed (/usr/bin/chromium)' }, async () => {
  const { page, errors } = await open('MS04-029.html');
  const rows = await page.$$eval('li.vulnerability li.cvss', (items) =>
    items.map((li) => [li.className, li.querySelector('.cvss-version')!.textContent, li.querySelector('.cvss-score')?.textContent, li.querySelector('.cvss-severity')!.textContent, li.querySelector('.cvss-vector')!.textContent]),
  );
  assert.deepEqual(rows, [
    ['cvss severity-medium', 'CVSS 3.1', '6.5', '警告', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L'],
    ['cvss severity-medium', 'CVSS 4.0', '6.9', '警告', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:L/SC:N/SI:N/SA:N'],
  ]);
  assert.equal(await page.textContent('li.vulnerability .cwe'), "CWE-120 Buffer Copy without Checking Size of Input ('Classic Buffer Overflow')");
  // Beside the vulnerability, styled by the stylesheet under the CSP: the score is bold, the rows unbulleted.
  assert.equal(await page.$eval('.cvss-score', (el) => getComputedStyle(el).fontWeight), '700');
  assert.equal(await page.$eval('ul.cvss-scores', (el) => getComputedStyle(el).listStyleType), 'none');
  assert.deepEqual(errors, []);
  await page.locator('li.vulnerability').screenshot({ path: join(out, 'MS04-029-cvss.png') });
  await page.close();
});

test('MS04-012: rendered with its comparison against MS04-029', { skip: !hasChromium && 'chromium is not installed (/usr/bin/chromium)' }, async () => {
  const { page, errors } = await open('MS04-012.html');
  assert.equal(await page.textContent('h1'), 'RPC/DCOM の脆弱性により、任意のコードが実行させられる');
  assert.equal(await page.textContent('ol.meter-severity li.current'), '1(緊急)');
  assert.deepEqual(errors, []);
  await page.screenshot({ path: join(out, 'MS04-012.png'), fullPage: true });
  await page.close();
});

test('the XSS fixture: no payload runs, none becomes an element, every one is visible as text', { skip: !hasChromium && 'chromium is not installed (/usr/bin/chromium)' }, async () => {
  const { page, dialogs, errors } = await open('xss.html');
  const state = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: string }).__xss,
    violations: (window as unknown as { __violations: string[] }).__violations,
    scripts: document.querySelectorAll('script').length,
    images: document.querySelectorAll('img').length,
    iframes: document.querySelectorAll('iframe').length,
    styles: document.querySelectorAll('style').length,
    handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
    badLinks: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!).filter((href) => !/^(https?:|mailto:)/i.test(href)),
    bodyVisible: getComputedStyle(document.body).display !== 'none',
    text: document.body.innerText,
  }));
  assert.equal(state.xss, undefined);
  assert.deepEqual(state.violations, []);
  assert.deepEqual({ scripts: state.scripts, images: state.images, iframes: state.iframes, styles: state.styles }, { scripts: 0, images: 0, iframes: 0, styles: 1 });
  assert.deepEqual(state.handlers, []);
  assert.deepEqual(state.badLinks, []);
  assert.ok(state.bodyVisible);
  for (const marker of ['title', 'summary', 'summary-img', 'platform-name', 'file-name', 'description', 'workaround-note', 'unsupported-reason']) {
    assert.ok(state.text.includes(`window.__xss='${marker}'`), `payload ${marker} is not visible as text`);
  }
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  await page.screenshot({ path: join(out, 'xss.png'), fullPage: true });
  await page.close();
});

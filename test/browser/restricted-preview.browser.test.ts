/**
 * The preview in Restricted Mode (client/src/preview/restricted-page.ts) in chromium: the
 * bulletin is shown, and nothing runs, not even script a page smuggled in (an inline script,
 * an event handler, a javascript: link, a frame), because the page's CSP names no script source.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { hasChromium, launchChromium } from './chromium';
import { restrictedPreviewHtml } from '../../client/src/preview/restricted-page';
import { renderExample } from '../fixtures/render/support';

declare const window: any;
declare const document: any;

const skip = !hasChromium && 'chromium is not installed (/usr/bin/chromium)';
let browser: Browser | undefined;
before(async () => {
  if (hasChromium) browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

const hostile = [
  '<script>window.__ran = "inline script"</script>',
  '<img src="data:," onerror="window.__ran = \'event handler\'">',
  '<svg onload="window.__ran = \'svg onload\'"></svg>',
  '<iframe srcdoc="<script>parent.__ran = \'frame\'</script>"></iframe>',
  '<a id="js" href="javascript:window.__ran=\'link\'">x</a>',
].join('');

test('Restricted Mode: the page shows the bulletin and runs no script at all', { skip }, async () => {
  const page = await browser!.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const body = renderExample('MS04-029').html + hostile;
  await page.setContent(restrictedPreviewHtml({ body, stylesheet: 'preview.css', cspSource: "'self'" }));
  await page.click('#js').catch(() => undefined);
  await page.waitForFunction(() => document.readyState === 'complete');
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  assert.match(await page.evaluate(() => document.body.innerText), /MS04-029/);
  assert.match(await page.evaluate(() => document.body.innerText), /rpcrt4\.dll/);
  assert.ok(violations.length >= 2, `the CSP refused the page's scripts: ${violations.join(' | ')}`);
  await page.close();
});

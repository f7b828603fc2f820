/**
 * Issue 17, item 10: a Markdown image with a remote address in a summary is not fetched by the
 * exported page (nor the preview, which shows the server's same page body): chromium opens the
 * page from `bulletin render` and no request leaves for the image's host; the alt text is shown
 * as a link to it instead. The server renders images only when `bulletin.preview.allowRemoteImages` is on.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { hasChromium, launchChromium } from '../browser/chromium';
import { DiskWorkspace, example } from '../lsp/workspace-helpers';
import { ServerProcess, root } from '../lsp/server-process';

const cli = join(root, 'dist', 'cli.js');
const tracked = example('MS04-012').replace('summary: |\n', 'summary: |\n  ![tracking pixel](https://tracker.example/p.png)\n\n');
let browser: Browser | undefined;

before(async () => {
  if (hasChromium) browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

test('the exported page requests no remote image and shows the alt text as a link', { skip: !hasChromium && 'no chromium' }, async () => {
  const ws = new DiskWorkspace();
  try {
    ws.write('MS04-012.bulletin.yaml', tracked);
    execFileSync(process.execPath, [cli, 'render', 'MS04-012.bulletin.yaml', '-o', 'page.html'], { cwd: ws.folder, stdio: 'pipe' });
    const page = await browser!.newPage();
    const requested: string[] = [];
    // Nothing leaves the machine: every request is recorded and answered here.
    await page.route('**/*', (route) => {
      requested.push(route.request().url());
      return route.request().url().startsWith('file:') ? route.continue() : route.abort();
    });
    await page.goto(pathToFileURL(ws.path('page.html')).href);
    await page.waitForLoadState('load');
    assert.deepEqual(requested.filter((url) => !url.startsWith('file:')), [], 'no remote request');
    const link = page.locator('a.remote-image');
    assert.equal(await link.textContent(), 'tracking pixel');
    assert.equal(await link.getAttribute('href'), 'https://tracker.example/p.png');
    assert.equal(await page.locator('img').count(), 0);
    assert.match(readFileSync(ws.path('page.html'), 'utf8'), /img-src &#39;none&#39;;/, 'the CSP allows no image');
    await page.close();
  } finally {
    ws.dispose();
  }
});

test('the server renders the image only when bulletin.preview.allowRemoteImages is on', async () => {
  const server = await ServerProcess.start();
  try {
    const uri = 'file:///ws/MS04-012.bulletin.yaml';
    server.open(uri, tracked);
    const blocked = (await server.connection.sendRequest('bulletin/render', { uri })) as { html: string };
    assert.match(blocked.html, /<a class="remote-image" href="https:\/\/tracker\.example\/p\.png" rel="noopener noreferrer">tracking pixel<\/a>/);
    assert.doesNotMatch(blocked.html, /<img/);
    await server.changeSettings({ preview: { allowRemoteImages: true } });
    let allowed = '';
    for (let i = 0; i < 200 && !allowed.includes('<img'); i++) {
      allowed = ((await server.connection.sendRequest('bulletin/render', { uri })) as { html: string }).html;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.match(allowed, /<img src="https:\/\/tracker\.example\/p\.png" alt="tracking pixel">/);
  } finally {
    await server.stop();
  }
});

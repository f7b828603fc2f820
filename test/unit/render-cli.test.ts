/**
 * `node dist/cli.js render`: one standalone page per bulletin (stylesheet inline, CSP, no
 * script), the workspace of the file's folder for the comparison tables, clear usage errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../fixtures/render/support';

const cli = join(root, 'dist', 'cli.js');
const run = (args: string[], cwd = root) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });

test('render FILE -o OUT.html writes one standalone page with the stylesheet inline and the comparison table', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-render-'));
  try {
    const out = join(dir, 'nested', 'MS04-029.html');
    const result = run(['render', 'examples/MS04-029.bulletin.yaml', '-o', out]);
    assert.equal(result.status, 0, result.stderr);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>\n<html lang="ja">/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-/);
    const css = readFileSync(join(root, 'client', 'media', 'preview.css'), 'utf8');
    assert.ok(html.includes(`<style>${css}</style>`), 'the preview stylesheet is inline');
    assert.doesNotMatch(html, /<script|<link /);
    assert.match(html, /<td class="version absent">含まれない<\/td>/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('render without -o prints the page; --out-dir renders a folder, one page per bulletin', () => {
  const printed = run(['render', 'examples/MS04-012.bulletin.yaml']);
  assert.equal(printed.status, 0, printed.stderr);
  assert.match(printed.stdout, /<title>RPC\/DCOM の脆弱性により、任意のコードが実行させられる<\/title>/);
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-render-'));
  try {
    const result = run(['render', 'examples', '--out-dir', dir]);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(readdirSync(dir).sort(), ['MS04-012.html', 'MS04-029.html']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the workspace is the file\'s folder unless --workspace says otherwise', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-render-'));
  try {
    mkdirSync(join(dir, 'alone'));
    copyFileSync(join(root, 'examples', 'MS04-029.bulletin.yaml'), join(dir, 'alone', 'MS04-029.bulletin.yaml'));
    const alone = run(['render', join(dir, 'alone', 'MS04-029.bulletin.yaml')]);
    assert.equal(alone.status, 0, alone.stderr);
    assert.match(alone.stdout, /MS04-012 はワークスペースにないため、ファイルを比較できない。/);
    const withExamples = run(['render', join(dir, 'alone', 'MS04-029.bulletin.yaml'), '--workspace', join(root, 'examples')]);
    assert.match(withExamples.stdout, /<td class="version absent">含まれない<\/td>/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('usage errors exit 2 with a message: no file, several files without --out-dir, a missing file', () => {
  for (const [args, message] of [
    [['render'], /render needs a bulletin file/],
    [['render', 'examples'], /render of several files needs --out-dir DIR/],
    [['render', 'examples/nope.bulletin.yaml'], /no such file or folder/],
    [['render', 'examples/MS04-029.bulletin.yaml', '-o', 'x.html', '--out-dir', 'y'], /either -o FILE or --out-dir DIR/],
  ] as const) {
    const result = run([...args]);
    assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, message);
  }
});

test('a broken bulletin still renders (exit 0), its findings in the page', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-render-'));
  try {
    const file = join(dir, 'broken.bulletin.yaml');
    writeFileSync(file, 'bulletin: 1\nid: MS04-777\ntitle: [unclosed\n');
    const result = run(['render', file, '--lang', 'en']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /<code class="finding-code">yaml-syntax<\/code>/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

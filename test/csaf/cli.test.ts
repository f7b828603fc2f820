import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './cases';

const cli = join(root, 'dist', 'cli.js');
const flags = ['--publisher-name', 'HotFix Report', '--publisher-namespace', 'https://hotfix.test'];

function run(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('bulletin csaf FILE -o OUT writes the CSAF document; related bulletins beside it become references', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-csaf-'));
  const out = join(dir, 'ms04-029.json');
  const r = run(['csaf', ...flags, '-o', out, 'examples/MS04-029.bulletin.yaml']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^bulletin: wrote .*ms04-029\.json\n$/, 'says what it wrote, as render does');
  const csaf = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(csaf.document.tracking.id, 'MS04-029');
  assert.deepEqual(csaf.document.tracking.generator, { engine: { name: 'Bulletin' } });
  assert.equal(csaf.document.references.at(-1).url, 'http://www.microsoft.com/japan/technet/security/bulletin/ms04-012.asp');
});

test('without -o the document goes to stdout', () => {
  const r = run(['csaf', ...flags, 'examples/MS04-012.bulletin.yaml']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).document.tracking.id, 'MS04-012');
});

test('a failing export writes nothing, lists each failure at its YAML line, exits 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-csaf-'));
  const out = join(dir, 'x.json');
  const r = run(['csaf', ...flags, '-o', out, 'test/fixtures/csaf/duplicate-cve.bulletin.yaml']);
  assert.equal(r.code, 1);
  assert.equal(existsSync(out), false);
  assert.match(r.stderr, /^test\/fixtures\/csaf\/duplicate-cve\.bulletin\.yaml:13:9 error csaf-export The CSAF export would fail at `id` of item 2 of `vulnerabilities` \(CSAF test 6\.1\.23\): /m);
});

test('a bulletin with schema errors is refused (exit 1) with those errors', () => {
  const r = run(['csaf', ...flags, 'test/fixtures/csaf/schema-error.bulletin.yaml']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /has 1 error\(s\) to fix/);
  assert.match(r.stderr, /schema-error\.bulletin\.yaml:11:\d+ error schema /);
});

test('the publisher comes from .vscode/settings.json (comments allowed); without one the run is a usage error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-csaf-'));
  mkdirSync(join(dir, 'bulletins'));
  copyFileSync(join(root, 'examples', 'MS04-029.bulletin.yaml'), join(dir, 'bulletins', 'MS04-029.bulletin.yaml'));
  const missing = run(['csaf', 'bulletins/MS04-029.bulletin.yaml'], dir);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /bulletin\.csaf\.publisher/);
  mkdirSync(join(dir, '.vscode'));
  writeFileSync(
    join(dir, '.vscode', 'settings.json'),
    '{\n  // who publishes\n  "bulletin.csaf.publisher": { "name": "Lab // West", "namespace": "https://lab.test", "category": "vendor", },\n  /* more */\n}\n',
  );
  const r = run(['csaf', 'bulletins/MS04-029.bulletin.yaml'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).document.publisher, { category: 'vendor', name: 'Lab // West', namespace: 'https://lab.test' });
  const overridden = run(['csaf', '--publisher-category', 'coordinator', 'bulletins/MS04-029.bulletin.yaml'], dir);
  assert.equal(JSON.parse(overridden.stdout).document.publisher.category, 'coordinator');
  const bad = run(['csaf', '--publisher-category', 'nobody', 'bulletins/MS04-029.bulletin.yaml'], dir);
  assert.equal(bad.code, 2);
});

test('usage: exactly one file; an unreadable file exits 2', () => {
  assert.equal(run(['csaf', ...flags]).code, 2);
  assert.equal(run(['csaf', ...flags, 'a.bulletin.yaml', 'b.bulletin.yaml']).code, 2);
  const r = run(['csaf', ...flags, 'no/such.bulletin.yaml']);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, 'bulletin: cannot read no/such.bulletin.yaml: it does not exist (ENOENT)\n');
});

test('--base-url (or bulletin.csaf.baseUrl in the settings) adds the canonical URL as a self reference; a relative one is refused', () => {
  const flag = run(['csaf', ...flags, '--base-url', 'https://hotfix.test/csaf/', 'examples/MS04-029.bulletin.yaml']);
  assert.equal(flag.code, 0, flag.stderr);
  assert.deepEqual(JSON.parse(flag.stdout).document.references.at(-1), { category: 'self', summary: 'このアドバイザリの正規 URL', url: 'https://hotfix.test/csaf/ms04-029.json' });
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-csaf-'));
  mkdirSync(join(dir, '.vscode'));
  writeFileSync(join(dir, '.vscode', 'settings.json'), '{\n  // where the advisories are served\n  "bulletin.csaf.baseUrl": "https://hotfix.test/advisories",\n}\n');
  copyFileSync(join(root, 'examples', 'MS04-012.bulletin.yaml'), join(dir, 'MS04-012.bulletin.yaml'));
  const settings = run(['csaf', ...flags, join(dir, 'MS04-012.bulletin.yaml')]);
  assert.equal(settings.code, 0, settings.stderr);
  assert.equal(JSON.parse(settings.stdout).document.references.at(-1).url, 'https://hotfix.test/advisories/ms04-012.json');
  const none = run(['csaf', ...flags, 'examples/MS04-029.bulletin.yaml']);
  assert.ok(!JSON.parse(none.stdout).document.references.some((r: { category: string }) => r.category === 'self'));
  const bad = run(['csaf', ...flags, '--base-url', 'csaf/', 'examples/MS04-029.bulletin.yaml']);
  assert.equal(bad.code, 2, bad.stderr);
  assert.match(bad.stderr, /base URL must be an absolute web address/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const header = 'bulletin: 1\nid: MS04-029\ntitle: T\npublished: 2004-10-16\nseverity: important\n';

function run(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

test('the examples check clean: exit 0', () => {
  const r = run(['check', 'examples']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /2 bulletins checked: 0 errors/);
});

test('an error finding exits 1, in text form file:line:col severity code message', () => {
  const dir = workspace({ 'a/bad.bulletin.yaml': `${header}severty: low\n`, 'ignored.yaml': 'x: 1\n' });
  const r = run(['check', '.'], dir);
  assert.equal(r.code, 1);
  assert.equal(r.stdout.split('\n')[0], 'a/bad.bulletin.yaml:6:1 error schema Unknown key `severty`. Did you mean `severity`?');
});

test('--format json follows the contract', () => {
  const dir = workspace({ 'bad.bulletin.yml': `${header}kb: x\n` });
  const r = run(['check', '--format', 'json', dir], dir);
  assert.equal(r.code, 1);
  const report = JSON.parse(r.stdout);
  assert.equal(report.files, 1);
  assert.deepEqual(report.findings, [
    { file: 'bad.bulletin.yml', line: 6, column: 5, endLine: 6, endColumn: 6, code: 'schema', severity: 'error', message: '`kb` must be a whole number, not `x`.', related: [] },
  ]);
});

test('--rule changes a severity; a warning-only run exits 0', () => {
  const dir = workspace({ 'bad.bulletin.yaml': `${header}kb: x\n` });
  const r = run(['check', '--rule', 'schema=warning', '.'], dir);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /:6:5 warning schema/);
  const off = run(['check', '--rule', 'schema=off', '.'], dir);
  assert.equal(off.code, 0);
  assert.match(off.stdout, /0 errors, 0 warnings/);
});

test('usage and I/O errors exit 2 with a message on stderr', () => {
  for (const args of [[], ['check'], ['check', 'does-not-exist'], ['check', '--format', 'xml', 'examples'], ['frobnicate'], ['check', '--bogus', 'examples']]) {
    const r = run(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}`);
    assert.match(r.stderr, /bulletin: |Usage/);
  }
});

test('--lang ja gives Japanese messages with the same codes', () => {
  const dir = workspace({ 'bad.bulletin.yaml': `${header}severty: low\n` });
  const r = run(['check', '--lang', 'ja', '.'], dir);
  assert.match(r.stdout, /error schema 不明なキー `severty` です。/);
});

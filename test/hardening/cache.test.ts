/**
 * The warm-start cache is never trusted blindly (the CLI's `--cache` and the server share it):
 * a damaged, truncated, foreign, older-version or wrong-shaped cache, or a FIFO in its place,
 * is discarded whole with one line saying why, the findings are those of the files, and the
 * cache is written anew; a file changed with its size and mtime restored is read again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rewriteCache as rewrite } from './cache-files';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const example = (name: string) => readFileSync(join(root, 'examples', `${name}.bulletin.yaml`), 'utf8');
/** MS04-029 naming a bulletin nobody has: one warning. */
const dangling = example('MS04-029').replace('related:\n  - MS04-012 ', 'related:\n  - MS04-099\n  - MS04-012 ');

function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-cache-'));
  const cache = mkdtempSync(join(tmpdir(), 'bulletin-cache-dir-'));
  writeFileSync(join(dir, 'MS04-012.bulletin.yaml'), example('MS04-012'));
  writeFileSync(join(dir, 'MS04-029.bulletin.yaml'), dangling);
  const run = () => {
    const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--cache', cache, '.'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    return { code: r.status, findings: JSON.parse(r.stdout || '{"findings":null}').findings as { file: string; line: number; code: string; message: string }[], stderr: r.stderr };
  };
  const cacheFile = () => join(cache, readdirSync(cache).find((name) => name.endsWith('.cache'))!);
  const done = () => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  };
  return { dir, cache, run, cacheFile, done };
}

const summary = (findings: { file: string; line: number; code: string; message: string }[]) => findings.map((f) => `${f.file}:${f.line} ${f.code} ${f.message}`);

test('a sound cache serves the second run with the same findings', () => {
  const ws = setUp();
  try {
    const first = ws.run();
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(first.findings.map((f) => f.code), ['unresolved-reference']);
    const second = ws.run();
    assert.deepEqual(summary(second.findings), summary(first.findings));
    assert.equal(second.stderr, '');
  } finally {
    ws.done();
  }
});

test('a run that changes nothing leaves the cache as it is; a changed bulletin has it written again', () => {
  const ws = setUp();
  try {
    ws.run();
    const written = statSync(ws.cacheFile());
    const bytes = readFileSync(ws.cacheFile());
    const second = ws.run();
    assert.deepEqual(second.findings.map((f) => f.code), ['unresolved-reference']);
    assert.equal(statSync(ws.cacheFile()).mtimeMs, written.mtimeMs, 'not written again');
    assert.ok(readFileSync(ws.cacheFile()).equals(bytes));
    writeFileSync(join(ws.dir, 'MS04-029.bulletin.yaml'), dangling.replace('MS04-099', 'MS04-098'));
    const third = ws.run();
    assert.match(third.findings[0].message, /MS04-098/);
    const fourth = ws.run();
    assert.match(fourth.findings[0].message, /MS04-098/, 'the cache written by the third run serves the fourth');
    assert.notEqual(statSync(ws.cacheFile()).mtimeMs, written.mtimeMs, 'written again after the change');
  } finally {
    ws.done();
  }
});

const damages: [string, (path: string) => void | Promise<void>][] = [
  ['a byte changed inside a string (rpcproxy.dll → rpcproxz.dll)', (path) => {
    const bytes = readFileSync(path);
    const at = bytes.indexOf('rpcproxy.dll');
    assert.ok(at > 0);
    bytes[at + 7] = 'z'.charCodeAt(0);
    writeFileSync(path, bytes);
  }],
  ['a number changed (an offset to 9e9)', (path) => {
    const text = readFileSync(path, 'latin1');
    const changed = text.replace(/"offset":\d+/, '"offset":9e9');
    assert.notEqual(changed, text);
    writeFileSync(path, Buffer.from(changed, 'latin1'));
  }],
  ['truncated', (path) => writeFileSync(path, readFileSync(path).subarray(0, statSync(path).size - 7))],
  ['foreign bytes', (path) => writeFileSync(path, Buffer.from('\u0000\u0001not a cache at all, a file some other program wrote\n'.repeat(40)))],
  ['empty', (path) => writeFileSync(path, '')],
  ['an older version', (path) => rewrite(path, (value, i) => i === 0 && (value.format = 'bulletin-workspace-cache-7'))],
  ['a key renamed, with valid checksums', (path) => rewrite(path, (value, i) => {
    if (i === 1) {
      value.uri2 = value.uri;
      delete value.uri;
    }
  })],
  ['"problems": 12, with valid checksums', (path) => rewrite(path, (value, i) => i > 0 && (value.problems = 12))],
  ['a FIFO in its place', (path) => {
    rmSync(path);
    execFileSync('mkfifo', [path]);
  }],
];

for (const [name, damage] of damages) {
  test(`a cache ${name} is discarded whole, said once, and written anew`, async () => {
    const ws = setUp();
    try {
      const first = ws.run();
      const path = ws.cacheFile();
      await damage(path);
      const second = ws.run();
      assert.equal(second.code, 0, second.stderr);
      assert.deepEqual(summary(second.findings), summary(first.findings), 'the findings of the files, not of the cache');
      const lines = second.stderr.trim().split('\n').filter(Boolean);
      if (name !== 'empty' && name !== 'a FIFO in its place') assert.equal(lines.length, 1, second.stderr);
      if (lines.length > 0) assert.match(lines[0], /cache .* was discarded \(.+\); it is written anew/);
      assert.ok(statSync(path).isFile(), 'the cache is a file again');
      const third = ws.run();
      assert.equal(third.stderr, '', 'the rewritten cache is sound');
      assert.deepEqual(summary(third.findings), summary(first.findings));
    } finally {
      ws.done();
    }
  });
}

test('a record whose arrays are wrong behind valid checksums is never used: its file is read, and the cache written anew', async () => {
  const ws = setUp();
  try {
    const first = ws.run();
    // MS04-029's line starts out of order: the record checks out by its checksum and JSON alone.
    await rewrite(ws.cacheFile(), (value, _i, arrays) => {
      if (String(value.uri).endsWith('MS04-029.bulletin.yaml')) arrays[1].reverse();
    });
    const damaged = readFileSync(ws.cacheFile());
    const second = ws.run();
    assert.equal(second.code, 0, second.stderr);
    assert.deepEqual(summary(second.findings), summary(first.findings), 'the findings of the files');
    assert.equal(second.stderr, '');
    assert.ok(!readFileSync(ws.cacheFile()).equals(damaged), 'the cache was written anew');
    const written = readFileSync(ws.cacheFile());
    const third = ws.run();
    assert.deepEqual(summary(third.findings), summary(first.findings));
    assert.ok(readFileSync(ws.cacheFile()).equals(written), 'the new cache serves the next run as it is');
  } finally {
    ws.done();
  }
});

test('a file changed with its size and mtime restored (as cp -p or rsync -t leave it) is read again', () => {
  const ws = setUp();
  try {
    const first = ws.run();
    assert.deepEqual(first.findings.map((f) => f.code), ['unresolved-reference']);
    const file = join(ws.dir, 'MS04-029.bulletin.yaml');
    const before = statSync(file);
    const changed = dangling.replace('MS04-099', 'MS04-098');
    assert.equal(Buffer.byteLength(changed), before.size);
    const reference = join(ws.cache, 'reference');
    execFileSync('cp', ['-p', file, reference]);
    writeFileSync(file, changed);
    execFileSync('touch', ['-r', reference, file]);
    assert.equal(statSync(file).mtimeMs, before.mtimeMs);
    const second = ws.run();
    assert.match(second.findings[0].message, /MS04-098/);
  } finally {
    ws.done();
  }
});

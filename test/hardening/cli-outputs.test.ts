/**
 * Outputs never overwrite what they should not (issue 17.7, 17.8): clashing pages, an output
 * naming an input, a symbolic link at the output path, a folder, a missing parent, a name too
 * long; each is refused with one line on stderr and exit 2, and nothing is written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, oneLine, root, run, workspace } from '../cli/support';

const example = join(root, 'examples', 'MS04-029.bulletin.yaml');
const flags = ['--publisher-name', 'HotFix Report', '--publisher-namespace', 'https://hotfix.test'];

function twoFolders(): string {
  const dir = workspace({}, 'bulletin-outputs-');
  for (const folder of ['a', 'b']) {
    mkdirSync(join(dir, folder));
    copyFileSync(example, join(dir, folder, 'MS04-029.bulletin.yaml'));
  }
  return dir;
}

test('render --out-dir refuses two bulletins that would write the same page, and writes nothing', () => {
  const dir = twoFolders();
  const r = run(['render', '--out-dir', 'out', 'a/MS04-029.bulletin.yaml', 'b/MS04-029.bulletin.yaml'], { cwd: dir });
  assert.equal(r.code, 2, r.stderr);
  assert.match(oneLine(r.stderr), /^bulletin: .*out\/MS04-029\.html.*a\/MS04-029\.bulletin\.yaml.*b\/MS04-029\.bulletin\.yaml/);
  assert.equal(existsSync(join(dir, 'out', 'MS04-029.html')), false);
  // A folder holding both is refused the same way.
  const folders = run(['render', '--out-dir', 'out', '.'], { cwd: dir });
  assert.equal(folders.code, 2);
  assert.match(oneLine(folders.stderr), /MS04-029\.html/);
});

test('render and csaf refuse -o naming the input (or any bulletin); the bulletin is unchanged', () => {
  const dir = twoFolders();
  const before = readFileSync(join(dir, 'a', 'MS04-029.bulletin.yaml'), 'utf8');
  for (const args of [
    ['render', 'a/MS04-029.bulletin.yaml', '-o', 'a/MS04-029.bulletin.yaml'],
    ['render', 'a/MS04-029.bulletin.yaml', '-o', './a/../a/MS04-029.bulletin.yaml'],
    ['render', 'a/MS04-029.bulletin.yaml', '-o', 'b/MS04-029.bulletin.yaml'],
    ['csaf', ...flags, 'a/MS04-029.bulletin.yaml', '-o', 'a/MS04-029.bulletin.yaml'],
  ]) {
    const r = run(args, { cwd: dir });
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(oneLine(r.stderr), /^bulletin: refusing to (write|overwrite)/, args.join(' '));
  }
  // A hard link to the input under another name is the input too.
  const dir2 = twoFolders();
  const input = join(dir2, 'a', 'MS04-029.bulletin.yaml');
  const linked = join(dir2, 'same.json');
  require('node:fs').linkSync(input, linked);
  const hard = run(['csaf', ...flags, 'a/MS04-029.bulletin.yaml', '-o', 'same.json'], { cwd: dir2 });
  assert.equal(hard.code, 2, hard.stderr);
  assert.match(oneLine(hard.stderr), /refusing to overwrite the input/);
  assert.equal(readFileSync(join(dir, 'a', 'MS04-029.bulletin.yaml'), 'utf8'), before);
  assert.equal(readFileSync(input, 'utf8'), before);
  assert.equal(readFileSync(join(dir, 'b', 'MS04-029.bulletin.yaml'), 'utf8'), before);
});

test('a symbolic link at the output path is never followed: refused, and its target is unchanged', () => {
  const dir = twoFolders();
  const outside = join(workspace({ 'victim.txt': 'keep me\n' }), 'victim.txt');
  mkdirSync(join(dir, 'out'));
  symlinkSync(outside, join(dir, 'out', 'MS04-029.html'));
  symlinkSync(outside, join(dir, 'page.html'));
  symlinkSync(outside, join(dir, 'advisory.json'));
  symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling.json'));
  for (const args of [
    ['render', '--out-dir', 'out', 'a/MS04-029.bulletin.yaml'],
    ['render', '-o', 'page.html', 'a/MS04-029.bulletin.yaml'],
    ['csaf', ...flags, '-o', 'advisory.json', 'a/MS04-029.bulletin.yaml'],
    ['csaf', ...flags, '-o', 'dangling.json', 'a/MS04-029.bulletin.yaml'],
  ]) {
    const r = run(args, { cwd: dir });
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(oneLine(r.stderr), /^bulletin: refusing to write .*symbolic link/, args.join(' '));
  }
  assert.equal(readFileSync(outside, 'utf8'), 'keep me\n');
  assert.equal(existsSync(join(dir, 'nowhere')), false);
  assert.ok(lstatSync(join(dir, 'page.html')).isSymbolicLink());
  // No temporary file is left behind.
  assert.deepEqual(readdirSync(join(dir, 'out')), ['MS04-029.html']);
});

test('an existing output file is replaced whole; no temporary file is left', () => {
  const dir = twoFolders();
  writeFileSync(join(dir, 'advisory.json'), 'old and longer than nothing\n'.repeat(1000));
  const r = run(['csaf', ...flags, '-o', 'advisory.json', 'a/MS04-029.bulletin.yaml'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(readFileSync(join(dir, 'advisory.json'), 'utf8')).document.tracking.id, 'MS04-029');
  const page = run(['render', '-o', 'page.html', 'a/MS04-029.bulletin.yaml'], { cwd: dir });
  assert.equal(page.code, 0, page.stderr);
  assert.deepEqual(readdirSync(dir).sort(), ['a', 'advisory.json', 'b', 'page.html']);
});

test('csaf -o to a folder, into a missing parent or with a name too long: one line, exit 2, no stack trace', () => {
  const dir = twoFolders();
  mkdirSync(join(dir, 'folder'));
  const cases: [string, RegExp][] = [
    ['folder', /cannot write folder: it is a folder/],
    ['missing/parent/x.json', /cannot write missing\/parent\/x\.json: the folder missing\/parent does not exist/],
    [`${'x'.repeat(300)}.json`, /cannot write x+\.json: the name is too long/],
    ['a/MS04-029.bulletin.yaml/x.json', /cannot write .*: a\/MS04-029\.bulletin\.yaml is not a folder/],
  ];
  for (const [out, message] of cases) {
    const r = run(['csaf', ...flags, '-o', out, 'a/MS04-029.bulletin.yaml'], { cwd: dir });
    assert.equal(r.code, 2, `${out}: ${r.stderr}`);
    const line = oneLine(r.stderr);
    assert.match(line, message);
    assert.doesNotMatch(line, /\bat |Error:/);
  }
  assert.deepEqual(readdirSync(dir).sort(), ['a', 'b', 'folder']);
  assert.deepEqual(readdirSync(join(dir, 'folder')), []);
});

test('file names with control characters or newlines are escaped in text output and on stderr', () => {
  const evil = 'evil\n0 errors\u001b[2J\r.bulletin.yaml';
  const dir = workspace({ [evil]: 'bulletin: 1\nid: MS04-029\nseverty: x\n' }, 'bulletin-names-');
  const r = run(['check', '.'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  assert.doesNotMatch(r.stdout, /\u001b|\r/);
  const lines = r.stdout.trim().split('\n');
  // Every finding stays on its own line, its file name JSON-escaped.
  for (const line of lines.slice(0, -1)) assert.ok(line.startsWith('"evil\\n0 errors\\u001b[2J\\r.bulletin.yaml":'), line);
  assert.match(lines.at(-1)!, /^1 bulletin checked: /);
  // On stderr: a path that does not exist, and a file that cannot be read.
  const missing = run(['check', 'no\nsuch\u001b[31m'], { cwd: dir });
  assert.equal(missing.code, 2);
  assert.equal(oneLine(missing.stderr), 'bulletin: no such file or folder: "no\\nsuch\\u001b[31m"');
  const rendered = run(['render', '-o', 'x\n.html', evil], { cwd: dir });
  assert.equal(rendered.code, 0, rendered.stderr);
  assert.equal(oneLine(rendered.stderr), 'bulletin: wrote "x\\n.html"');
  const csaf = run(['csaf', ...flags, evil], { cwd: dir });
  assert.equal(csaf.code, 1);
  for (const line of csaf.stderr.trim().split('\n')) assert.doesNotMatch(line, /\u001b|\r/);
  assert.match(csaf.stderr, /^"evil\\n0 errors\\u001b\[2J\\r\.bulletin\.yaml":\d+:\d+ error /m);
});

test('render from an installation without the preview stylesheet says so in one line, not with a stack', () => {
  // The bundled command line copied away from `client/media/`: an incomplete installation.
  const installed = mkdtempSync(join(tmpdir(), 'bulletin-no-stylesheet-'));
  try {
    mkdirSync(join(installed, 'dist'));
    copyFileSync(join(root, 'dist', 'cli.js'), join(installed, 'dist', 'cli.js'));
    const r = spawnSync(process.execPath, [join(installed, 'dist', 'cli.js'), 'render', 'examples/MS04-029.bulletin.yaml'], { cwd: root, encoding: 'utf8', env: cleanEnv() });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(oneLine(r.stderr), /^bulletin: the preview stylesheet was not found \(looked in .*\): the installation is incomplete$/);
  } finally {
    rmSync(installed, { recursive: true, force: true });
  }
});

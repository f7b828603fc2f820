/**
 * `bulletin check` and suppression comments: accepted findings are not reported and never fail
 * the run; `--show-suppressed` lists them with their reasons in text, JSON and SARIF (each a
 * result with an `inSource` suppression whose justification is the reason); a stale or
 * reasonless suppression is a `suppression` warning like any other finding.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const fixtures = join(root, 'test', 'fixtures', 'workspaces');

function run(args: string[], cwd = fixtures) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C', NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ACCEPTED = [
  'trap-suppression/a.bulletin.yaml:12:11 suppressed unresolved-reference',
  'trap-suppression/a.bulletin.yaml:16:5 suppressed missing-registry-check',
  'trap-suppression/a.bulletin.yaml:24:15 suppressed date-order',
  'trap-suppression/a.bulletin.yaml:29:5 suppressed missing-registry-check',
];

test('accepted findings are not reported: the trap workspace checks clean, exit 0', () => {
  const r = run(['check', 'trap-suppression']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, '1 bulletin checked: 0 errors, 0 warnings, 0 other.\n');
});

test('--show-suppressed lists them in the text report, with the line and reason of the comment, and still exits 0', () => {
  const r = run(['check', '--show-suppressed', 'trap-suppression']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.deepEqual(lines.slice(0, 4).map((line) => line.split(' ').slice(0, 3).join(' ')), ACCEPTED);
  assert.match(lines[2], / \(suppressed at line 23: the file was re-released on 2005-01-06 \(V2\.0\)\)$/);
  assert.match(lines[1], / \(suppressed at line 2: the vendor gives no registry key for this update\)$/);
  assert.deepEqual(lines.slice(4), ['1 bulletin checked: 0 errors, 0 warnings, 0 other.', 'Suppressed in place: 4.']);
  const ja = run(['check', '--show-suppressed', '--lang', 'ja', 'trap-suppression']);
  assert.match(ja.stdout, /\(23 行目で抑制: the file was re-released on 2005-01-06 \(V2\.0\)\)/);
  assert.match(ja.stdout, /コメントで抑制: 4 件。/);
});

test('stale, reasonless, unknown and misplaced suppressions are warnings; what they meant to accept stays reported', () => {
  const r = run(['check', 'suppression']);
  assert.equal(r.code, 0, r.stdout);
  const found = r.stdout.trim().split('\n').slice(0, -1).map((line) => line.split(' ').slice(0, 3).join(' '));
  assert.deepEqual(found, [
    'suppression/a.bulletin.yaml:2:24 warning suppression',
    'suppression/a.bulletin.yaml:8:19 warning suppression',
    'suppression/a.bulletin.yaml:12:1 warning suppression',
    'suppression/a.bulletin.yaml:13:11 warning unresolved-reference',
    'suppression/a.bulletin.yaml:24:27 warning suppression',
    'suppression/a.bulletin.yaml:25:15 warning date-order',
    'suppression/a.bulletin.yaml:28:5 warning suppression',
  ]);
  assert.equal(run(['check', '--max-warnings', '0', 'suppression']).code, 1);
  assert.equal(run(['check', '--rule', 'suppression=off', '--rule', 'date-order=off', '--rule', 'unresolved-reference=off', 'suppression']).stdout, '1 bulletin checked: 0 errors, 0 warnings, 0 other.\n');
});

test('--format json carries `suppressed` (with each reason) only when asked', () => {
  const plain = JSON.parse(run(['check', '--format', 'json', 'trap-suppression']).stdout);
  assert.deepEqual(plain.findings, []);
  assert.equal('suppressed' in plain, false);
  const shown = JSON.parse(run(['check', '--format', 'json', '--show-suppressed', 'trap-suppression']).stdout);
  assert.deepEqual(shown.findings, []);
  assert.equal(shown.suppressed.length, 4);
  const dateOrder = shown.suppressed.find((f: { code: string }) => f.code === 'date-order');
  assert.deepEqual(
    { file: dateOrder.file, line: dateOrder.line, column: dateOrder.column, severity: dateOrder.severity, suppression: dateOrder.suppression },
    { file: 'trap-suppression/a.bulletin.yaml', line: 24, column: 15, severity: 'warning', suppression: { kind: 'line', reason: 'the file was re-released on 2005-01-06 (V2.0)', line: 23, column: 9 } },
  );
  assert.deepEqual(shown.suppressed.filter((f: { suppression: { kind: string } }) => f.suppression.kind === 'file').map((f: { code: string }) => f.code), ['missing-registry-check', 'missing-registry-check']);
});

test('--format sarif --show-suppressed: each accepted finding is a result with an inSource suppression and its justification; the schema accepts the log', () => {
  const r = run(['check', '--format', 'sarif', '--show-suppressed', 'trap-suppression']);
  assert.equal(r.code, 0, r.stderr);
  const log = JSON.parse(r.stdout);
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const schema = ajv.compile(JSON.parse(readFileSync(join(root, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')));
  // A plain boolean (not a type guard), so the log keeps its type after the check.
  const valid: boolean = schema(log);
  assert.ok(valid, JSON.stringify(schema.errors, null, 2));
  const results = log.runs[0].results as { ruleId: string; suppressions?: { kind: string; justification: string; location: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } } }[]; locations: { physicalLocation: { region: { startLine: number } } }[] }[];
  const suppressed = results.filter((result) => result.suppressions);
  assert.equal(suppressed.length, 4);
  assert.equal(results.length, 4);
  const dateOrder = suppressed.find((result) => result.ruleId === 'date-order')!;
  assert.deepEqual(dateOrder.suppressions, [
    { kind: 'inSource', justification: 'the file was re-released on 2005-01-06 (V2.0)', location: { physicalLocation: { artifactLocation: { uri: 'trap-suppression/a.bulletin.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 23, startColumn: 9 } } } },
  ]);
  assert.equal(dateOrder.locations[0].physicalLocation.region.startLine, 24);
  // Without the option, no result is suppressed.
  const plain = JSON.parse(run(['check', '--format', 'sarif', 'trap-suppression']).stdout);
  assert.deepEqual(plain.runs[0].results, []);
});

test('--cache: a record revived from the cache carries its comments, and a warm run still lists the suppressed findings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-suppressed-'));
  const cache = join(dir, '.cache');
  writeFileSync(join(dir, 'a.bulletin.yaml'), readFileSync(join(fixtures, 'trap-suppression', 'a.bulletin.yaml'), 'utf8'));
  const first = run(['check', '--cache', cache, '.'], dir);
  assert.equal(first.stdout, '1 bulletin checked: 0 errors, 0 warnings, 0 other.\n', first.stderr);
  // Another file changes the findings' digest: a.bulletin.yaml's record comes from the cache and is checked again.
  writeFileSync(join(dir, 'b.bulletin.yaml'), 'bulletin: 1\nid: MS05-099\nkb: 890099\ntitle: T\npublished: 2005-01-01\nseverity: low\nexploit: none\nurgency: early\n');
  const second = run(['check', '--cache', cache, '--format', 'json', '--show-suppressed', '.'], dir);
  const report = JSON.parse(second.stdout);
  // MS05-099 now exists: the unresolved-reference suppression is stale, the rest still accepted.
  assert.deepEqual(report.findings.map((f: { file: string; line: number; code: string }) => `${f.file}:${f.line} ${f.code}`), ['a.bulletin.yaml:11 suppression']);
  assert.deepEqual(report.suppressed.map((f: { line: number; code: string }) => `${f.line} ${f.code}`), ['16 missing-registry-check', '24 date-order', '29 missing-registry-check']);
  // A warm run whose findings are restored whole still lists the suppressed ones (it checks again for them).
  const warm = JSON.parse(run(['check', '--cache', cache, '--format', 'json', '--show-suppressed', '.'], dir).stdout);
  assert.equal(warm.suppressed.length, 3);
});

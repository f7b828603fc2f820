import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { rules } from '../../server/src/core/rules';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const header = (id: string) => `bulletin: 1\nid: ${id}\ntitle: T\npublished: 2004-10-16\nseverity: important\n`;
// The SARIF 2.1.0 schema (draft-04) as shipped by the npm package @microsoft/jest-sarif; never fetched.
const schemaPath = join(root, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

function validator() {
  // unicodeRegExp off: the schema's `language` pattern has a stray `]` that only non-unicode regular expressions accept.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  // A plain boolean (not a type guard), so the log keeps its type after the check.
  return Object.assign((data: unknown): boolean => validate(data), { get errors() { return validate.errors; } });
}

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-sarif-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

test('--format sarif writes SARIF 2.1.0 that the schema accepts: one run, every registry rule, locations and related locations', () => {
  const dir = workspace({
    'a/one.bulletin.yaml': `${header('MS04-001')}kb: x\n`,
    'b/two.bulletin.yaml': header('MS04-001'),
    'b/three.bulletin.yaml': `${header('MS04-003')}related: [MS09-999]\n`,
  });
  const r = run(['check', '--format', 'sarif', '.'], dir);
  assert.equal(r.code, 1, r.stderr);
  const log = JSON.parse(r.stdout);
  const validate = validator();
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  // The schema does reject what 2.1.0 forbids (so the check above can fail).
  assert.equal(validate({ ...log, runs: [{ ...log.runs[0], results: [{ ...log.runs[0].results[0], level: 'information' }] }] }), false);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const run0 = log.runs[0];
  const ruleIds = run0.tool.driver.rules.map((rule: { id: string }) => rule.id);
  assert.deepEqual(ruleIds, rules.map((rule) => rule.code));
  for (const rule of run0.tool.driver.rules) {
    assert.match(rule.helpUri, new RegExp(`^https://github\\.com/.*/docs/rules\\.md#${rule.id}$`));
    const registered = rules.find((r) => r.code === rule.id)!;
    assert.equal(rule.shortDescription.text, registered.title.en);
    assert.equal(rule.fullDescription.markdown, registered.description);
    assert.doesNotMatch(rule.fullDescription.text, /`/);
  }
  const schema = run0.results.find((x: { ruleId: string }) => x.ruleId === 'schema');
  assert.deepEqual(schema.locations[0].physicalLocation, {
    artifactLocation: { uri: 'a/one.bulletin.yaml', uriBaseId: '%SRCROOT%' },
    region: { startLine: 6, startColumn: 5, endLine: 6, endColumn: 6 },
  });
  assert.equal(run0.tool.driver.rules[schema.ruleIndex].id, 'schema');
  assert.equal(schema.level, 'error');
  const duplicate = run0.results.find((x: { ruleId: string }) => x.ruleId === 'duplicate-id');
  assert.ok(duplicate, 'a duplicate-id result');
  assert.ok(duplicate.relatedLocations.length >= 1);
  assert.match(duplicate.relatedLocations[0].physicalLocation.artifactLocation.uri, /\.bulletin\.yaml$/);
  const unresolved = run0.results.find((x: { ruleId: string }) => x.ruleId === 'unresolved-reference');
  assert.equal(unresolved.level, 'warning');
  assert.equal(run0.invocations[0].executionSuccessful, true);
});

test('a clean run is valid SARIF with no results and exits 0', () => {
  const r = run(['check', '--format', 'sarif', 'examples'], root);
  assert.equal(r.code, 0, r.stderr);
  const log = JSON.parse(r.stdout);
  assert.ok(validator()(log));
  assert.deepEqual(log.runs[0].results, []);
});

test('--max-warnings N fails the run past N warnings, in every format', () => {
  const dir = workspace({ 'w.bulletin.yaml': `${header('MS04-003')}related: [MS09-998, MS09-999]\n` });
  assert.equal(run(['check', '.'], dir).code, 0);
  assert.equal(run(['check', '--max-warnings', '2', '.'], dir).code, 0);
  assert.equal(run(['check', '--max-warnings', '1', '.'], dir).code, 1);
  assert.equal(run(['check', '--format', 'sarif', '--max-warnings', '0', '.'], dir).code, 1);
  assert.equal(run(['check', '--format', 'json', '--max-warnings', '0', '.'], dir).code, 1);
  const bad = run(['check', '--max-warnings', 'many', '.'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--max-warnings takes a whole number/);
});

/**
 * `bulletin check --format sarif` passes Microsoft's SARIF validator (`sarif-multitool validate`,
 * npm @microsoft/sarif-multitool, a platform binary shipped inside the npm package) with no
 * error and no warning (issue 20.4), and links to public documentation, never to a local file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, root, run } from './support';
import { rules } from '../../server/src/core/rules';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; repository: { url: string }; homepage: string };
const repository = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
const multitool = join(root, 'node_modules', '.bin', 'sarif-multitool');
const workspaceWithFindings = join(root, 'test', 'fixtures', 'workspaces', 'locale-every-rule');

interface ValidatorResult {
  ruleId: string;
  level?: string;
  message: { text?: string; id?: string; arguments?: string[] };
}

/**
 * Runs the validator over SARIF logs; returns its error and warning results. The validator
 * fetches a log's `$schema` over HTTP when it can: a proxy that refuses every connection keeps
 * it off the network (it then validates against the SARIF 2.1.0 schema it ships with).
 */
function validate(logs: Record<string, string>): ValidatorResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-multitool-'));
  const files = Object.entries(logs).map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  });
  const output = join(dir, 'validation.sarif');
  const refused = 'http://127.0.0.1:9';
  const result = spawnSync(multitool, ['validate', '--output', output, ...files], {
    encoding: 'utf8',
    env: cleanEnv({ HTTPS_PROXY: refused, HTTP_PROXY: refused, https_proxy: refused, http_proxy: refused, NO_PROXY: '', DOTNET_CLI_TELEMETRY_OPTOUT: '1' }),
  });
  assert.equal(result.status, 0, result.stdout + result.stderr);
  const log = JSON.parse(readFileSync(output, 'utf8')) as { runs: { results: ValidatorResult[] }[] };
  // A result without a level is a warning (SARIF's default).
  return log.runs[0].results.filter((r) => ['error', 'warning'].includes(r.level ?? 'warning'));
}

const describe = (results: ValidatorResult[]) => results.map((r) => `${r.ruleId}: ${r.message.text ?? r.message.arguments?.join(' ')}`).join('\n');

test('sarif-multitool validate finds no error and no warning in the examples, in a workspace with every finding, and in one with suppressed findings', () => {
  const examples = run(['check', '--format', 'sarif', 'examples']);
  assert.equal(examples.code, 0, examples.stderr);
  const findings = run(['check', '--format', 'sarif', workspaceWithFindings]);
  assert.equal(findings.code, 1, findings.stderr);
  assert.ok(JSON.parse(findings.stdout).runs[0].results.length >= rules.length - 1, 'the fixture has findings');
  // The validator does report what it should (so the test can fail): a log without a tool version.
  const unversioned = JSON.parse(examples.stdout);
  delete unversioned.runs[0].tool.driver.version;
  delete unversioned.runs[0].tool.driver.semanticVersion;
  // Findings accepted in place: results with an in-source suppression and its justification.
  const suppressed = run(['check', '--format', 'sarif', '--show-suppressed', join(root, 'test', 'fixtures', 'workspaces', 'trap-suppression')]);
  assert.equal(suppressed.code, 0, suppressed.stderr);
  assert.ok(JSON.parse(suppressed.stdout).runs[0].results.every((r: { suppressions?: unknown[] }) => r.suppressions?.length === 1), 'every result is suppressed');
  const problems = validate({ 'examples.sarif': examples.stdout, 'findings.sarif': findings.stdout, 'suppressed.sarif': suppressed.stdout, 'unversioned.sarif': JSON.stringify(unversioned) });
  const ours = problems.filter((r) => !JSON.stringify(r).includes('unversioned.sarif'));
  assert.deepEqual(ours, [], describe(ours));
  assert.ok(problems.some((r) => r.ruleId === 'SARIF2005'), `the validator flags a missing tool version:\n${describe(problems)}`);
});

test('informationUri and every helpUri are the public documentation from package.json; the driver has a version', () => {
  const r = run(['check', '--format', 'sarif', workspaceWithFindings]);
  const log = JSON.parse(r.stdout);
  const driver = log.runs[0].tool.driver;
  assert.doesNotMatch(JSON.stringify(driver), /file:/);
  assert.equal(driver.version, pkg.version);
  assert.equal(driver.semanticVersion, pkg.version);
  assert.equal(driver.informationUri, pkg.homepage);
  assert.match(repository, /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
  for (const rule of driver.rules) {
    assert.equal(rule.helpUri, `${repository}/blob/main/docs/rules.md#${rule.id}`);
    assert.ok(rule.help.markdown.includes(rule.helpUri));
    assert.notEqual(rule.name?.toLowerCase(), rule.id.toLowerCase());
  }
  // The anchors exist in docs/rules.md (GitHub makes `## code` into `#code`).
  const doc = readFileSync(join(root, 'docs', 'rules.md'), 'utf8');
  for (const rule of driver.rules) assert.match(doc, new RegExp(`^## ${rule.id}$`, 'm'));
});

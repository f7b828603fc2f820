/**
 * Every rule code over fixture workspaces (test/fixtures/workspaces/<case>/): a finding is
 * expected exactly where a line says `# expect: CODE SEVERITY` (several separated by `;`), and
 * its related location exactly on a line that says `related: CODE`. Workspaces named `trap-*`
 * mark nothing: they must come out clean.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkFiles, type Finding } from '../../../server/src/cli/check';
import { findBulletins } from '../../../server/src/cli/files';
import { rules } from '../../../server/src/core/rules';

const root = join(__dirname, '..', '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'workspaces');

interface Marks {
  expected: string[];
  related: Map<string, Set<string>>;
}

function marksOf(folder: string): Marks {
  const expected: string[] = [];
  const related = new Map<string, Set<string>>();
  for (const path of findBulletins([folder])) {
    const file = relative(folder, path);
    readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
      const expect = /# expect: ([^#]*?)(?:\s+related:|$)/.exec(line);
      if (expect) for (const item of expect[1].split(';')) expected.push(`${file}:${i + 1} ${item.trim()}`);
      for (const match of line.matchAll(/related: ([a-z-]+)/g)) {
        if (!related.has(match[1])) related.set(match[1], new Set());
        related.get(match[1])!.add(`${file}:${i + 1}`);
      }
    });
  }
  return { expected: expected.sort(), related };
}

async function check(folder: string): Promise<Finding[]> {
  return (await checkFiles(findBulletins([folder]), { locale: 'en' }, folder)).findings;
}

// Workspaces of this suite: those that mark findings, and the traps (other suites keep theirs here too).
const cases = readdirSync(fixtures, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .filter((name) => name.startsWith('trap-') || marksOf(join(fixtures, name)).expected.length > 0)
  .sort();

for (const name of cases) {
  test(`fixture workspace ${name}`, async () => {
    const folder = join(fixtures, name);
    const { expected, related } = marksOf(folder);
    if (name.startsWith('trap-')) assert.deepEqual(expected, [], 'a trap marks no finding');
    else assert.ok(expected.length > 0, 'a rule fixture marks at least one finding');
    const findings = await check(folder);
    assert.deepEqual(findings.map((f) => `${f.file}:${f.line} ${f.code} ${f.severity}`).sort(), expected, JSON.stringify(findings.map((f) => f.message), null, 1));
    for (const [code, lines] of related) {
      const pointedAt = new Set(findings.filter((f) => f.code === code).flatMap((f) => f.related.map((r) => `${r.file}:${r.line}`)));
      assert.deepEqual([...pointedAt].sort(), [...lines].sort(), `related locations of ${code}`);
    }
  });
}

test('every rule code of the registry is raised by some fixture workspace', async () => {
  const raised = new Set<string>();
  for (const name of cases) for (const f of await check(join(fixtures, name))) raised.add(f.code);
  const fileLocal = new Set(['yaml-syntax', 'schema']);
  // A rule that needs git is raised by its own tests over git repositories made in a temp folder.
  assert.deepEqual(rules.filter((r) => r.needs !== 'git').map((r) => r.code).filter((code) => !fileLocal.has(code) && !raised.has(code)), []);
});

test('a two-bulletin message names both bulletins, the file, the platform and both versions', async () => {
  const [finding] = await check(join(fixtures, 'file-version-conflict'));
  for (const part of ['MS05-002', 'MS05-001', 'RPCRT4.DLL', 'nt4-server-sp6a', '4.0.1381.7303', '4.0.1381.7310']) assert.ok(finding.message.includes(part), `${part} in ${finding.message}`);
});

test('the seed: MS04-029 with related: [MS04-012] is clean', async () => {
  assert.deepEqual(await check(join(root, 'examples')), []);
});

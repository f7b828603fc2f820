// csaf-validator-lib is run here a second time under Node 22 (the stated floor for
// the lib; the machine's Node 20 runs it in validator.test.ts, as the editor does), through
// scripts/node22.sh, which uses the machine's node when it is 22 or newer and otherwise
// installs the pinned npm package node-<os>-<arch>@22 into the gitignored .node22/ once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseFiles, expectedFailures, root, type CaseResult } from './cases';

test('under Node 22, every example and fixture exports as expected (strict schema + every mandatory test)', () => {
  const result = spawnSync('bash', [join(root, 'scripts', 'node22.sh'), '--import', 'tsx', join(root, 'test', 'csaf', 'validate-all.ts')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
    timeout: 300_000,
  });
  assert.equal(result.status, 0, result.stderr);
  const { node, results } = JSON.parse(result.stdout) as { node: string; results: CaseResult[] };
  assert.ok(Number(node.slice(1).split('.')[0]) >= 22, `ran on ${node}`);
  assert.equal(results.length, caseFiles().length);
  for (const r of results) {
    const text = readFileSync(join(root, r.file), 'utf8');
    const expected = expectedFailures(text);
    if (/^# Not exportable/m.test(text)) assert.equal(r.kind, 'refused', r.file);
    else if (expected.length === 0) assert.deepEqual([r.kind, r.failures], ['valid', []], r.file);
    else for (const e of expected) assert.ok(r.failures.includes(e), `${r.file}: ${e} not among ${r.failures.join(', ')}`);
  }
});

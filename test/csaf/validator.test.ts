import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { caseFiles, expectedFailures, runCase } from './cases';
import { csafTestNames } from '../../server/src/core/csaf/validate';

test('the validator runs the strict schema and every mandatory test of CSAF 2.0', async () => {
  const names = await csafTestNames();
  assert.equal(names[0], 'csaf_2_0_strict');
  for (const n of ['mandatoryTest_6_1_1', 'mandatoryTest_6_1_23', 'mandatoryTest_6_1_27_11', 'mandatoryTest_6_1_33']) assert.ok(names.includes(n), n);
  assert.ok(names.length >= 44, `only ${names.length} tests`);
});

for (const file of caseFiles()) {
  const text = readFileSync(file, 'utf8');
  const expected = expectedFailures(text);
  const refused = /^# Not exportable/m.test(text);
  test(`${file.replace(/.*\/(examples|fixtures)\//, '$1/')}: ${refused ? 'refused' : expected.length === 0 ? 'exports to valid CSAF' : `fails ${expected.join(', ')}`}`, async () => {
    const result = await runCase(file);
    if (refused) {
      assert.equal(result.kind, 'refused');
    } else if (expected.length === 0) {
      assert.deepEqual(result, { file: result.file, kind: 'valid', failures: [] });
    } else {
      assert.equal(result.kind, 'invalid');
      for (const e of expected) assert.ok(result.failures.includes(e), `${e} not among ${result.failures.join(', ')}`);
    }
  });
}

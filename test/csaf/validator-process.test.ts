import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CsafValidatorProcess } from '../../server/src/lsp/csaf-validator-process';
import { bulletinToCsaf } from '../../server/src/core/csaf';
import { parse } from '../../server/src/core/parse';
import { publisher, root } from './cases';

const csafOf = (path: string) => bulletinToCsaf(parse(readFileSync(join(root, path), 'utf8')).value, { publisher }).csaf;

test('the validator child process (dist/cli.js csaf-validator) answers, survives being killed, and ends on dispose', async () => {
  const validator = new CsafValidatorProcess(join(root, 'dist', 'cli.js'));
  try {
    assert.deepEqual(await validator.validate(csafOf('examples/MS04-029.bulletin.yaml')), []);
    const failures = await validator.validate(csafOf('test/fixtures/csaf/duplicate-cve.bulletin.yaml'));
    assert.deepEqual(failures.map((f) => [f.test, f.instancePath]), [['mandatoryTest_6_1_23', '/vulnerabilities/1/cve']]);

    // A dead child fails the calls in flight and is started again for the next one. (Killed
    // first, then asked in the same tick: the call is in flight to a process that cannot answer.)
    const child = (validator as unknown as { child: import('node:child_process').ChildProcess }).child;
    child.kill('SIGKILL');
    const inFlight = validator.validate(csafOf('examples/MS04-012.bulletin.yaml'));
    await assert.rejects(inFlight, /the CSAF validator process ended/);
    assert.deepEqual(await validator.validate(csafOf('examples/MS04-012.bulletin.yaml')), []);
  } finally {
    validator.dispose();
  }
});

test('without the CLI bundle beside the server, a validation fails with a clear reason (never hangs)', async () => {
  const validator = new CsafValidatorProcess(join(root, 'dist', 'no-such-cli.js'));
  await assert.rejects(validator.validate(csafOf('examples/MS04-029.bulletin.yaml')), /the CSAF validator is missing: .*no-such-cli\.js/);
  assert.equal((validator as unknown as { child?: unknown }).child, undefined);
});

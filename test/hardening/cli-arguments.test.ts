/**
 * Arguments are checked, never silently taken (issue 17.9): a missing path among good ones is
 * one line, a misspelled `--rule` code names the nearest one, `--max-warnings` takes only whole
 * decimal numbers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { header, oneLine, run, workspace } from '../cli/support';

test('a missing path among good ones is one line naming it, exit 2', () => {
  const r = run(['check', 'examples', 'no/such/folder', 'examples/MS04-029.bulletin.yaml']);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(oneLine(r.stderr), 'bulletin: no such file or folder: no/such/folder');
});

test('a misspelled --rule code is an error naming the nearest code', () => {
  const dir = workspace({ 'a.bulletin.yaml': `${header()}related: [MS09-999]\n` });
  const r = run(['check', '--rule', 'unresolved-refrence=error', '.'], { cwd: dir });
  assert.equal(r.code, 2, r.stdout);
  assert.match(oneLine(r.stderr), /unknown rule code 'unresolved-refrence'.*did you mean 'unresolved-reference'\?/);
  const far = run(['check', '--rule', 'no-such-thing=off', '.'], { cwd: dir });
  assert.equal(far.code, 2);
  // Nothing near: the line lists the codes there are.
  assert.match(oneLine(far.stderr), /unknown rule code 'no-such-thing'.*yaml-syntax, schema, duplicate-id/);
  const severity = run(['check', '--rule', 'schema=eror', '.'], { cwd: dir });
  assert.equal(severity.code, 2);
  assert.match(oneLine(severity.stderr), /--rule takes CODE=error\|warning\|information\|hint\|off, not 'schema=eror'.*did you mean 'error'\?/);
  // The right code still works.
  const ok = run(['check', '--rule', 'unresolved-reference=error', '.'], { cwd: dir });
  assert.equal(ok.code, 1, ok.stderr);
  assert.match(ok.stdout, / error unresolved-reference /);
});

test('--max-warnings takes only whole decimal numbers', () => {
  const dir = workspace({ 'w.bulletin.yaml': `${header()}related: [MS09-998]\n` });
  for (const bad of ['', '0x1', '1e0', 'Infinity', '-1', '1.0', ' 1', '+1', '1_000']) {
    for (const args of [['--max-warnings', bad], [`--max-warnings=${bad}`]]) {
      if (bad.startsWith('-') && args.length === 2) continue; // an option's value that starts with '-' is given as --max-warnings=-1
      const r = run(['check', ...args, '.'], { cwd: dir });
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}`);
      assert.match(oneLine(r.stderr), /--max-warnings takes a whole number/);
    }
  }
  assert.equal(run(['check', '--max-warnings', '0', '.'], { cwd: dir }).code, 1);
  assert.equal(run(['check', '--max-warnings', '1', '.'], { cwd: dir }).code, 0);
  assert.equal(run(['check', '--max-warnings=01', '.'], { cwd: dir }).code, 0);
});

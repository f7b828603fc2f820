/** Quick fixes in the places the protocol fixtures do not reach: where the target key is missing, empty or flow. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText, checkBulletin } from '../../../server/src/core/analyze';
import { WorkspaceIndex } from '../../../server/src/core/index/workspace-index';
import { fixesFor } from '../../../server/src/core/authoring/fixes';

const HEAD = 'bulletin: 1\nid: MS04-100\nkb: 873350\ntitle: T\npublished: 2004-10-16\nseverity: low\n';

function fixed(text: string, code: string, others: string[] = []): string[] {
  const index = new WorkspaceIndex();
  others.forEach((other, i) => index.set(analyzeText(`file:///o${i}.bulletin.yaml`, other).bulletin));
  const analysis = analyzeText('file:///x.bulletin.yaml', text);
  index.set(analysis.bulletin);
  const out: string[] = [];
  for (const problem of checkBulletin(analysis.bulletin, index).filter((p) => p.code === code)) {
    for (const fix of fixesFor(problem, { analysis, index, locale: 'en' })) {
      let result = text;
      for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) result = result.slice(0, e.start) + e.newText + result.slice(e.end);
      out.push(result);
    }
  }
  return out;
}

const platform = (rest: string) => `${HEAD}platforms:\n  - id: w2k-sp4\n    name: Windows 2000 SP4\n    package:\n      file: Windows2000-KB873350-x86-JPN.EXE\n${rest}`;

test('registry check under an existing `verify:` with nothing in it, Windows 2000 key', () => {
  assert.deepEqual(fixed(platform('    verify:\n'), 'missing-registry-check'), [
    platform('    verify:\n      registry:\n        - key: HKLM\\SOFTWARE\\Microsoft\\Updates\\Windows 2000\\SP5\\KB873350\n          value: Installed\n          type: REG_DWORD\n          data: 1\n'),
  ]);
});

test('registry check into an empty flow list `registry: []`', () => {
  assert.deepEqual(fixed(platform('    verify:\n      registry: []  # none yet\n'), 'missing-registry-check'), [
    platform('    verify:\n      registry:\n        - key: HKLM\\SOFTWARE\\Microsoft\\Updates\\Windows 2000\\SP5\\KB873350\n          value: Installed\n          type: REG_DWORD\n          data: 1  # none yet\n'),
  ]);
});

test('no registry fix without a kb to build the key from', () => {
  assert.deepEqual(fixed(platform('').replace('kb: 873350\n', ''), 'missing-registry-check'), []);
});

test('a package name without any KB gets no guess', () => {
  assert.deepEqual(fixed(platform('').replace('Windows2000-KB873350', 'Windows2000-patch'), 'package-kb-mismatch'), []);
});

const MS04_012 = `bulletin: 1\nid: MS04-012\ntitle: Old\npublished: 2004-04-14\nseverity: critical\nplatforms:\n  - id: nt4\n    name: NT\n    files:\n      - name: a.dll\n        variant: uniproc\n        version: 1.0\n        size: 10\n        folder: '%SystemRoot%\\System32\\'\n`;

test('a missing file is copied where the platform has no `files:` at all, variant and folder kept', () => {
  const text = `${HEAD}includes: [MS04-012]\nplatforms:\n  - id: nt4\n    name: NT\n`;
  assert.deepEqual(fixed(text, 'incomplete-supersedence', [MS04_012]), [
    text.replace('includes: [MS04-012]\n', 'includes: []\nrelated: [MS04-012]\n'),
    `${text}    files:\n      - name: a.dll\n        variant: uniproc\n        version: 1.0\n        size: 10\n        folder: "%SystemRoot%\\\\System32\\\\"\n`.replace(/\n$/, '') + '\n',
  ]);
});

test('a missing file replaces an empty `files: []`', () => {
  const text = `${HEAD}includes: [MS04-012]\nplatforms:\n  - id: nt4\n    name: NT\n    files: []\n    tested: passed\n`;
  const [, result] = fixed(text, 'incomplete-supersedence', [MS04_012]);
  assert.equal(result, text.replace('    files: []\n', '    files:\n      - name: a.dll\n        variant: uniproc\n        version: 1.0\n        size: 10\n        folder: "%SystemRoot%\\\\System32\\\\"\n'));
  const again = analyzeText('file:///y.bulletin.yaml', result);
  assert.deepEqual(again.bulletin.intrinsic, []);
});

test('no rename of an unknown key to a key the mapping already has', () => {
  assert.deepEqual(fixed(`${HEAD}severty: low\n`, 'schema'), []);
  assert.deepEqual(fixed(HEAD.replace('severity: low\n', 'severty: low\n'), 'schema'), [HEAD]);
});

test('no change of an unresolved id to one the list already has', () => {
  const other = 'bulletin: 1\nid: MS04-012\ntitle: O\npublished: 2004-01-01\nseverity: low\n';
  assert.deepEqual(fixed(`${HEAD}related: [MS04-012, MS40-012]\n`, 'unresolved-reference', [other]), []);
  assert.deepEqual(fixed(`${HEAD}related: [MS40-012]\n`, 'unresolved-reference', [other]), [`${HEAD}related: [MS04-012]\n`]);
  // An id the schema rejects (letter O for zero) gets the same fix from its schema finding.
  assert.deepEqual(fixed(`${HEAD}related: [MS04-012, MS04-O12]\n`, 'schema', [other]), []);
  assert.deepEqual(fixed(`${HEAD}related: [MS04-O12]\n`, 'schema', [other]), [`${HEAD}related: [MS04-012]\n`]);
});

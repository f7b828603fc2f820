/** The seed's own case, and what the rules hand to quick fixes and settings. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText, checkBulletin, type CheckOptions } from '../../../server/src/core/analyze';
import { WorkspaceIndex } from '../../../server/src/core/index/workspace-index';
import { positionAt } from '../../../server/src/core/text';

const root = join(__dirname, '..', '..', '..');
const example = (name: string) => readFileSync(join(root, 'examples', `${name}.bulletin.yaml`), 'utf8');

function workspace(texts: Record<string, string>) {
  const index = new WorkspaceIndex();
  for (const [uri, text] of Object.entries(texts)) index.set(analyzeText(uri, text).bulletin);
  return { index, check: (uri: string, options: CheckOptions = {}) => checkBulletin(index.get(uri)!, index, options) };
}

/** MS04-029 claiming `includes: [MS04-012]` instead of `related`. */
const claimingIncludes = example('MS04-029').replace(/^includes: \[\]\n/m, '').replace(/^related:\n/m, 'includes:\n');

test('MS04-029 claiming includes: [MS04-012] lacks rpcproxy.dll, on both platforms MS04-012 covers', () => {
  assert.notEqual(claimingIncludes, example('MS04-029'));
  const { index, check } = workspace({ 'file:///w/MS04-012.bulletin.yaml': example('MS04-012'), 'file:///w/MS04-029.bulletin.yaml': claimingIncludes });
  const found = check('file:///w/MS04-029.bulletin.yaml');
  assert.deepEqual(found.map((p) => p.code), ['incomplete-supersedence', 'incomplete-supersedence']);
  const other = index.get('file:///w/MS04-012.bulletin.yaml')!;
  const otherText = example('MS04-012');
  for (const p of found) {
    assert.equal(claimingIncludes.slice(p.offset, p.offset + p.length), 'MS04-012');
    assert.match(p.message, /MS04-029 includes MS04-012, but lacks rpcproxy\.dll \((nt4-server-sp6a|nt4-tse-sp6)\)/);
    const [related] = p.related!;
    assert.equal(related.uri, other.uri);
    assert.equal(otherText.slice(related.offset, related.offset + related.length), 'name: rpcproxy.dll');
    assert.equal(p.data!.otherUri, other.uri);
    assert.match(String(p.data!.otherPointer), /^\/platforms\/[01]\/files\/1$/);
  }
  assert.equal(positionAt(index.get('file:///w/MS04-029.bulletin.yaml')!.lineStarts, found[0].offset).line, 33);
  assert.deepEqual(check('file:///w/MS04-012.bulletin.yaml'), []);
});

test('bulletin.rules changes severities and turns rules off', () => {
  const { check } = workspace({ 'file:///w/MS04-012.bulletin.yaml': example('MS04-012'), 'file:///w/MS04-029.bulletin.yaml': claimingIncludes });
  const uri = 'file:///w/MS04-029.bulletin.yaml';
  assert.deepEqual(check(uri, { severities: { 'incomplete-supersedence': 'hint' } }).map((p) => p.severity), ['hint', 'hint']);
  assert.deepEqual(check(uri, { severities: { 'incomplete-supersedence': 'off' } }), []);
});

test('Japanese messages for cross-bulletin findings', () => {
  const { check } = workspace({ 'file:///w/MS04-012.bulletin.yaml': example('MS04-012'), 'file:///w/MS04-029.bulletin.yaml': claimingIncludes });
  const [p] = check('file:///w/MS04-029.bulletin.yaml', { locale: 'ja' });
  assert.match(p.message, /MS04-029 は MS04-012 を含むとしていますが/);
  assert.match(p.related![0].message, /MS04-012 はここで rpcproxy\.dll/);
});

test('quick-fix data: the nearest id, the expected KB', () => {
  const header = (id: string) => `bulletin: 1\nid: ${id}\nkb: 873350\ntitle: T\npublished: 2004-10-16\nseverity: important\n`;
  const { check } = workspace({
    a: header('MS04-012'),
    b: `${header('MS04-029')}related: [MS04-021]\nplatforms:\n  - id: p\n    package:\n      file: X-KB828741.exe\n    verify:\n      registry:\n        - key: HKLM\\Hotfix\\KB828741\n          value: Installed\n          type: REG_DWORD\n          data: 1\n`,
  });
  const byCode = new Map(check('b').map((p) => [p.code, p.data]));
  // MS04-029 is nearer to MS04-021, but it is this bulletin's own id: never suggested.
  assert.deepEqual(byCode.get('unresolved-reference'), { id: 'MS04-021', kind: 'related', suggestion: 'MS04-012' });
  assert.deepEqual(byCode.get('package-kb-mismatch'), { expectedKb: 873350 });
  assert.equal(byCode.get('registry-kb-mismatch')!.replacement, 'HKLM\\Hotfix\\KB873350');
});

test('unresolved-reference never suggests the bulletin’s own id (seen in bulletin check: MS04-012 missing, "Did you mean MS04-029?" in MS04-029)', () => {
  const { check } = workspace({ 'file:///w/MS04-029.bulletin.yaml': example('MS04-029') });
  const [p] = check('file:///w/MS04-029.bulletin.yaml').filter((f) => f.code === 'unresolved-reference');
  assert.equal(p.message, '`related` names MS04-012, but no bulletin in the workspace has that id.');
  assert.deepEqual(p.data, { id: 'MS04-012', kind: 'related' });
});

test('registry data of any shape is described, never thrown on', () => {
  const text = `bulletin: 1\nid: MS04-029\nkb: 873350\ntitle: T\npublished: 2004-10-16\nseverity: important\nplatforms:\n  - id: p\n    verify:\n      registry:\n        - key: HKLM\\Hotfix\\KB873350\n          value: Installed\n          type: REG_SZ\n          data: {a: 1}\n        - key: HKLM\\Hotfix\\KB873350\n          value: Installed\n          type: REG_DWORD\n          data: [1]\n`;
  const { check } = workspace({ a: text });
  // Collections are the schema's to report (data is an integer or a string); the rule stays quiet.
  assert.deepEqual(check('a').filter((p) => p.code === 'registry-data-type'), []);
});

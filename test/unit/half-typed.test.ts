/**
 * One half-typed token, one finding, on the line being typed: a word typed above a key is not
 * merged into that key ("Unknown key `co platforms`"), and an id that is not yet an id is not
 * also looked up in the workspace.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText, checkBulletin } from '../../server/src/core/analyze';
import { WorkspaceIndex } from '../../server/src/core/index/workspace-index';

const HEAD = 'bulletin: 1\nid: MS04-999\nkb: 873350\nlang: en\ntitle: T\npublished: 2004-10-16\nseverity: low\nexploit: none\nurgency: early\n';

function findings(text: string, locale: 'en' | 'ja' = 'en') {
  const { bulletin } = analyzeText('file:///typing.bulletin.yaml', text, { locale });
  const index = new WorkspaceIndex();
  index.set(bulletin);
  return checkBulletin(bulletin, index, { locale }).map((p) => ({ code: p.code, text: text.slice(p.offset, p.offset + p.length), message: p.message }));
}

test('a word typed on its own line above a key is reported on that line, the key below untouched', () => {
  const text = `${HEAD}co\nplatforms:\n  - id: nt4-server-sp6a\n    name: N\n`;
  const found = findings(text);
  assert.deepEqual(found, [{ code: 'yaml-syntax', text: 'co', message: 'This line is not a key: a key must be followed by `:` and its value, on one line.' }]);
  assert.ok(!found.some((f) => /platforms/.test(f.text) || /platforms/.test(f.message)));
  const ja = findings(text, 'ja');
  assert.deepEqual(ja.map((f) => [f.code, f.text]), [['yaml-syntax', 'co']]);
  assert.match(ja[0].message, /キー/);
});

test('two words typed over two lines above a key: both lines, nothing of the key', () => {
  const found = findings(`${HEAD}co\nmm\nsummary: |\n  text\n`);
  assert.deepEqual(found.map((f) => [f.code, f.text]), [['yaml-syntax', 'co\nmm']]);
});

test('a half-typed id gets the schema finding only, not an unresolved reference too', () => {
  for (const text of [`${HEAD}related: [MS]\n`, `${HEAD}related:\n  - MS\n`, `${HEAD}includes: [MS04]\n`]) {
    const found = findings(text);
    assert.deepEqual(found.map((f) => f.code), ['schema'], JSON.stringify(found));
  }
  // A well-formed id that names no bulletin is still looked up.
  assert.deepEqual(findings(`${HEAD}related: [MS04-012]\n`).map((f) => f.code), ['unresolved-reference']);
});

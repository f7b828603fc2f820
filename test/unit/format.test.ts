/** The formatter's core on the shapes YAML allows: each result exact, each idempotent. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBulletin } from '../../server/src/core/format/format';

const cases: [string, string, string][] = [
  ['anchors and aliases stay', 'id: a\nbulletin: 1\nx: &a [1, 2]\ny: *a\n', 'bulletin: 1\nid: a\nx: &a [1, 2]\ny: *a\n'],
  ['an empty value keeps its comment', 'id:   # empty\nbulletin: 1\n', 'bulletin: 1\nid:   # empty\n'],
  ['a multi-line double-quoted scalar moves as written', 'summary: "line one\n      line two"\nid: x\n', 'id: x\nsummary: "line one\n  line two"\n'],
  ["a single-quoted scalar keeps its doubled quote", "note: 'it''s\n    folded'\nid: y\n", "id: y\nnote: 'it''s\n  folded'\n"],
  ['a folded block keeps its lines and relative indentation', 'id: x\nsummary: >\n    more\n      indented\n    back\nbulletin: 1\n', 'bulletin: 1\nid: x\nsummary: >\n  more\n    indented\n  back\n'],
  ['a literal block with strip chomping', 'id: x\nsummary: |-\n    strip\nbulletin: 1\n', 'bulletin: 1\nid: x\nsummary: |-\n  strip\n'],
  ['numbers and explicit tags as written', 'kb: 0x1F\nid: !!str 007\nbulletin: 1\n', 'bulletin: 1\nid: !!str 007\nkb: 0x1F\n'],
  ['a directive and document start stay', '%YAML 1.2\n---\nid: x\nbulletin: 1\n', '%YAML 1.2\n---\nbulletin: 1\nid: x\n'],
  ['no final line break stays so', 'id: x\nbulletin: 1', 'bulletin: 1\nid: x'],
  ['a comment above a key moves with it; the file header stays on top', '# header\nid: x # c1\n# c2\nbulletin: 1 # c3\n', '# header\n# c2\nbulletin: 1 # c3\nid: x # c1\n'],
  ['unknown keys keep their order after the known ones', 'zeta: 1\nid: x\nalpha: 2\nbulletin: 1\n', 'bulletin: 1\nid: x\nzeta: 1\nalpha: 2\n'],
];

for (const [name, input, expected] of cases) {
  test(name, () => {
    const once = formatBulletin(input);
    assert.equal(once?.text, expected);
    assert.equal(formatBulletin(expected)?.text, expected, 'idempotent');
  });
}

test('left alone: syntax errors, duplicate keys, a second document, an empty file', () => {
  for (const input of ['id: [x\n', 'id: x\nid: y\n', 'id: x\n---\nid: y\n', 'id: x\n...\n']) assert.equal(formatBulletin(input), undefined, input);
  assert.deepEqual(formatBulletin(''), { text: '' });
  assert.deepEqual(formatBulletin('\n\n'), { text: '\n\n' });
});

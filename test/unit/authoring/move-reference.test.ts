/**
 * "Move X from includes to related", byte for byte in every layout: the item leaves its list
 * with its comma or its line, joins `related` in that list's style (or a new key after
 * `includes`), and the result reads back with X in `related` only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from '../../../server/src/core/analyze';
import { moveIncludeToRelated } from '../../../server/src/core/authoring/move-reference';

const HEAD = 'bulletin: 1\nid: MS04-100\ntitle: T\n';

function moved(text: string, id = 'MS04-012'): string {
  const analysis = analyzeText('file:///x.bulletin.yaml', text);
  const ref = analysis.bulletin.includes.find((r) => r.id === id)!;
  const edits = moveIncludeToRelated(analysis, ref.pointer);
  assert.ok(edits, 'edits');
  let result = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, e.start) + e.newText + result.slice(e.end);
  const again = analyzeText('file:///x.bulletin.yaml', result).bulletin;
  assert.ok(!again.includes.some((r) => r.id === id) && again.related.some((r) => r.id === id), result);
  assert.deepEqual(again.intrinsic.filter((p) => p.code === 'yaml-syntax'), [], result);
  return result;
}

const cases: [string, string, string][] = [
  ['flow, the only item, no related', 'includes: [MS04-012]\nsummary: |\n  S\n', 'includes: []\nrelated: [MS04-012]\nsummary: |\n  S\n'],
  ['flow, first of two', 'includes: [MS04-012, MS03-039]\n', 'includes: [MS03-039]\nrelated: [MS04-012]\n'],
  ['flow, last of two, flow related', 'includes: [MS03-039, MS04-012]\nrelated: [MS03-026]\n', 'includes: [MS03-039]\nrelated: [MS03-026, MS04-012]\n'],
  ['flow into an empty related', 'includes: [MS04-012]\nrelated: []\n', 'includes: []\nrelated: [MS04-012]\n'],
  ['flow into a related with no value', 'includes: [MS04-012]\nrelated:\nsummary: S\n', 'includes: []\nrelated: [MS04-012]\nsummary: S\n'],
  ['block, the only item with its comment', 'includes:\n  - MS04-012   # claims all\nplatforms: []\n', 'includes: []\nrelated:\n  - MS04-012\nplatforms: []\n'],
  ['block, middle item, block related', 'includes:\n  - MS03-039\n  - MS04-012\n  - MS03-026\nrelated:\n    - MS02-001  # kept\n', 'includes:\n  - MS03-039\n  - MS03-026\nrelated:\n    - MS02-001  # kept\n    - MS04-012\n'],
  ['already related: only removed', 'includes: [MS04-012]\nrelated: [MS04-012]\n', 'includes: []\nrelated: [MS04-012]\n'],
  ['CRLF block', 'includes:\r\n  - MS03-039\r\n  - MS04-012\r\nrelated:\r\n  - MS02-001\r\n', 'includes:\r\n  - MS03-039\r\nrelated:\r\n  - MS02-001\r\n  - MS04-012\r\n'],
];

for (const [name, before, after] of cases) {
  test(`move to related: ${name}`, () => {
    assert.equal(moved(HEAD + before), HEAD + after);
  });
}

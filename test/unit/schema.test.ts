import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from '../../server/src/core/analyze';
import { positionAt } from '../../server/src/core/text';
import { marked, header } from './marked';

function problemsOf(text: string, locale: 'en' | 'ja' = 'en') {
  return analyzeText('mem://test', text, { locale }).bulletin.intrinsic;
}

/** Asserts exactly one problem per marked range, in order, with the given code. */
function expectRanges(source: string, code: string, messageParts: (string | RegExp)[] = []) {
  const { text, ranges } = marked(source);
  const problems = problemsOf(text);
  assert.deepEqual(
    problems.map((p) => [p.offset, p.offset + p.length, p.code]),
    ranges.map(([s, e]) => [s, e, code]),
    `problems: ${JSON.stringify(problems.map((p) => [text.slice(p.offset, p.offset + p.length), p.message]))}`,
  );
  messageParts.forEach((part, i) => assert.match(problems[i].message, typeof part === 'string' ? new RegExp(part.replace(/[.*+?^${}()|[\]\\`]/g, '\\$&')) : part));
  return problems;
}

test('a valid minimal bulletin has no problem', () => {
  assert.deepEqual(problemsOf(header), []);
});

test('wrong type is reported on the value', () => {
  expectRanges(`${header}kb: ⟦"abc"⟧\n`, 'schema', ['`kb` must be a whole number, not `abc`.']);
});

test('bad enum is reported on the value, with the nearest valid value', () => {
  const text = header.replace('severity: important', 'severity: ⟦importent⟧');
  expectRanges(text, 'schema', ['Did you mean `important`?']);
});

test('unknown key is reported on the key, with "did you mean"', () => {
  expectRanges(`${header}⟦severty⟧: low\n`, 'schema', ['Unknown key `severty`. Did you mean `severity`?']);
});

test('unknown key far from any known key gets no suggestion', () => {
  const [p] = expectRanges(`${header}⟦zzzzzzzz⟧: 1\n`, 'schema');
  assert.equal(p.message, 'Unknown key `zzzzzzzz`.');
});

test('a missing required key at the root is reported on the first line', () => {
  expectRanges('⟦bulletin: 1⟧\nid: MS04-029\npublished: 2004-10-16\nseverity: low\n', 'schema', ['Missing required key `title`.']);
});

test('a missing required key in a nested mapping is reported on the parent key', () => {
  expectRanges(`${header}platforms:\n  - id: nt4\n    name: NT\n    ⟦package⟧:\n      date: 2004-08-19\n`, 'schema', ['Missing required key `file` in `package`.']);
});

test('a bad pattern is explained in words', () => {
  expectRanges(`${header}platforms:\n  - id: nt4\n    name: NT\n    files:\n      - name: a.dll\n        version: ⟦4.x⟧\n`, 'schema', [
    '`version` must be dotted integers such as 4.0.1381.7263.',
  ]);
});

test('an unquoted version such as 4.00 or 6.0 is a version, not a number', () => {
  const text = `${header}platforms:\n  - id: nt4\n    name: NT\n    files:\n      - name: a.dll\n        version: 4.00\n      - name: b.dll\n        version: 6.0\n`;
  const a = analyzeText('mem://v', text);
  assert.deepEqual(a.bulletin.intrinsic, []);
  assert.deepEqual(a.bulletin.platforms[0].files.map((f) => f.version), ['4.00', '6.0']);
});

test('an impossible date is reported once, on the value', () => {
  expectRanges(header.replace('published: 2004-10-16', 'published: ⟦2004-13-45⟧'), 'schema', ['real calendar date']);
});

test('a date in the wrong form is reported once, with the expected form', () => {
  expectRanges(header.replace('published: 2004-10-16', 'published: ⟦2004/10/16⟧'), 'schema', ['YYYY-MM-DD']);
});

test('a wrong-typed block collection is underlined on its key, not across its lines', () => {
  expectRanges(`${header}⟦title⟧:\n  - a\n  - b\n`.replace('title: T\n', ''), 'schema', ['`title` must be text, not a list.']);
});

test('several faults give one problem each, without duplicates', () => {
  const source = `bulletin: ⟦2⟧\nid: ⟦MS04-29⟧\ntitle: T\npublished: 2004-10-16\nseverity: low\n⟦kbb⟧: 1\nports: x\n`.replace('ports: x\n', '');
  expectRanges(source, 'schema');
});

test('duplicate list items are reported on the repeated item', () => {
  expectRanges(`${header}related: [MS04-012, ⟦MS04-012⟧]\n`, 'schema', ['repeats item 1']);
});

test('deployment keys must be machine counts', () => {
  expectRanges(`${header}platforms:\n  - id: nt4\n    name: NT\n    deployment:\n      ⟦many⟧: 3\n`, 'schema', ['Key `many` must be a number of machines such as 50.']);
});

test('a widened id pattern replaces the spec pattern', () => {
  const text = header.replace('id: MS04-029', 'id: VENDOR-2024-1');
  assert.equal(analyzeText('m', text).bulletin.intrinsic.length, 1);
  assert.deepEqual(analyzeText('m', text, { idPattern: /^[A-Z]+-\d{4}-\d+$/ }).bulletin.intrinsic, []);
  const bad = analyzeText('m', header, { idPattern: /^[A-Z]+-\d{4}-\d+$/ }).bulletin.intrinsic;
  assert.equal(bad.length, 1);
  assert.match(bad[0].message, /must be a bulletin id matching/);
});

test('messages follow the locale; codes do not', () => {
  const [p] = problemsOf(`${header}severty: low\n`, 'ja');
  assert.equal(p.code, 'schema');
  assert.match(p.message, /不明なキー `severty` です。`severity` の誤りではありませんか/);
});

test('the examples are clean', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const folder = join(__dirname, '..', '..', 'examples');
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.bulletin.yaml'))) {
    assert.deepEqual(problemsOf(readFileSync(join(folder, name), 'utf8')), [], name);
  }
});

test('positions of a BOM + CRLF file stay on the right line', () => {
  const text = `\uFEFF${header.replace(/\n/g, '\r\n')}severty: low\r\n`;
  const a = analyzeText('m', text);
  const [p] = a.bulletin.intrinsic;
  const pos = positionAt(a.bulletin.lineStarts, p.offset);
  assert.deepEqual(pos, { line: 5, character: 0 });
  assert.equal(text.slice(p.offset, p.offset + p.length), 'severty');
});

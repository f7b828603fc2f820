import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from '../../server/src/core/analyze';
import { positionAt } from '../../server/src/core/text';
import { header } from './marked';

function check(text: string) {
  const { bulletin } = analyzeText('mem://hostile', text);
  for (const p of bulletin.intrinsic) {
    assert.ok(p.offset >= 0 && p.offset + p.length <= text.length, `range inside the document: ${JSON.stringify(p)}`);
    // Never the whole document underlined.
    assert.ok(p.length < Math.max(200, text.length / 2) || text.length < 20, `narrow range: ${JSON.stringify(p)}`);
  }
  return bulletin.intrinsic;
}

test('an empty file is reported on the first line as not a bulletin', () => {
  const problems = check('');
  assert.equal(problems.length, 1);
  assert.equal(problems[0].code, 'schema');
  assert.deepEqual([problems[0].offset, problems[0].length], [0, 0]);
});

test('a comment-only file is not a bulletin', () => {
  const problems = check('# nothing yet\n');
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /mapping/);
});

test('a list root and a scalar root are reported on the first line', () => {
  for (const text of ['- a\n- b\n', 'just text\n', '42\n']) {
    const problems = check(text);
    assert.equal(problems.length, 1, text);
    assert.equal(problems[0].code, 'schema');
    assert.equal(problems[0].offset, 0);
    assert.ok(problems[0].length <= text.indexOf('\n'));
  }
});

test('tab indentation is a syntax error on the tab', () => {
  const text = `${header}platforms:\n\t- id: x\n`;
  const problems = check(text).filter((p) => p.code === 'yaml-syntax');
  assert.ok(problems.length >= 1);
  assert.equal(positionAt(analyzeText('m', text).bulletin.lineStarts, problems[0].offset).line, 6);
});

test('an unclosed quote is a syntax error, and every error is reported', () => {
  const text = `${header}kb: "873350\nlang: ja\n`;
  const problems = check(text).filter((p) => p.code === 'yaml-syntax');
  assert.ok(problems.length >= 1);
  const two = check(`${header}a: [\nb: "x\n`).filter((p) => p.code === 'yaml-syntax');
  assert.ok(two.length >= 2, JSON.stringify(two));
});

test('a duplicate key is a syntax error on the repeated key', () => {
  const text = `${header}severity: low\n`;
  const problems = check(text).filter((p) => p.code === 'yaml-syntax');
  assert.equal(problems.length, 1);
  assert.equal(text.slice(problems[0].offset, problems[0].offset + 8), 'severity');
  assert.ok(problems[0].offset > header.length - 1);
});

test('duplicate keys are found at every depth: in list items, flow mappings and complex keys', () => {
  const text = `${header}platforms:\n  - id: a\n    id: b\n    files: [{name: x, name: y}]\nextra:\n  ? {k: 1, k: 2}\n  : v\n`;
  const problems = check(text).filter((p) => p.code === 'yaml-syntax');
  assert.deepEqual(
    problems.map((p) => text.slice(p.offset, p.offset + 4)),
    ['id: ', 'name', 'k: 2'],
  );
});

test('an alias bomb is bounded and reported', () => {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}]`);
  const started = Date.now();
  const problems = check(`${lines.join('\n')}\n`);
  assert.ok(Date.now() - started < 5000);
  assert.ok(problems.some((p) => p.code === 'yaml-syntax' && /Aliases expand/.test(p.message)), JSON.stringify(problems));
});

test('very deep nesting is bounded and reported, not a stack overflow', () => {
  for (const text of [`${'['.repeat(5000)}${']'.repeat(5000)}\n`, `x: ${'{a: '.repeat(3000)}1${'}'.repeat(3000)}\n`, Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n']) {
    const problems = check(text);
    assert.ok(problems.length >= 1);
    assert.ok(problems.some((p) => p.code === 'yaml-syntax'), JSON.stringify(problems.slice(0, 3)));
  }
});

test('a 5 MB bulletin is read and checked', () => {
  const file = (i: number) => `      - name: f${i}.dll\n        version: 4.0.1381.${i}\n        size: ${1000 + i}\n`;
  let text = `${header}platforms:\n  - id: nt4\n    name: NT\n    files:\n`;
  let i = 0;
  const chunk: string[] = [];
  let length = text.length;
  while (length < 5_000_000) {
    const entry = file(i++);
    chunk.push(entry);
    length += entry.length;
  }
  text += chunk.join('');
  const { bulletin } = analyzeText('m', text);
  assert.deepEqual(bulletin.intrinsic, []);
  assert.equal(bulletin.platforms[0].files.length, i);
});

test('a stream of several documents is reported as such', () => {
  const text = `${header}---\n${header}`;
  const problems = check(text);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].code, 'yaml-syntax');
  assert.match(problems[0].message, /one YAML document.*2/);
});

test('invalid UTF-8 decoded as U+FFFD is just text', () => {
  const problems = check(`${header}summary: caf\uFFFD\n`);
  assert.deepEqual(problems, []);
});

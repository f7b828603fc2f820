import { test } from 'node:test';
import assert from 'node:assert/strict';
import { namesKb } from '../../../server/src/core/rules/package-kb-mismatch';

/** The rule's definition: `KB0*<kb>` not followed by a digit, case-insensitively. */
const byPattern = (file: string, kb: number) => new RegExp(`KB0*${kb}(?!\\d)`, 'i').test(file);

test('namesKb answers as the pattern does, for hand-picked names', () => {
  const cases: [string, number][] = [
    ['Update-KB800000-x86-JPN.exe', 800000],
    ['update-kb0800000.exe', 800000],
    ['KB8000001.exe', 800000],
    ['KB80000.exe', 800000],
    ['xKB800000', 800000],
    ['KBKB800000', 800000],
    ['KB1-KB800000', 800000],
    ['kB000', 0],
    ['KB', 0],
    ['KB00', 0],
    ['KB01', 0],
    ['KB-5', -5],
    ['KB1.5', 1.5],
    ['KB125', 1.5],
    ['\u212AB800000', 800000],
  ];
  for (const [file, kb] of cases) assert.equal(namesKb(file, kb), byPattern(file, kb), `${file} / ${kb}`);
});

test('namesKb answers as the pattern does, for generated names', () => {
  let seed = 7;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  const alphabet = ['K', 'k', 'B', 'b', '0', '0', '1', '2', '8', '-', 'x', '.'];
  for (let i = 0; i < 5000; i++) {
    const kb = [0, 1, 8, 10, 12, 800, 8000][random(7)];
    let file = '';
    for (let n = random(12); n > 0; n--) file += random(3) === 0 ? 'KB' : alphabet[random(alphabet.length)];
    assert.equal(namesKb(file, kb), byPattern(file, kb), `${file} / ${kb}`);
  }
});

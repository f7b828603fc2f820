/**
 * `diffTexts` reads only what differs between two versions (diff/sections.ts): its changes —
 * kinds, values, pointers, ranges in the new text, labels — must be exactly those of the diff
 * of the two whole texts, for real revisions, for the traps of splitting a text by its lines
 * (a quote left open before a column-0 key, an identity repeated, CRLF, a list at column 0),
 * and for mutated bulletins of every kind (a fixed seed, so a failure repeats).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { diffBulletins, diffTexts } from '../../server/src/core/diff';
import { withoutCommonParts } from '../../server/src/core/diff/sections';
import { parse } from '../../server/src/core/parse';
import { applyMutation, mutations } from '../fuzz/mutations';

const root = join(__dirname, '..', '..');
const seed = readFileSync(join(root, 'examples', 'MS04-029.bulletin.yaml'), 'utf8');
const firstPublished = readFileSync(join(root, 'test', 'fixtures', 'revisions', 'MS04-029.first.yaml'), 'utf8');
const ms04012 = readFileSync(join(root, 'examples', 'MS04-012.bulletin.yaml'), 'utf8');
const LISTS = { advisories: 'url', vulnerabilities: 'id', platforms: 'id', unsupported: 'name', workarounds: 'title' };

/** The diff of the two whole texts, each read by `parse`: what `diffTexts` must give. */
const wholeDiff = (before: string, after: string) => diffBulletins(parse(before), parse(after));

/** Whether the two texts are read in part (what `diffTexts` does when it can). */
function readInPart(before: string, after: string): boolean {
  const common = withoutCommonParts(before, after, new Set(['lang']), LISTS);
  return !!common && !!parse(common.before, { reader: 'quick' }) && !!parse(common.after, { reader: 'quick' });
}

const revised = seed.replace('version: 4.0.1381.7303', 'version: 4.0.1381.7304').replace('size: 374400', 'size: 374416').replace('updated: 2004-10-16', 'updated: 2004-10-20  # 訂正');

test('the seed corrected: the platform and the entries alike in both are left out, and the changes are those of the whole texts', () => {
  const common = withoutCommonParts(firstPublished, revised, new Set(['lang']), LISTS);
  assert.ok(common);
  assert.equal(common.after.length, revised.length, 'offsets in the new text do not move');
  assert.deepEqual([...common.itemsLeftOut.get('platforms') ?? []], ['nt4-tse-sp6']);
  assert.doesNotMatch(common.before, /CAN-2004-0569|summary:|nt4-tse-sp6/, 'the old text keeps only what differs');
  assert.match(common.before, /nt4-wks-sp6a/);
  assert.match(common.after, /^lang: ja$/m, 'the language is always read');
  const changes = diffTexts(firstPublished, revised);
  assert.deepEqual(changes, wholeDiff(firstPublished, revised));
  assert.deepEqual(
    changes.map((c) => `${c.kind} ${c.identity.join('/')}${c.field ? ` ${c.field}` : ''}`),
    ['changed updated updated', 'changed platforms/nt4-server-sp6a/files/rpcrt4.dll version', 'changed platforms/nt4-server-sp6a/files/rpcrt4.dll size', 'removed platforms/nt4-wks-sp6a', 'added unsupported/Windows NT Workstation 4.0 SP6a'],
  );
  for (const change of changes) assert.notEqual(revised.slice(...change.range).trim(), '', `${change.pointer} points at text`);
});

test('the same text twice: no change; a reordered list: no change', () => {
  assert.deepEqual(diffTexts(seed, seed), []);
  const reordered = seed.replace(/( {2}- id: nt4-server-sp6a[\s\S]*?)( {2}- id: nt4-tse-sp6[\s\S]*?)(?=unsupported:)/, '$2$1');
  assert.notEqual(reordered, seed);
  assert.deepEqual(diffTexts(seed, reordered), []);
  assert.deepEqual(diffTexts(reordered, revised), wholeDiff(reordered, revised));
});

test('traps of splitting by lines give the changes of the whole texts', () => {
  const cases: [string, string, string][] = [
    // A quote left open: the column-0 line after it is a key to both parsers.
    ['open quote before a key', 'id: MS04-001\ntitle: "open\nkb: 1"\nlang: en\n', 'id: MS04-001\ntitle: "open\nkb: 2"\nlang: en\n'],
    ['open bracket before a key', 'id: MS04-001\ntargets: [a,\nkb: 1]\n', 'id: MS04-001\ntargets: [a,\nkb: 2]\n'],
    // The same identity twice: the items alike in both may not be left out.
    [
      'an identity repeated',
      'lang: en\nplatforms:\n  - id: a\n    name: One\n  - id: a\n    name: Two\n',
      'lang: en\nplatforms:\n  - id: a\n    name: Two\n',
    ],
    ['an identity continued on the next line', 'platforms:\n  - id: a\n      b\n    name: One\n  - id: c\n    name: X\n', 'platforms:\n  - id: a\n      b\n    name: One\n  - id: c\n    name: Y\n'],
    ['a quoted identity', "platforms:\n  - id: 'a'\n    name: One\n  - id: a\n    name: X\n", "platforms:\n  - id: 'a'\n    name: One\n  - id: a\n    name: Y\n"],
    ['a list at column 0', 'lang: en\nplatforms:\n- id: a\n  name: One\n- id: b\n  name: X\n', 'lang: en\nplatforms:\n- id: a\n  name: One\n- id: b\n  name: Y\n'],
    ['CRLF against LF', seed.replace(/\n/g, '\r\n'), revised],
    ['CRLF both', firstPublished.replace(/\n/g, '\r\n'), revised.replace(/\n/g, '\r\n')],
    ['no line break at the end', seed.trimEnd(), revised.trimEnd()],
    ['a key twice', 'title: a\ntitle: b\nkb: 1\n', 'title: a\ntitle: b\nkb: 2\n'],
    ['a document marker', '---\ntitle: a\n', '---\ntitle: b\n'],
    ['an item moved between versions', seed, seed.replace(/( {2}- id: nt4-tse-sp6[\s\S]*?)(?=unsupported:)/, '').replace('platforms:\n', (m) => m + seed.match(/( {2}- id: nt4-tse-sp6[\s\S]*?)(?=unsupported:)/)![1])],
    ['English labels', ms04012.replace('lang: ja', 'lang: en'), ms04012.replace('lang: ja', 'lang: en').replace(/version: (\S+)/, 'version: 9.9.9.9')],
    ['empty and whole', '', seed],
    ['whole and empty', seed, ''],
  ];
  for (const [name, before, after] of cases) {
    assert.deepEqual(diffTexts(before, after), wholeDiff(before, after), name);
    assert.deepEqual(diffTexts(after, before), wholeDiff(after, before), `${name}, the other way`);
  }
  assert.ok(readInPart(cases[5][1], cases[5][2]), 'a list at column 0 is read in part');
});

/** The items of the lists at indent 2 (`  - `), each as its line range [from, to). */
function itemBlocks(lines: string[]): [number, number][] {
  const starts = lines.flatMap((line, i) => (line.startsWith('  - ') ? [i] : []));
  return starts.map((from) => {
    let to = from + 1;
    while (to < lines.length && (lines[to].startsWith('    ') || lines[to].trim() === '')) to++;
    return [from, to];
  });
}

/** What an author does between two versions: a digit changed, an item dropped, copied or moved, a comment. */
type Edit = { kind: 'digit' | 'drop-item' | 'copy-item' | 'swap-items' | 'comment'; at: number; digit: number };
const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('digit' as const, 'drop-item' as const, 'copy-item' as const, 'swap-items' as const, 'comment' as const),
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  digit: fc.integer({ min: 0, max: 9 }),
});

function applyEdit(text: string, e: Edit): string {
  const lines = text.split('\n');
  const items = itemBlocks(lines);
  const pick = <T>(list: T[]) => list[Math.floor(e.at * list.length)];
  switch (e.kind) {
    case 'digit': {
      const digits = [...text.matchAll(/[0-9]/g)].map((m) => m.index);
      const at = pick(digits);
      return at === undefined ? text : text.slice(0, at) + String(e.digit) + text.slice(at + 1);
    }
    case 'comment': {
      const at = Math.floor(e.at * lines.length);
      lines.splice(at, 0, `${' '.repeat(e.digit % 2 === 0 ? 0 : 2 * (e.digit % 4))}# note ${e.digit}`);
      return lines.join('\n');
    }
    default: {
      const item = pick(items);
      if (!item) return text;
      const [from, to] = item;
      const block = lines.slice(from, to);
      if (e.kind === 'drop-item') lines.splice(from, to - from);
      else if (e.kind === 'copy-item') lines.splice(to, 0, ...block.map((line, i) => (i === block.length - 1 ? line.replace(/[0-9]/, String(e.digit)) : line)));
      else {
        const next = items.find(([f]) => f === to);
        if (!next) return text;
        lines.splice(from, next[1] - from, ...lines.slice(next[0], next[1]), ...block);
      }
      return lines.join('\n');
    }
  }
}

const version = fc.oneof({ weight: 3, arbitrary: fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => (text: string) => edits.reduce(applyEdit, text)) }, { weight: 1, arbitrary: mutations.map((ms) => (text: string) => ms.reduce(applyMutation, text)) });

test('mutated bulletins: the changes are those of the whole texts (fuzz, fixed seed)', () => {
  let inPart = 0;
  fc.assert(
    fc.property(fc.constantFrom(seed, firstPublished, ms04012), version, version, (base, first, second) => {
      const before = first(base);
      const after = second(base);
      if (readInPart(before, after)) inPart++;
      assert.deepEqual(diffTexts(before, after), wholeDiff(before, after));
      assert.deepEqual(diffTexts(base, after), wholeDiff(base, after));
    }),
    { numRuns: 400, seed: 20261207 },
  );
  assert.ok(inPart > 150, `${inPart} of 400 pairs were read in part`);
});

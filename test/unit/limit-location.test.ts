/**
 * A resource-limit error (aliases expanding past the budget, nesting past the depth) is
 * reported on the node that crosses the limit, not on line 1; and, as any syntax error, it
 * explains the rest of the document away (syntax-quiet.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, limits } from '../../server/src/core/parse';
import { analyzeText, checkBulletin } from '../../server/src/core/analyze';
import { WorkspaceIndex } from '../../server/src/core/index/workspace-index';

const MS04_029 = readFileSync(join(__dirname, '..', '..', 'examples', 'MS04-029.bulletin.yaml'), 'utf8');

/** A billion-laughs tail: each level lists ten aliases of the one before. */
function bomb(levels: number): string {
  const lines = ['bomb:', '  l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < levels; i++) lines.push(`  l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

test('an alias bomb is reported on the alias whose expansion crosses the limit', () => {
  // The first level whose line crosses the limit.
  let levels = 2;
  while (parse(MS04_029 + bomb(levels), { reader: 'full' }).problems.length === 0) levels++;
  const text = MS04_029 + bomb(levels);
  const { problems } = parse(text, { reader: 'full' });
  const bound = problems.filter((p) => /expand/.test(p.message));
  assert.equal(bound.length, 1, JSON.stringify(problems));
  const at = text.slice(bound[0].offset, bound[0].offset + bound[0].length);
  assert.match(at, /^\*l\d$/);
  // On the last line, the one whose aliases crossed the limit.
  assert.equal(at, `*l${levels - 2}`);
  assert.equal(lineOf(text, bound[0].offset), text.split('\n').length - 1);
});

test('nesting past the depth is reported where the limit is crossed, also through an alias', () => {
  const deep = `${MS04_029}deep: ${'['.repeat(limits.depth + 10)}${']'.repeat(limits.depth + 10)}\n`;
  const [p] = parse(deep, { reader: 'full' }).problems;
  assert.equal(lineOf(deep, p.offset), MS04_029.split('\n').length);
  assert.match(p.message, /nested/);
  const start = deep.indexOf('deep: ') + 6;
  assert.ok(p.offset > start && p.offset < start + limits.depth + 10, String(p.offset));
  // A deep anchored node is fine where it stands; an alias nesting it deeper crosses the limit there.
  const aliased = `${MS04_029}d: &d ${'['.repeat(limits.depth - 4)}${']'.repeat(limits.depth - 4)}\ne: [[[[[[[[*d]]]]]]]]\n`;
  const [q] = parse(aliased, { reader: 'full' }).problems;
  assert.equal(aliased.slice(q.offset, q.offset + 1), '*');
  assert.equal(lineOf(aliased, q.offset), aliased.split('\n').length - 1);
});

test('while the bound stands, no other finding; without it, the file is checked', () => {
  const findings = (text: string) => {
    const { bulletin } = analyzeText('file:///MS04-029.bulletin.yaml', text);
    const index = new WorkspaceIndex();
    index.set(bulletin);
    return checkBulletin(bulletin, index).map((p) => p.code);
  };
  assert.deepEqual(findings(MS04_029 + bomb(6)), ['yaml-syntax']);
  assert.deepEqual(findings(MS04_029.replace('kb: 873350', 'kb: x') + bomb(6)), ['yaml-syntax']);
  const below = findings(MS04_029.replace('kb: 873350', 'kb: x') + bomb(2));
  assert.ok(below.includes('schema') && !below.includes('yaml-syntax'), below.join(','));
});

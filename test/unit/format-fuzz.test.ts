/**
 * The formatter over the fuzzer's generators (mutated examples, written bulletins, random YAML,
 * token soup), a fixed seed so a failure repeats: it never throws, what it returns reads back
 * without a syntax finding and means what the input meant (the model without its ranges), and
 * formatting it again changes nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fuzzCase } from '../fuzz/arbitraries';
import { formatBulletin } from '../../server/src/core/format/format';
import { analyzeText } from '../../server/src/core/analyze';
import { parse } from '../../server/src/core/parse';

const sorted = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(sorted) : value && typeof value === 'object' ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])])) : value;

/** What a reader gets of a bulletin: its data and the model's values, none of the positions. */
function meaning(text: string): unknown {
  const { parsed, bulletin } = analyzeText('file:///ws/f.bulletin.yaml', text);
  const files = bulletin.platforms.map((p) => [p.id, p.files.map((f) => [f.name, f.version, f.date, f.size, f.variant])]);
  return JSON.stringify(sorted({ data: parsed.value, id: bulletin.id, published: bulletin.published, refs: [...bulletin.includes, ...bulletin.related].map((r) => r.id), files }));
}

test('formatting fuzz cases: no throw, no syntax finding, same meaning, idempotent', () => {
  let formatted = 0;
  fc.assert(
    fc.property(fuzzCase, (c) => {
      const once = formatBulletin(c.text);
      if (!once || once.text === c.text) return;
      formatted++;
      assert.deepEqual(parse(once.text).problems.filter((p) => p.code === 'yaml-syntax'), [], 'reads back');
      assert.equal(meaning(once.text), meaning(c.text));
      assert.equal(formatBulletin(once.text)?.text, once.text, 'idempotent');
    }),
    { numRuns: 400, seed: 20261207 },
  );
  assert.ok(formatted > 20, `${formatted} cases were reformatted`);
});

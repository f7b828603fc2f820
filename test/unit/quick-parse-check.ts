/**
 * The quick reader's contract, checked wherever a text is at hand (unit tests, the fuzzer):
 * when `quickParse` reads a text, the full parser gives the same value, node locations in the
 * same order, line starts and no problems.
 */
import assert from 'node:assert/strict';
import { locationsByPointer, parse } from '../../server/src/core/parse';
import { quickParse } from '../../server/src/core/parse/quick-parse';
import { computeLineStarts } from '../../server/src/core/text';

/** Values with what deepEqual alone would miss: prototypes, NaN, -0. */
export function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value !== null && typeof value === 'object') return { proto: Object.getPrototypeOf(value), entries: Object.entries(value).map(([k, v]) => [k, shape(v)]) };
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  if (Object.is(value, -0)) return '-0';
  return value;
}

/** True when the quick reader read the text (and then it agreed with the full parser). */
export function assertSame(name: string, text: string): boolean {
  const quick = quickParse(text);
  if (!quick) return false;
  const full = parse(text, { locale: 'en', reader: 'full' });
  assert.deepEqual(full.problems, [], `${name}: the quick reader read a text the full parser finds problems in`);
  assert.deepEqual(shape(quick.value), shape(full.value), `${name}: value`);
  // The tree and the pointers listed from it (what the quick reader gives as `nodes`); each
  // location's `children` are compared with it.
  assert.deepEqual([...locationsByPointer(quick.root)], [...full.nodes], `${name}: node locations (and their order)`);
  assert.equal(full.root, full.nodes.get(''), `${name}: the full parser's root`);
  assert.deepEqual([...quick.lineStarts], [...computeLineStarts(text)], `${name}: line starts`);
  return true;
}


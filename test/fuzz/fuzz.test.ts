/**
 * A few thousand fuzz cases with a fixed seed inside `npm test` (the full run is `npm run fuzz`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fuzzCase } from './arbitraries';
import { FuzzStats, runCase } from './harness';

const SEED = 20261126;
const RUNS = 2000;

test(`${RUNS} generated cases (seed ${SEED}): nothing escapes, every range lies inside its document`, () => {
  const stats = new FuzzStats();
  fc.assert(
    fc.property(fuzzCase, (c) => {
      stats.record(c, runCase(c));
    }),
    { numRuns: RUNS, seed: SEED },
  );
  // Every generator was exercised (a generator that silently stopped producing would hide bugs).
  for (const kind of ['mutated-example', 'bulletin-shaped', 'random-yaml', 'token-soup']) {
    assert.ok((stats.byKind.get(kind) ?? 0) > RUNS / 40, `${kind}: ${stats.byKind.get(kind)}\n${stats.summary()}`);
  }
  console.log(stats.summary());
});

/**
 * `npm run fuzz [-- --runs N] [-- --seed S]`: at least 100,000 cases by default, with a random
 * seed unless one is given (run in batches of 5,000, seeds seed, seed + 1, ...). Prints the counts per generator and mutation and the longest case
 * time; a failing case is shrunk, saved under test/fixtures/fuzz/ and the run exits 1.
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { fuzzCase } from './arbitraries';
import { FuzzStats, runCase, type FuzzCase } from './harness';
import { saveCase } from './fixtures';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100000' },
    seed: { type: 'string' },
  },
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? (Math.random() * 2 ** 31) | 0 : Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  process.stderr.write('usage: npm run fuzz -- [--runs N] [--seed INTEGER]\n');
  process.exit(2);
}

const stats = new FuzzStats();
let firstFailure: FuzzCase | undefined;
const started = Date.now();
let lastReport = started;

process.stdout.write(`fuzzing ${runs} cases, seed ${seed}\n`);
// Batches of a few thousand cases, each with its own seed (seed, seed + 1, ...): a long single
// run of fast-check grows in memory and slows down; a batch is replayed alone by its seed.
const BATCH = 5000;
for (let batch = 0; batch * BATCH < runs; batch++) {
  const batchSeed = seed + batch;
  const details = fc.check(
    fc.property(fuzzCase, (c) => {
      try {
        stats.record(c, runCase(c));
      } catch (error) {
        // Saved at once, unshrunk, in case shrinking itself never ends.
        if (!firstFailure) {
          firstFailure = c;
          process.stdout.write(`failure found; unshrunk case saved as ${saveCase(c, String(error), batchSeed)}\n`);
        }
        throw error;
      }
      if (Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        process.stdout.write(`  ${stats.cases} cases, longest ${stats.longestMs.toFixed(1)} ms\n`);
      }
    }),
    { numRuns: Math.min(BATCH, runs - batch * BATCH), seed: batchSeed },
  );
  if (details.failed) {
    process.stdout.write(`${stats.summary()}\nseconds: ${((Date.now() - started) / 1000).toFixed(1)}\n`);
    const shrunk = details.counterexample?.[0] as FuzzCase | undefined;
    const reason = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    if (shrunk) process.stdout.write(`shrunk case saved as ${saveCase(shrunk, reason, batchSeed, details.counterexamplePath ?? undefined)}\n`);
    process.stdout.write(`FAILED after ${stats.cases} cases (batch seed ${batchSeed}, path ${details.counterexamplePath}): ${reason}\n`);
    process.exit(1);
  }
}

process.stdout.write(`${stats.summary()}\nseconds: ${((Date.now() - started) / 1000).toFixed(1)}\n`);
process.stdout.write(`${stats.cases} passed, 0 failed (seed ${seed})\n`);

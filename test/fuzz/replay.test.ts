/** Every fuzz case that once failed stays a test: it must now pass the same property. */
import { test } from 'node:test';
import { loadCases } from './fixtures';
import { runCase } from './harness';

for (const { file, fuzzCase, failure } of loadCases()) {
  test(`saved fuzz case ${file.split('/').pop()} (once: ${failure.split('\n')[0].slice(0, 80)})`, () => {
    runCase(fuzzCase);
  });
}

/**
 * Regressions the fuzzer found that a replayed case cannot show by itself: the process kept
 * old document texts alive and slowed down as a long fuzz run went on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyzeText, checkBulletin } from '../../server/src/core/analyze';
import { WorkspaceIndex } from '../../server/src/core/index/workspace-index';
import { examples } from './harness';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

test('checking edits of a large bulletin keeps no old text alive (versions are copied, not sliced from the text)', () => {
  const base = examples.find((e) => e.name.startsWith('MS04-029'))!.text;
  const padding = `#${'x'.repeat(1_000_000)}\n`; // 2 MB as UTF-16
  const check = (i: number) => {
    // Each edit gives a file a version never seen before, as typing one does.
    const text = base.replace('4.0.1381.7263', `4.0.1381.${10_000 + i}`) + padding;
    const index = new WorkspaceIndex();
    const { bulletin } = analyzeText('mem://edited.bulletin.yaml', text);
    index.set(bulletin);
    checkBulletin(bulletin, index);
  };
  check(0);
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 1; i <= 40; i++) check(i);
  gc();
  const grown = process.memoryUsage().heapUsed - before;
  // Forty texts of 2 MB each were made; keeping them would grow the heap by about 80 MB.
  assert.ok(grown < 20_000_000, `heap grew by ${(grown / 1e6).toFixed(1)} MB`);
});

/**
 * How the server is started (server/src/launch.ts): one V8 background thread per core beyond
 * the server's own, at least one and at most V8's default of four.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverExecArgv } from '../../server/src/launch';

test('the V8 thread pool is sized to the cores left beside the server thread', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 16].map((cores) => serverExecArgv(cores)), [
    ['--v8-pool-size=1'],
    ['--v8-pool-size=1'],
    ['--v8-pool-size=2'],
    ['--v8-pool-size=3'],
    ['--v8-pool-size=4'],
    ['--v8-pool-size=4'],
  ]);
});

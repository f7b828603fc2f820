/**
 * How the server is started (server/src/launch.ts): one V8 background thread per core beyond
 * the server's own, at least one and at most V8's default of four; semi-spaces of 8 MB.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { serverExecArgv } from '../../server/src/launch';

test('the V8 thread pool is sized to the cores left beside the server thread', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 16].map((cores) => serverExecArgv(cores)[0]), [
    '--v8-pool-size=1',
    '--v8-pool-size=1',
    '--v8-pool-size=2',
    '--v8-pool-size=3',
    '--v8-pool-size=4',
    '--v8-pool-size=4',
  ]);
});

test('the young generation is halved, whatever the cores', () => {
  for (const cores of [1, 2, 16]) assert.equal(serverExecArgv(cores)[1], '--max-semi-space-size=8');
});

test('node accepts every option the server is started with', () => {
  const started = spawnSync(process.execPath, [...serverExecArgv(2), '-e', 'process.stdout.write(String(require("v8").getHeapSpaceStatistics().length))'], { encoding: 'utf8' });
  assert.equal(started.status, 0, started.stderr);
  assert.ok(Number(started.stdout) > 0);
});

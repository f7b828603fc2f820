/** The client's restart policy, on an injected clock: 5 restarts in 3 minutes, then none. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RestartPolicy } from '../../client/src/restart-policy';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

test('five crashes in a row are restarted, the sixth within 3 minutes is not', () => {
  const time = clock();
  const policy = new RestartPolicy({ now: time.now });
  for (let i = 1; i <= 5; i++) {
    assert.deepEqual(policy.onCrash(), { restart: true, attempt: i });
    time.advance(10_000);
  }
  assert.deepEqual(policy.onCrash(), { restart: false, crashes: 6 });
  // Still refused while the window holds five restarts.
  time.advance(60_000);
  assert.equal(policy.onCrash().restart, false);
});

test('restarts older than 3 minutes no longer count', () => {
  const time = clock();
  const policy = new RestartPolicy({ now: time.now });
  for (let i = 0; i < 5; i++) assert.equal(policy.onCrash().restart, true);
  time.advance(3 * 60_000 - 1);
  assert.equal(policy.onCrash().restart, false);
  time.advance(1);
  // All five fell out of the window together.
  assert.deepEqual(policy.onCrash(), { restart: true, attempt: 1 });
});

test('crashes spread out are restarted for as long as they stay under the rate', () => {
  const time = clock();
  const policy = new RestartPolicy({ now: time.now });
  for (let i = 0; i < 50; i++) {
    assert.equal(policy.onCrash().restart, true, `crash ${i}`);
    time.advance(40_000); // 4.5 per 3 minutes
  }
});

test('the user restarting the server by command starts a fresh allowance', () => {
  const time = clock();
  const policy = new RestartPolicy({ now: time.now });
  for (let i = 0; i < 5; i++) policy.onCrash();
  assert.equal(policy.onCrash().restart, false);
  policy.reset();
  assert.deepEqual(policy.onCrash(), { restart: true, attempt: 1 });
});

test('the limits are configurable', () => {
  const time = clock();
  const policy = new RestartPolicy({ maxRestarts: 1, windowMs: 1000, now: time.now });
  assert.equal(policy.onCrash().restart, true);
  assert.equal(policy.onCrash().restart, false);
  time.advance(1000);
  assert.equal(policy.onCrash().restart, true);
});

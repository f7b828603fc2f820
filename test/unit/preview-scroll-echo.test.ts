/**
 * The host's side of scroll sync (client/src/preview/scroll-echo.ts): the editor scrolls that
 * answer the preview's reveals are not sent back to the preview, however many reveals are in
 * flight, while the user's own editor scrolls are.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ScrollEchoGuard } from '../../client/src/preview/scroll-echo';

function clock() {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

test('several reveals in flight: each answer is an echo, in order, also when the editor skips some', () => {
  const time = clock();
  const guard = new ScrollEchoGuard(time, 250, 2_000);
  // Six wheel steps over the preview, each revealed in the editor before the editor answers.
  for (const line of [10, 14, 19, 25, 31, 38]) {
    guard.revealed(line);
    time.advance(60);
  }
  time.advance(300); // the preview has stopped driving; only the answers are left
  assert.equal(guard.isEcho(10), true);
  assert.equal(guard.isEcho(14), true);
  // The editor coalesced two reveals into one scroll each time: the skipped ones are settled too.
  assert.equal(guard.isEcho(25), true);
  assert.equal(guard.isEcho(38), true);
  // The user now scrolls the editor: to a skipped line, a line revealed before, or any other, it is followed.
  assert.equal(guard.isEcho(19), false, 'a reveal the editor skipped is not waited for');
  assert.equal(guard.isEcho(31), false);
  assert.equal(guard.isEcho(12), false);
});

test('an answer on another line (the editor cannot scroll that far) settles the oldest reveal', () => {
  const time = clock();
  const guard = new ScrollEchoGuard(time, 250, 2_000);
  guard.revealed(480); // near the end: the editor stops with line 452 at its top
  time.advance(400); // a slow extension host: the preview no longer counts as driving
  assert.equal(guard.isEcho(452), true);
  assert.equal(guard.isEcho(452), false, 'the next scroll is the user\'s');
});

test('while the preview drives, an editor scroll to another line (the end of the document) is an echo', () => {
  const time = clock();
  const guard = new ScrollEchoGuard(time, 250, 2_000);
  guard.revealed(400); // past what the editor can put at its top
  time.advance(30);
  assert.equal(guard.isEcho(371), true);
  time.advance(300);
  assert.equal(guard.isEcho(360), false, 'the preview is quiet: the editor leads again');
});

test('a reveal never answered stops counting after a while', () => {
  const time = clock();
  const guard = new ScrollEchoGuard(time, 250, 2_000);
  guard.revealed(50);
  time.advance(2_500);
  assert.equal(guard.isEcho(50), false);
});

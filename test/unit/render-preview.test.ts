/**
 * The preview's pure parts: webview messages are checked against the document they claim to
 * come from; the render schedule is "first at once, then at most every 100 ms, none lost".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFromWebview, parsePreviewState } from '../../client/src/preview/messages';
import { RenderScheduler, type Clock } from '../../client/src/preview/scheduler';

const source = 'file:///ws/MS04-029.bulletin.yaml';

test('webview messages: well-formed ones for this document pass, the rest are dropped', () => {
  assert.deepEqual(parseFromWebview({ type: 'ready', source }, source), { type: 'ready', source });
  assert.deepEqual(parseFromWebview({ type: 'didScroll', source, line: 12.5 }, source), { type: 'didScroll', source, line: 12.5 });
  assert.deepEqual(parseFromWebview({ type: 'revealLine', source, line: 3, extra: 'x' }, source), { type: 'revealLine', source, line: 3 });
  assert.equal(parseFromWebview({ type: 'revealLine', source: 'file:///ws/other.bulletin.yaml', line: 3 }, source), undefined);
  assert.equal(parseFromWebview({ type: 'revealLine', source, line: -1 }, source), undefined);
  assert.equal(parseFromWebview({ type: 'revealLine', source, line: '3' }, source), undefined);
  assert.equal(parseFromWebview({ type: 'didScroll', source, line: Number.NaN }, source), undefined);
  assert.equal(parseFromWebview({ type: 'runCommand', source }, source), undefined);
  assert.equal(parseFromWebview(null, source), undefined);
  assert.equal(parseFromWebview([source], source), undefined);
});

test('saved panel state: a resource is required, the rest defaults', () => {
  assert.deepEqual(parsePreviewState({ resource: source, locked: true, line: 7 }), { resource: source, locked: true, line: 7 });
  assert.deepEqual(parsePreviewState({ resource: source, locked: 'yes', line: 'x' }), { resource: source, locked: false, line: undefined });
  assert.equal(parsePreviewState({ locked: true }), undefined);
  assert.equal(parsePreviewState(undefined), undefined);
});

/** A clock the test moves by hand: timers fire only when time is advanced past them. */
class ManualClock implements Clock {
  time = 1_000;
  private timers: { at: number; callback: () => void; id: number }[] = [];
  private nextId = 1;
  now() {
    return this.time;
  }
  setTimeout(callback: () => void, ms: number) {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, callback, id });
    return id;
  }
  clearTimeout(handle: unknown) {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }
  async advance(ms: number) {
    const end = this.time + ms;
    for (;;) {
      await flush();
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.time = due.at;
      this.timers = this.timers.filter((t) => t !== due);
      due.callback();
    }
    this.time = end;
    await flush();
  }
}
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

test('the first render runs at once; a burst of edits renders at most once per 100 ms, the last edit included', async () => {
  const clock = new ManualClock();
  const starts: number[] = [];
  const scheduler = new RenderScheduler(async () => {
    starts.push(clock.now());
  }, 100, clock);
  scheduler.request();
  await flush();
  assert.deepEqual(starts, [1_000]);
  for (let i = 0; i < 9; i++) {
    await clock.advance(10);
    scheduler.request();
  }
  // 9 edits in the 100 ms after the first render: one more render at 1,100, none in between.
  assert.deepEqual(starts, [1_000]);
  await clock.advance(10);
  assert.deepEqual(starts, [1_000, 1_100]);
  await clock.advance(500);
  assert.deepEqual(starts, [1_000, 1_100]);
  scheduler.request(); // long after the last render: at once again
  await flush();
  assert.deepEqual(starts, [1_000, 1_100, 1_600]);
  scheduler.dispose();
});

test('never two renders in flight; an edit during a slow render is rendered after it', async () => {
  const clock = new ManualClock();
  let inFlight = 0;
  let most = 0;
  const finish: (() => void)[] = [];
  let count = 0;
  const scheduler = new RenderScheduler(
    () =>
      new Promise<void>((resolve) => {
        count++;
        most = Math.max(most, ++inFlight);
        finish.push(() => {
          inFlight--;
          resolve();
        });
      }),
    100,
    clock,
  );
  scheduler.request();
  await flush();
  await clock.advance(300);
  scheduler.request();
  scheduler.request();
  await clock.advance(300);
  assert.equal(count, 1); // still waiting for the first
  finish.shift()!();
  await clock.advance(0);
  assert.equal(count, 2);
  finish.shift()!();
  await clock.advance(1_000);
  assert.equal(count, 2);
  assert.equal(most, 1);
  scheduler.dispose();
});

test('a failing render does not stop later ones; dispose stops them', async () => {
  const clock = new ManualClock();
  let count = 0;
  const scheduler = new RenderScheduler(async () => {
    count++;
    throw new Error('server gone');
  }, 100, clock);
  scheduler.request();
  await clock.advance(0);
  scheduler.request();
  await clock.advance(100);
  assert.equal(count, 2);
  scheduler.request();
  scheduler.dispose();
  await clock.advance(1_000);
  assert.equal(count, 2);
});

/**
 * Keystrokes come first while a workspace is read: the server's thread takes no batch of files
 * while the author types (the index workers read on), its records are taken in a slice at a
 * time, and with no worker left the thread reads all the same.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IndexWorkers } from '../../server/src/lsp/index-workers';

const root = join(__dirname, '..', '..');
const small = 'bulletin: 1\nid: MS99-001\ntitle: T\npublished: 2004-10-16\nseverity: important\n';

function workspaceOf(count: number): { folder: string; uris: string[] } {
  const folder = mkdtempSync(join(tmpdir(), 'bulletin-typing-scan-'));
  const uris = Array.from({ length: count }, (_, i) => {
    const path = join(folder, `b${i}.bulletin.yaml`);
    writeFileSync(path, small.replace('MS99-001', `MS99-${String(i).padStart(3, '0')}`));
    return pathToFileURL(path).href;
  });
  return { folder, uris };
}

/** Who read each file: the stand-in worker names its heap; the server's thread gives a record. */
async function readers(editor: { busy(): boolean; active(): boolean }, count = 600): Promise<Map<string, number>> {
  const { folder, uris } = workspaceOf(count);
  try {
    const workers = IndexWorkers.create(join(root, 'test', 'fixtures', 'workers', 'dying-index-worker.js'));
    assert.ok(workers);
    const who = new Map<string, number>();
    await workers.parse(uris, {}, () => false, (_uri, result) => {
      const reader = 'error' in result ? result.error : 'the server thread';
      who.set(reader, (who.get(reader) ?? 0) + 1);
    }, editor);
    assert.equal([...who.values()].reduce((a, b) => a + b, 0), count, 'every file is read once');
    return who;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

test('while the author types, the server thread reads no file: the workers read them all', { skip: availableParallelism() < 2 ? 'one core: no index workers' : false }, async () => {
  const typing = await readers({ busy: () => true, active: () => true });
  assert.deepEqual([...typing.keys()], ['read by a worker with a small heap']);
  // The same files with nobody typing: the server's thread takes its share.
  const idle = await readers({ busy: () => false, active: () => false });
  assert.ok((idle.get('the server thread') ?? 0) > 0, JSON.stringify([...idle]));
});

test('an editor that never stops being busy delays the reading but does not stop it', { skip: availableParallelism() < 2 ? 'one core: no index workers' : false }, async () => {
  // Busy for ever, yet not "active": the thread reads, giving way at most a while at each slice.
  const who = await readers({ busy: () => true, active: () => false }, 200);
  assert.equal([...who.values()].reduce((a, b) => a + b, 0), 200);
});

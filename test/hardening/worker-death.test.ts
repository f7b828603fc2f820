/**
 * An index worker that dies on a file (V8 aborts a worker at its heap limit) costs only that
 * worker: the file goes to a worker with a large heap, never to the server's thread, where the
 * full parser would block every request for seconds; a file that one dies on too is reported.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IndexWorkers } from '../../server/src/lsp/index-workers';

const root = join(__dirname, '..', '..');
// Larger than what the server's thread reads itself while workers run (64 KB).
const text = `bulletin: 1\nid: MS99-001\ntitle: T\npublished: 2004-10-16\nseverity: important\n${'# padding\n'.repeat(8000)}`;

test('a file a small-heap worker dies on is read by a large-heap worker, the rest as before', { skip: availableParallelism() < 2 ? 'one core: no index workers' : false }, async () => {
  const folder = mkdtempSync(join(tmpdir(), 'bulletin-worker-death-'));
  try {
    const uris = ['a', 'huge', 'b'].map((name) => {
      writeFileSync(join(folder, `${name}.bulletin.yaml`), text);
      return pathToFileURL(join(folder, `${name}.bulletin.yaml`)).href;
    });
    const workers = IndexWorkers.create(join(root, 'test', 'fixtures', 'workers', 'dying-index-worker.js'));
    assert.ok(workers);
    const results = new Map<string, string>();
    await workers.parse(uris, {}, () => false, (uri, result) => results.set(uri.split('/').pop()!, 'error' in result ? result.error : 'read on the server thread'));
    assert.equal(results.get('huge.bulletin.yaml'), 'read by a worker with a large heap');
    for (const name of ['a.bulletin.yaml', 'b.bulletin.yaml']) assert.match(results.get(name) ?? '', /read by a worker with a (small|large) heap/, name);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

// Options a worker cannot be sent (a function in them) once left the workers alive, and their
// threads kept `bulletin check` from ever exiting: now every file is read here and the call ends.
test('options that cannot be posted to a worker: every file is read on this thread, no worker is left running', { skip: availableParallelism() < 2 ? 'one core: no index workers' : false }, async () => {
  const folder = mkdtempSync(join(tmpdir(), 'bulletin-worker-post-'));
  try {
    const uris = Array.from({ length: 40 }, (_, i) => {
      writeFileSync(join(folder, `${i}.bulletin.yaml`), text);
      return pathToFileURL(join(folder, `${i}.bulletin.yaml`)).href;
    });
    const workers = IndexWorkers.create(join(root, 'test', 'fixtures', 'workers', 'dying-index-worker.js'));
    assert.ok(workers);
    const results = new Map<string, string>();
    const unposted = { history: () => undefined } as unknown as Parameters<IndexWorkers['parse']>[1];
    await workers.parse(uris, unposted, () => false, (uri, result) => results.set(uri, 'error' in result ? result.error : 'read on the server thread'));
    assert.equal(results.size, uris.length);
    for (const [uri, how] of results) assert.equal(how, 'read on the server thread', uri);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

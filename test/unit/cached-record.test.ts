/**
 * Records that stay in the warm-start cache file (server/src/lsp/cached-record.ts): read back as
 * they were written, checked again on every read, and read from the bulletin's own file when
 * the cache's bytes cannot be trusted any more (damaged in place, or the file closed).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeText } from '../../server/src/core/analyze';
import type { BulletinRecord } from '../../server/src/core/record/record';
import { WorkspaceCache, type CacheEntry } from '../../server/src/lsp/workspace-cache';
import type { CachedRecord } from '../../server/src/lsp/cached-record';

const root = join(__dirname, '..', '..');
const example = (name: string) => readFileSync(join(root, 'examples', `${name}.bulletin.yaml`), 'utf8');
const texts: [string, string][] = [['MS04-012', example('MS04-012')], ['MS04-029', example('MS04-029')], ['MS04-030', example('MS04-012').replace(/^id: MS04-012$/m, 'id: MS04-030')]];
const records = texts.map(([name, text]) => analyzeText(`file:///w/${name}.bulletin.yaml`, text).bulletin.record);
const entry = (record: BulletinRecord): [string, CacheEntry] => [record.uri, { size: record.textLength, mtimeMs: 1, ctimeMs: 2, ino: 3, hash: record.hash, record }];
/** What a record holds, as plain data (typed arrays by kind and content). */
const plain = (record: BulletinRecord) => ({ ...record, lineStarts: [record.lineStarts.constructor.name, ...record.lineStarts], numbers: [...record.numbers], cells: [record.cells.constructor.name, ...record.cells], suppressions: [...record.suppressions] });

async function withCache(run: (cache: WorkspaceCache, path: () => string, fromFile: string[]) => Promise<void>, readFromFile?: (uri: string) => BulletinRecord | undefined) {
  const storage = mkdtempSync(join(tmpdir(), 'bulletin-cached-record-'));
  const fromFile: string[] = [];
  const cache = new WorkspaceCache(storage, ['/w'], 'en', (uri) => (fromFile.push(uri), readFromFile?.(uri)));
  try {
    await run(cache, () => join(storage, readdirSync(storage).find((name) => name.endsWith('.cache'))!), fromFile);
  } finally {
    rmSync(storage, { recursive: true, force: true });
  }
}

test('a saved record is read back from the file as it was, from the file save answers with and from the one a later load opens', async () => {
  await withCache(async (cache) => {
    const saved = await cache.save(records.map(entry), 'digest');
    assert.ok(saved);
    assert.deepEqual([...saved.records.keys()], records.map((r) => r.uri));
    for (const record of records) assert.deepEqual(plain(saved.records.get(record.uri)!.load()), plain(record));
    const loaded = await cache.load();
    assert.ok(loaded && 'entries' in loaded, 'the cache was used');
    for (const record of records) {
      const again: CachedRecord = loaded.entries.get(record.uri)!.record;
      assert.equal(again.hash, record.hash);
      assert.deepEqual(plain(again.load()), plain(record));
      assert.deepEqual(plain(again.load()), plain(record), 'and again, out of order');
    }
    saved.file.close();
    loaded.file.close();
  });
});

test('a record damaged in place after the load is read from its bulletin’s file when that file has the same content, and refused otherwise', async () => {
  let fromDisk: BulletinRecord | undefined;
  await withCache(async (cache, path, fromFile) => {
    await cache.save(records.map(entry), 'digest');
    const loaded = await cache.load();
    assert.ok(loaded && 'entries' in loaded);
    const target = records[1];
    const stored = loaded.entries.get(target.uri)!.record;
    // A byte of MS04-029's line starts changed where it lies, behind the reader's back.
    const arraysAt = readFileSync(path()).lastIndexOf(Buffer.from(new Uint8Array(target.lineStarts.buffer, target.lineStarts.byteOffset, target.lineStarts.byteLength)));
    assert.ok(arraysAt > 0, 'its line starts are in the file');
    const fd = openSync(path(), 'r+');
    writeSync(fd, Buffer.from([0xff]), 0, 1, arraysAt + 3);
    closeSync(fd);
    fromDisk = target;
    assert.deepEqual(plain(stored.load()), plain(target), 'read from the bulletin’s file');
    assert.deepEqual(fromFile, [target.uri]);
    fromDisk = { ...target, hash: 'changed since' };
    assert.throws(() => stored.load(), /cannot be read back \(checksum mismatch\), nor read from its file/);
    // The others are still read from the cache.
    assert.deepEqual(plain(loaded.entries.get(records[0].uri)!.record.load()), plain(records[0]));
    assert.deepEqual(fromFile, [target.uri, target.uri]);
    loaded.file.close();
  }, () => fromDisk);
});

test('a record asked of a closed cache file is read from its bulletin’s file', async () => {
  await withCache(async (cache, _path, fromFile) => {
    const saved = await cache.save(records.map(entry), undefined);
    assert.ok(saved);
    saved.file.close();
    assert.deepEqual(plain(saved.records.get(records[2].uri)!.load()), plain(records[2]));
    assert.deepEqual(fromFile, [records[2].uri]);
  }, (uri) => records.find((r) => r.uri === uri));
});

test('a cache that cannot be replaced is replaced once the old one is closed, and left alone when it cannot be', async () => {
  await withCache(async (cache, path) => {
    const first = await cache.save(records.map(entry), 'digest');
    assert.ok(first);
    first.file.close();
    // What stands in the way of the rename: a folder under the cache's name, taken away by `closeOld`.
    const target = path();
    const storage = join(target, '..');
    rmSync(target);
    mkdirSync(join(target, 'in the way'), { recursive: true });
    assert.equal(await cache.save(records.map(entry), 'digest'), undefined, 'without closeOld: not written');
    assert.deepEqual(readdirSync(storage).filter((name) => name.endsWith('.tmp')), [], 'and no temporary file left');
    let closed = 0;
    const saved = await cache.save(records.map(entry), 'digest', () => {
      closed++;
      rmSync(target, { recursive: true });
    });
    assert.equal(closed, 1);
    assert.ok(saved, 'written on the second try');
    assert.deepEqual(plain(saved.records.get(records[0].uri)!.load()), plain(records[0]));
    saved.file.close();
  });
});

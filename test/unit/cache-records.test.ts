/** The warm-start cache's records (server/src/lsp/cacheRecords.ts): JSON plus typed arrays, through one reused buffer. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readRecord, RecordWriter, recordLength } from '../../server/src/lsp/cacheRecords';

/** Writes records through a small buffer and splits the bytes back into records. */
async function roundTrip(records: [unknown, (Int32Array | Uint32Array)[]][], bufferSize: number) {
  const written: Buffer[] = [];
  const writer = new RecordWriter(async (bytes) => written.push(Buffer.from(bytes)), bufferSize);
  for (const [value, arrays] of records) await writer.add(value, arrays);
  await writer.flush();
  const all = Buffer.concat(written);
  const out = [];
  for (let at = 0; at < all.length; ) {
    const length = recordLength(all.subarray(at));
    out.push(readRecord(all.subarray(at + 4, at + 4 + length)));
    at += 4 + length;
  }
  return { out, writes: written.length };
}

test('records come back as written: values, Int32Array and Uint32Array, across buffer flushes and records larger than the buffer', async () => {
  const big = Int32Array.from({ length: 5000 }, (_, i) => i * 7 - 1000);
  const records: [unknown, (Int32Array | Uint32Array)[]][] = [
    [{ format: 'x', digest: 'd', text: 'セキュリティ情報 "quoted" \\ \n' }, []],
    [{ uri: 'file:///a', problems: [{ offset: 1, length: 2, code: 'schema', data: { id: 'MS04-012' } }] }, [Int32Array.of(-1, 0, 2 ** 31 - 1), Uint32Array.of(0, 4294967295)]],
    [{ top: { id: 'MS04-029' } }, [big, new Uint32Array(0), Int32Array.of(3)]],
    [null, [Int32Array.of(1)]],
  ];
  const { out, writes } = await roundTrip(records, 256);
  assert.ok(writes > 2, 'the small buffer was written out several times');
  assert.deepEqual(out.map((r) => r.value), records.map(([value]) => value));
  out.forEach((record, i) => {
    const expected = records[i][1];
    assert.equal(record.arrays.length, expected.length);
    record.arrays.forEach((array, j) => {
      assert.equal(array.constructor, expected[j].constructor);
      assert.deepEqual([...array], [...expected[j]]);
    });
  });
});

test('a typed array inside the JSON part is refused rather than written as an object', async () => {
  const writer = new RecordWriter(async () => undefined);
  await assert.rejects(writer.add({ lineStarts: new Uint32Array(2) }), /typed array/);
});

test('a truncated record is an error, never a partial value', async () => {
  const { out } = await roundTrip([[{ a: 1 }, [Int32Array.of(1, 2, 3)]]], 1024);
  assert.equal(out.length, 1);
  const written: Buffer[] = [];
  const writer = new RecordWriter(async (bytes) => written.push(Buffer.from(bytes)));
  await writer.add({ a: 1 }, [Int32Array.of(1, 2, 3)]);
  await writer.flush();
  const record = written[0].subarray(4);
  assert.throws(() => readRecord(record.subarray(0, record.length - 1)), /truncated/);
  assert.throws(() => readRecord(record.subarray(0, 12)), /truncated|JSON/);
});

/** The warm-start cache's records (server/src/lsp/cache-records.ts): JSON plus typed arrays, through one reused buffer, each with a checksum. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readRecords, RecordWriter, type RecordArray } from '../../server/src/lsp/cache-records';

async function write(records: [unknown, RecordArray[]][], bufferSize: number): Promise<{ bytes: Buffer; writes: number }> {
  const written: Buffer[] = [];
  const writer = new RecordWriter(async (bytes) => written.push(Buffer.from(bytes)), bufferSize);
  for (const [value, arrays] of records) await writer.add(value, arrays);
  await writer.flush();
  return { bytes: Buffer.concat(written), writes: written.length };
}

test('records come back as written: values, Int32Array, Int16Array, Uint32Array and Float64Array, across buffer flushes and records larger than the buffer', async () => {
  const big = Int32Array.from({ length: 5000 }, (_, i) => i * 7 - 1000);
  const records: [unknown, RecordArray[]][] = [
    [{ format: 'x', digest: 'd', text: 'セキュリティ情報 "quoted" \\ \n' }, []],
    [{ uri: 'file:///a', problems: [{ offset: 1, length: 2, code: 'schema', data: { id: 'MS04-012' } }] }, [Int32Array.of(-1, 0, 2 ** 31 - 1), Uint32Array.of(0, 4294967295)]],
    [{ top: { id: 'MS04-029' } }, [big, new Uint32Array(0), Int32Array.of(3), Float64Array.of(1.5, Infinity, -0, 2 ** 53)]],
    [null, [Int32Array.of(1)]],
    [{ narrow: true }, [Int16Array.of(-32768, -1, 0, 32767, 5), Float64Array.of(2.5), Int16Array.of(7)]],
  ];
  const { bytes, writes } = await write(records, 256);
  assert.ok(writes > 2, 'the small buffer was written out several times');
  const out = [...readRecords(bytes)];
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

test('records read in order across many refills of the read window, one larger than the window among them, come back as written', async () => {
  // About 3 MB of records of 80 KB and one of 1.6 MB: the megabyte window is refilled again and
  // again (its buffer reused), and the large record gets a buffer of its own.
  const records: [unknown, RecordArray[]][] = Array.from({ length: 40 }, (_, i) => [{ i }, [Int32Array.from({ length: 20_000 }, (_, j) => i * 100_000 + j)]]);
  records.splice(17, 0, [{ large: true }, [Float64Array.from({ length: 200_000 }, (_, j) => j / 3)]]);
  const { bytes } = await write(records, 1 << 16);
  assert.ok(bytes.length > 3 * (1 << 20));
  const out = [...readRecords(bytes)];
  assert.deepEqual(out.map((r) => r.value), records.map(([value]) => value));
  out.forEach((record, i) => assert.deepEqual([...record.arrays[0]], [...records[i][1][0]], `record ${i}`));
});

test('a typed array inside the JSON part is refused rather than written as an object', async () => {
  const writer = new RecordWriter(async () => undefined);
  await assert.rejects(writer.add({ lineStarts: new Uint32Array(2) }), /typed array/);
});

test('a truncated record is an error, never a partial value', async () => {
  const { bytes } = await write([[{ a: 1 }, [Int32Array.of(1, 2, 3)]]], 1024);
  assert.equal([...readRecords(bytes)].length, 1);
  assert.throws(() => [...readRecords(bytes.subarray(0, bytes.length - 1))], /truncated/);
  assert.throws(() => [...readRecords(bytes.subarray(0, 12))], /truncated/);
});

test('a byte changed anywhere in a record fails its checksum', async () => {
  const { bytes } = await write([[{ name: 'rpcproxy.dll', offset: 12 }, [Int32Array.of(1, 2, 3)]]], 1024);
  for (let at = 8; at < bytes.length; at++) {
    const damaged = Buffer.from(bytes);
    damaged[at] ^= 0x01;
    assert.throws(() => [...readRecords(damaged)], /checksum|truncated|kind|longer/, `byte ${at}`);
  }
});

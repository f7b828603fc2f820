/**
 * The records of the warm-start cache: a JSON value and a few typed arrays behind a length and
 * a checksum, written into one reused buffer (a buffer per record, outside the JavaScript heap,
 * is what nothing hurries to collect).
 *
 * Record: u32 length of the rest | u32 CRC-32 of what follows it | u32 JSON length | u8 array
 * count | per array u8 kind and u32 element count | JSON (UTF-8) | each array's bytes.
 */
import { crc32 } from 'node:zlib';

export type RecordArray = Int32Array | Uint32Array | Float64Array | Int16Array | Uint16Array;
const KINDS = [Int32Array, Uint32Array, Float64Array, Int16Array, Uint16Array] as const;

function kindOf(array: RecordArray): number {
  const kind = KINDS.findIndex((type) => array instanceof type);
  if (kind < 0) throw new Error('a cache record holds Int32Array, Uint32Array, Float64Array, Int16Array and Uint16Array only');
  return kind;
}

/** JSON that refuses what it would silently turn into something else (a typed array becomes an object). */
function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (ArrayBuffer.isView(item)) throw new Error('a typed array inside the JSON part of a cache record');
    return item;
  });
}

export class RecordWriter {
  private buffer: Buffer;
  private used = 0;

  constructor(
    private readonly write: (bytes: Buffer) => Promise<unknown>,
    size = 1 << 20,
  ) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  /** Adds one record; writes the buffer out first when the record does not fit. */
  async add(value: unknown, arrays: readonly RecordArray[] = []): Promise<void> {
    const json = toJson(value);
    const jsonLength = Buffer.byteLength(json);
    const headerLength = 4 + 4 + 4 + 1 + arrays.length * 5;
    const total = headerLength + jsonLength + arrays.reduce((sum, array) => sum + array.byteLength, 0);
    if (this.used + total > this.buffer.length) await this.flush();
    // A record larger than the buffer gets one of its own, once.
    const target = total > this.buffer.length ? Buffer.allocUnsafe(total) : this.buffer;
    const start = target === this.buffer ? this.used : 0;
    let at = target.writeUInt32LE(total - 4, start);
    const checksumAt = at;
    at += 4;
    at = target.writeUInt32LE(jsonLength, at);
    at = target.writeUInt8(arrays.length, at);
    for (const array of arrays) {
      at = target.writeUInt8(kindOf(array), at);
      at = target.writeUInt32LE(array.length, at);
    }
    at += target.write(json, at, 'utf8');
    for (const array of arrays) {
      target.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
      at += array.byteLength;
    }
    target.writeUInt32LE(crc32(target.subarray(checksumAt + 4, at)), checksumAt);
    if (target === this.buffer) this.used = at;
    else await this.write(target);
  }

  async flush(): Promise<void> {
    if (this.used === 0) return;
    await this.write(this.buffer.subarray(0, this.used));
    this.used = 0;
  }
}

/** Reads `length` bytes at `position` into `buffer` at `offset`; answers how many it read. */
export type ReadAt = (buffer: Buffer, offset: number, length: number, position: number) => number;

const WINDOW = 1 << 20;

/**
 * Every record of a source of `size` bytes in turn, each as its JSON value and its arrays
 * (copies of their own), read through a window of about a megabyte (a record larger than the
 * window gets one of its own): the cache is never in memory whole. Throws on a truncated
 * record, a checksum that does not match, or an unknown array kind.
 */
export function* readRecordsAt(read: ReadAt, size: number): Generator<{ value: unknown; arrays: RecordArray[] }> {
  let window = Buffer.alloc(0);
  let windowAt = 0;
  const bytesAt = (position: number, length: number): Buffer => {
    if (position + length > size) throw new Error('truncated record');
    if (position >= windowAt && position + length <= windowAt + window.length) return window.subarray(position - windowAt, position - windowAt + length);
    const wanted = Math.min(Math.max(length, WINDOW), size - position);
    window = Buffer.allocUnsafe(wanted);
    windowAt = position;
    if (read(window, 0, wanted, position) !== wanted) throw new Error('truncated record');
    return window.subarray(0, length);
  };
  const slabs = new Slabs();
  let at = 0;
  while (at < size) {
    const length = bytesAt(at, 4).readUInt32LE(0);
    if (length < 9) throw new Error('truncated record');
    yield readRecord(bytesAt(at + 4, length), slabs);
    at += 4 + length;
  }
}

/** Records' arrays share buffers of this size (a record whose arrays need more than a quarter gets its own). */
const SLAB = 256 * 1024;

/**
 * Where the records of one read put their arrays: a buffer per record (zero-filled, tracked by
 * the collector) cost more than decoding the record. A buffer stays while one of its records
 * does: a record replaced later (an edited file) leaves its few kilobytes behind until the
 * others of its buffer go too.
 */
class Slabs {
  private slab = new ArrayBuffer(0);
  private used = 0;

  /** `size` bytes at an offset 8 divides: the buffer and the offset. */
  take(size: number): [ArrayBuffer, number] {
    if (size > SLAB / 4) return [new ArrayBuffer(size), 0];
    if (this.used + size > this.slab.byteLength) {
      // Not zero-filled: every byte handed out is written before it is read.
      this.slab = Buffer.allocUnsafeSlow(SLAB).buffer;
      this.used = 0;
    }
    const offset = this.used;
    this.used = Math.ceil((offset + size) / 8) * 8;
    return [this.slab, offset];
  }
}

/** `readRecordsAt` over bytes in memory. */
export function readRecords(bytes: Buffer): Generator<{ value: unknown; arrays: RecordArray[] }> {
  return readRecordsAt((buffer, offset, length, position) => bytes.copy(buffer, offset, position, position + length), bytes.length);
}

function readRecord(bytes: Buffer, slabs: Slabs): { value: unknown; arrays: RecordArray[] } {
  if (crc32(bytes.subarray(4)) !== bytes.readUInt32LE(0)) throw new Error('checksum mismatch');
  const jsonLength = bytes.readUInt32LE(4);
  const count = bytes.readUInt8(8);
  let at = 9;
  const shapes: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    if (at + 5 > bytes.length) throw new Error('truncated record');
    shapes.push([bytes.readUInt8(at), bytes.readUInt32LE(at + 1)]);
    at += 5;
  }
  const end = at + jsonLength;
  if (end > bytes.length) throw new Error('truncated record');
  const value: unknown = JSON.parse(bytes.toString('utf8', at, end));
  at = end;
  // One stretch of a shared buffer for all of a record's arrays, each at an offset its element
  // size divides: a buffer per array cost an allocation (and the collector's bookkeeping) per
  // array per record.
  let size = 0;
  const parts = shapes.map(([kind, length]) => {
    const type = KINDS[kind];
    if (!type) throw new Error('unknown array kind');
    const byteLength = length * type.BYTES_PER_ELEMENT;
    const offset = Math.ceil(size / 8) * 8;
    size = offset + byteLength;
    return { type, length, byteLength, offset };
  });
  // Checked before allocating: a damaged length must not ask for gigabytes.
  if (at + parts.reduce((sum, part) => sum + part.byteLength, 0) > bytes.length) throw new Error('truncated record');
  const [buffer, base] = slabs.take(size);
  const arrays = parts.map(({ type, length, byteLength, offset }) => {
    if (at + byteLength > bytes.length) throw new Error('truncated record');
    new Uint8Array(buffer, base + offset, byteLength).set(bytes.subarray(at, at + byteLength));
    at += byteLength;
    return new type(buffer, base + offset, length);
  });
  if (at !== bytes.length) throw new Error('record longer than its parts');
  return { value, arrays };
}

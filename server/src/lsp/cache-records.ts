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
  /** Bytes written out so far. */
  private written = 0;

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
    else {
      await this.write(target);
      this.written += target.length;
    }
  }

  /** Where the next record starts in what is written (its length prefix). */
  get position(): number {
    return this.written + this.used;
  }

  async flush(): Promise<void> {
    if (this.used === 0) return;
    await this.write(this.buffer.subarray(0, this.used));
    this.written += this.used;
    this.used = 0;
  }
}

/** Records' arrays share buffers of this size (a record whose arrays need more than a quarter gets its own). */
const SLAB = 256 * 1024;

/**
 * Where records' arrays go: a buffer per record (zero-filled, tracked by the collector) cost more
 * than decoding the record. A buffer stays while one of its records does: a record replaced
 * later (an edited file) leaves its few kilobytes behind until the others of its buffer go too.
 */
export class Slabs {
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

/** Reads `length` bytes at `position` into `buffer` at `offset`; answers how many it read. */
export type ReadAt = (buffer: Buffer, offset: number, length: number, position: number) => number;

const WINDOW = 1 << 20;

/**
 * Bytes of a source of `size` bytes, read in order through a window of about a megabyte (a
 * request larger than the window gets one of its own): reading records in order costs a read
 * per megabyte, not one per record. What it returns is valid until the next call.
 */
export class ReadWindow {
  private buffer = Buffer.alloc(0);
  private window = this.buffer;
  private windowAt = 0;

  constructor(
    private readonly read: ReadAt,
    readonly size: number,
  ) {}

  /** Where the last request ended: a request that starts there is reading in order. */
  private lastEnd = 0;

  bytesAt(position: number, length: number): Buffer {
    if (position < 0 || position + length > this.size) throw new Error('truncated record');
    const inOrder = position === this.lastEnd;
    this.lastEnd = position + length;
    if (!inOrder) {
      // One record asked for again: that record alone, read now (never an old window's copy).
      const bytes = Buffer.allocUnsafe(length);
      if (this.read(bytes, 0, length, position) !== length) throw new Error('truncated record');
      return bytes;
    }
    const { window, windowAt } = this;
    if (position >= windowAt && position + length <= windowAt + window.length) return window.subarray(position - windowAt, position - windowAt + length);
    const wanted = Math.min(Math.max(length, WINDOW), this.size - position);
    if (wanted > WINDOW) this.window = Buffer.allocUnsafe(wanted); // a record larger than the window: a buffer of its own, not kept
    else {
      // One buffer, refilled: a megabyte outside the heap per refill waited for a collection to be freed.
      if (this.buffer.length < WINDOW) this.buffer = Buffer.allocUnsafe(WINDOW);
      this.window = this.buffer.subarray(0, wanted);
    }
    this.windowAt = position;
    if (this.read(this.window, 0, wanted, position) !== wanted) throw new Error('truncated record');
    return this.window.subarray(0, length);
  }
}

/** A record found sound where it lies (checksum, lengths, array kinds), its arrays not copied yet. */
export interface ScannedRecord {
  value: unknown;
  /** Where the record starts (its length prefix) and its length with the prefix: what `readArraysAt` takes. */
  position: number;
  length: number;
  /** Its arrays, copied out; only until the scan moves on to the next record. */
  arrays(): RecordArray[];
}

/**
 * Every record of a source in turn, checked (checksum, then the lengths and kinds of its
 * parts) and its JSON value parsed, without copying its arrays unless asked. Throws on a
 * truncated record, a checksum that does not match, or an unknown array kind.
 */
export function* scanRecords(source: ReadWindow, slabs = new Slabs()): Generator<ScannedRecord> {
  let at = 0;
  while (at < source.size) {
    const length = source.bytesAt(at, 4).readUInt32LE(0);
    if (length < 9) throw new Error('truncated record');
    const bytes = source.bytesAt(at + 4, length);
    const parsed = parseRecord(bytes, true);
    yield { value: parsed.value, position: at, length: 4 + length, arrays: () => copyArrays(bytes, parsed, slabs) };
    at += 4 + length;
  }
}

/** Every record of a source of `size` bytes in turn, each as its JSON value and its arrays (copies of their own). */
export function* readRecordsAt(read: ReadAt, size: number): Generator<{ value: unknown; arrays: RecordArray[] }> {
  for (const record of scanRecords(new ReadWindow(read, size))) yield { value: record.value, arrays: record.arrays() };
}

/** `readRecordsAt` over bytes in memory. */
export function readRecords(bytes: Buffer): Generator<{ value: unknown; arrays: RecordArray[] }> {
  return readRecordsAt((buffer, offset, length, position) => bytes.copy(buffer, offset, position, position + length), bytes.length);
}

/**
 * The arrays of the record a scan found at `position` (`length` bytes with its prefix), read
 * again and checked again (the file may have changed since): copies of their own.
 */
export function readArraysAt(source: ReadWindow, position: number, length: number, slabs: Slabs): RecordArray[] {
  const bytes = source.bytesAt(position, length);
  if (length < 13 || bytes.readUInt32LE(0) !== length - 4) throw new Error('truncated record');
  const body = bytes.subarray(4);
  return copyArrays(body, parseRecord(body, false), slabs);
}

interface ParsedRecord {
  value: unknown;
  parts: { type: (typeof KINDS)[number]; length: number; byteLength: number; offset: number }[];
  /** Where the arrays' bytes start, and the size of one stretch holding them all. */
  arraysAt: number;
  size: number;
}

/** Checks a record's checksum and the lengths of its parts; its JSON is parsed when `withValue`. */
function parseRecord(bytes: Buffer, withValue: boolean): ParsedRecord {
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
  const value: unknown = withValue ? JSON.parse(bytes.toString('utf8', at, end)) : undefined;
  // One stretch of a shared buffer for all of a record's arrays, each at an offset its element
  // size divides: a buffer per array cost an allocation (and the collector's bookkeeping) per
  // array per record.
  let size = 0;
  let byteTotal = 0;
  const parts = shapes.map(([kind, length]) => {
    const type = KINDS[kind];
    if (!type) throw new Error('unknown array kind');
    const byteLength = length * type.BYTES_PER_ELEMENT;
    const offset = Math.ceil(size / 8) * 8;
    size = offset + byteLength;
    byteTotal += byteLength;
    return { type, length, byteLength, offset };
  });
  // Checked before anything is allocated: a damaged length must not ask for gigabytes.
  if (end + byteTotal > bytes.length) throw new Error('truncated record');
  if (end + byteTotal !== bytes.length) throw new Error('record longer than its parts');
  return { value, parts, arraysAt: end, size };
}

function copyArrays(bytes: Buffer, { parts, arraysAt, size }: ParsedRecord, slabs: Slabs): RecordArray[] {
  const [buffer, base] = slabs.take(size);
  let at = arraysAt;
  return parts.map(({ type, length, byteLength, offset }) => {
    new Uint8Array(buffer, base + offset, byteLength).set(bytes.subarray(at, at + byteLength));
    at += byteLength;
    return new type(buffer, base + offset, length);
  });
}

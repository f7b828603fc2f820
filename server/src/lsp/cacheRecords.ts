/**
 * The records of the warm-start cache: a JSON value and a few typed arrays (a model's ranges and
 * line starts) behind a length, written into one reused buffer. `v8.serialize` made a buffer
 * for every record, outside the JavaScript heap, where nothing hurries to collect it: writing
 * the cache of 10,000 bulletins raised the server's memory by about 100 MB.
 *
 * Record: u32 length of the rest | u32 JSON length | u8 array count | per array u8 kind and
 * u32 element count | JSON (UTF-8) | each array's bytes.
 */

export type RecordArray = Int32Array | Uint32Array;
const KINDS = [Int32Array, Uint32Array] as const;

function kindOf(array: RecordArray): number {
  const kind = KINDS.findIndex((type) => array instanceof type);
  if (kind < 0) throw new Error('a cache record holds Int32Array and Uint32Array only');
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
    const headerLength = 4 + 4 + 1 + arrays.length * 5;
    const total = headerLength + jsonLength + arrays.reduce((sum, array) => sum + array.byteLength, 0);
    if (this.used + total > this.buffer.length) await this.flush();
    // A record larger than the buffer gets one of its own, once.
    const target = total > this.buffer.length ? Buffer.allocUnsafe(total) : this.buffer;
    let at = target === this.buffer ? this.used : 0;
    at = target.writeUInt32LE(total - 4, at);
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
    if (target === this.buffer) this.used = at;
    else await this.write(target);
  }

  async flush(): Promise<void> {
    if (this.used === 0) return;
    await this.write(this.buffer.subarray(0, this.used));
    this.used = 0;
  }
}

/** Length of the record starting at `bytes` (the u32 before it), without reading it. */
export function recordLength(bytes: Buffer): number {
  return bytes.readUInt32LE(0);
}

/** The JSON value and the arrays of a record (without its leading length); the arrays are copies of their own. */
export function readRecord(bytes: Buffer): { value: unknown; arrays: RecordArray[] } {
  const jsonLength = bytes.readUInt32LE(0);
  const count = bytes.readUInt8(4);
  let at = 5;
  const shapes: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    shapes.push([bytes.readUInt8(at), bytes.readUInt32LE(at + 1)]);
    at += 5;
  }
  const end = at + jsonLength;
  if (end > bytes.length) throw new Error('truncated record');
  const value: unknown = JSON.parse(bytes.toString('utf8', at, end));
  at = end;
  const arrays = shapes.map(([kind, length]) => {
    const type = KINDS[kind];
    if (!type) throw new Error('unknown array kind');
    const array = new type(length);
    const byteLength = length * 4;
    if (at + byteLength > bytes.length) throw new Error('truncated record');
    new Uint8Array(array.buffer).set(bytes.subarray(at, at + byteLength));
    at += byteLength;
    return array;
  });
  return { value, arrays };
}

/**
 * An index worker (bundled as `dist/indexWorker.js`): reads and parses a batch of closed
 * bulletins and sends back their records (plain data, `core/record/`), so the
 * server's thread only indexes them. No YAML document leaves the worker.
 */
import { parentPort } from 'node:worker_threads';
import { recordOfRead } from '../lsp/read-model';
import type { ParseBatch, ParsedBatch, ParseResult } from '../lsp/index-workers';
import { pathOf, readFileNow } from '../lsp/workspace-load';
import type { BulletinRecord } from '../core/record/record';

parentPort?.on('message', (batch: ParseBatch) => {
  const results: [string, ParseResult | null][] = [];
  for (const uri of batch.uris) {
    const read = readFileNow(pathOf(uri), Infinity, batch.options.maxFileSize);
    if (read === undefined || read === 'large') {
      results.push([uri, null]); // vanished or unreadable: the file leaves the workspace
      continue;
    }
    try {
      const record = recordOfRead(uri, read, batch.options);
      results.push([uri, { record, info: { size: read.size, mtimeMs: read.mtimeMs, ctimeMs: read.ctimeMs, ino: read.ino, hash: record.hash } }]);
    } catch (error) {
      results.push([uri, { error: error instanceof Error ? error.message : String(error) }]);
    }
  }
  const buffer = packArrays(results);
  parentPort!.postMessage({ results } satisfies ParsedBatch, [buffer]);
});

type Packed = Int16Array | Int32Array | Uint16Array | Uint32Array | Float64Array;

/**
 * The batch's records' arrays moved into one buffer, which is transferred rather than copied:
 * a buffer of its own per array, copied into another of its own on the server's thread, cost
 * an allocation each (four per record) on both sides.
 */
function packArrays(results: [string, ParseResult | null][]): ArrayBuffer {
  const records = results.flatMap(([, result]) => (result && 'record' in result ? [result.record] : []));
  const arraysOf = (r: BulletinRecord): Packed[] => [r.cells, r.lineStarts, r.numbers, r.suppressions];
  let size = 0;
  for (const record of records) for (const array of arraysOf(record)) size = Math.ceil(size / 8) * 8 + array.byteLength;
  const buffer = new ArrayBuffer(size);
  let at = 0;
  for (const record of records) {
    const [cells, lineStarts, numbers, suppressions] = arraysOf(record).map((array) => {
      at = Math.ceil(at / 8) * 8;
      const moved = new (array.constructor as new (buffer: ArrayBuffer, offset: number, length: number) => Packed)(buffer, at, array.length);
      moved.set(array);
      at += array.byteLength;
      return moved;
    });
    Object.assign(record, { cells, lineStarts, numbers, suppressions });
  }
  return buffer;
}

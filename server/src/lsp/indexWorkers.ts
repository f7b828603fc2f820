/**
 * The index workers: closed bulletins are read and parsed on worker threads (one per core,
 * at most two), in batches, while the server's thread revives the models they send back
 * and stays free for requests. Workers live for one scan only (their heaps go with them).
 * A worker that dies hands its batch back; with none left, the rest is parsed here.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckOptions } from '../core/analyze';
import { extractSerial } from '../core/index/extract';
import type { SerialBulletin } from '../core/index/serial';
import { pooled } from '../core/index/compact';
import type { DiskInfo } from './workspaceCache';
import { readWithInfo } from './workspaceLoad';

export interface ParseBatch {
  uris: string[];
  options: CheckOptions;
}
/**
 * `pooled`: the model's strings are pooled copies already. In a batch from a worker, a model's
 * strings travel as `at`, indices into the batch's `strings` (each string once per batch, so
 * this thread pools a file name or a date once per batch, not once per model).
 */
export type ParseResult = { model: SerialBulletin; info: DiskInfo; pooled?: boolean; at?: Int32Array } | { error: string };
export interface ParsedBatch {
  results: [string, ParseResult | null][];
  strings?: string[];
}

const BATCH = 64;

export class IndexWorkers {
  private constructor(
    private readonly script: string,
    private readonly count: number,
  ) {}

  /** Workers when the bundled worker script is there (not under the test runner's sources). */
  static create(): IndexWorkers | undefined {
    const script = join(__dirname, 'indexWorker.js');
    if (!existsSync(script)) return undefined;
    return new IndexWorkers(script, Math.max(1, Math.min(2, availableParallelism())));
  }

  /** Parses every URI; `onResult` gets each model (a vanished file gets none). */
  async parse(uris: readonly string[], options: CheckOptions, cancelled: () => boolean, onResult: (uri: string, result: ParseResult) => void): Promise<void> {
    const queue: string[][] = [];
    for (let i = 0; i < uris.length; i += BATCH) queue.push(uris.slice(i, i + BATCH));
    const deliver = ({ results, strings }: ParsedBatch) => {
      const table = strings?.map((text) => pooled(text)!);
      for (const [uri, result] of results) {
        if (!result) continue;
        if (table && 'model' in result && result.at) {
          result.model.strings = Array.from(result.at, (at) => table[at]);
          result.pooled = true;
          delete result.at;
        }
        onResult(uri, result);
      }
    };
    const runWorker = () =>
      new Promise<void>((resolve) => {
        let worker: Worker;
        try {
          // Small heaps: a worker keeps nothing between files, and its heap counts in the
          // server's memory. A file too big for it costs this worker (its batch is read here).
          worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 } });
        } catch {
          resolve();
          return;
        }
        // Two batches in flight: the worker starts the next while this thread takes the last.
        const inFlight: string[][] = [];
        const next = () => {
          const batch = cancelled() ? undefined : queue.shift();
          if (batch) {
            inFlight.push(batch);
            worker.postMessage({ uris: batch, options } satisfies ParseBatch);
          } else if (inFlight.length === 0) void worker.terminate().then(() => resolve());
        };
        worker.on('message', (batch: ParsedBatch) => {
          inFlight.shift();
          deliver(batch);
          next();
        });
        const failed = () => {
          leftOver.push(...inFlight.splice(0)); // this thread reads them
          resolve();
        };
        worker.on('error', failed);
        worker.on('exit', failed);
        next();
        next();
      });
    const leftOver: string[][] = [];
    await Promise.all(Array.from({ length: this.count }, runWorker));
    // Whatever the workers could not take (none would start, or one died on a batch).
    for (const batch of [...leftOver, ...queue]) {
      if (cancelled()) return;
      for (const uri of batch) {
        const read = await readWithInfo(fileURLToPath(uri));
        if (!read) continue;
        try {
          onResult(uri, { model: extractSerial(uri, read.text, options), info: read.info });
        } catch (error) {
          onResult(uri, { error: error instanceof Error ? error.message : String(error) });
        }
      }
    }
  }
}

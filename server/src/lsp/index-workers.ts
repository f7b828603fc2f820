/**
 * The index workers: closed bulletins are read and parsed on worker threads, in batches, while
 * the server's thread revives the models they send back. The server's thread takes batches from
 * the same queue when it has nothing else to do, a few milliseconds at a time so requests never
 * wait long: it is mostly idle during a scan, and every worker is one more isolate to start,
 * compile the reader in and keep in memory (at two cores, one worker and this thread read a
 * cold workspace in less time and memory than two workers). Files too big to read in one slice
 * are left to the workers. Workers live for one scan only (their heaps go with them). A worker
 * that dies hands its batch back; with none left, the rest is parsed here.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { CheckOptions } from '../core/analyze';
import type { BulletinRecord } from '../core/record/record';
import { StringPool } from '../core/index/string-pool';
import { recordOfRead } from './read-model';
import type { DiskInfo } from './workspace-cache';
import { pathOf, readFileNow } from './workspace-load';

export interface ParseBatch {
  uris: string[];
  options: CheckOptions;
}
/** A file's record (as a worker posts it, or as read on this thread), or why it could not be read. */
export type ParseResult = { record: BulletinRecord; info: DiskInfo } | { error: string };
export interface ParsedBatch {
  results: [string, ParseResult | null][];
}

const BATCH = 64;
/** The index workers' heap (old generation), and the heap of the one that takes what a small one died on. */
const SMALL_HEAP_MB = 64;
const LARGE_HEAP_MB = 1024;
const TAIL_FILES = 512;
const TAIL_BATCH = 8;
/** How long this thread reads before it lets requests and worker messages in. */
const SLICE_MS = 2;
/** Bigger files are read by a worker when there is one (one alone could take longer than a slice). */
const LARGEST_READ_HERE = 64 * 1024;

/** What the author is doing, as far as reading the workspace should care (bulletin-workspace.ts). */
export interface EditorActivity {
  /** A keystroke is being checked, or the next one is expected any moment: give way. */
  busy(): boolean;
  /** The author has been typing lately: leave the reading to the workers. */
  active(): boolean;
}
const IDLE_EDITOR: EditorActivity = { busy: () => false, active: () => false };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));
/** How often a read that gave way to the editor looks again whether the author stopped typing. */
const EDITOR_POLL_MS = 10;
/** A read gives way at most this long at a time: an editor that never stops sending edits does not stop it (nor does a file tied up in a slice). */
const MOST_GIVEN_WAY_MS = 250;

/**
 * Lets requests and edits in, then, while the editor is busy (`editorBusy`: the author is
 * typing), waits: on two cores this thread's reading and the records it takes in would
 * otherwise stand between each keystroke and its diagnostics. False when it stopped waiting
 * for a busy editor (the next slice then reads whatever the editor does).
 */
async function giveWay(editorBusy: () => boolean, cancelled: () => boolean): Promise<boolean> {
  await yieldToRequests();
  const until = performance.now() + MOST_GIVEN_WAY_MS;
  while (editorBusy() && !cancelled()) {
    if (performance.now() >= until) return false;
    await new Promise((resolve) => setTimeout(resolve, EDITOR_POLL_MS));
  }
  return true;
}

export class IndexWorkers {
  /** One copy of each string the workers' records repeat (file names, dates, descriptions), across scans. */
  private readonly strings = new StringPool();

  private constructor(
    private readonly script: string,
    private readonly count: number,
  ) {}

  /** Workers when the worker script (the runtime's, or the bundled one) is there; `count` may be 0. */
  static create(script = join(__dirname, 'indexWorker.js')): IndexWorkers | undefined {
    if (!existsSync(script)) return undefined;
    // This thread reads as well: at most two workers besides it, none on one core.
    return new IndexWorkers(script, Math.max(0, Math.min(2, availableParallelism() - 1)));
  }

  /** Parses every URI; `onResult` gets each model (a vanished file gets none). */
  async parse(uris: readonly string[], options: CheckOptions, cancelled: () => boolean, onResult: (uri: string, result: ParseResult) => void, editor: EditorActivity = IDLE_EDITOR): Promise<void> {
    const editorBusy = () => editor.busy();
    const queue: string[][] = [];
    // The last files go in smaller batches, so that the threads finish together: this one
    // would otherwise wait, idle, for the last two batches a worker has in hand.
    for (let i = 0; i < uris.length; ) {
      const size = uris.length - i > TAIL_FILES ? BATCH : TAIL_BATCH;
      queue.push(uris.slice(i, i + size));
      i += size;
    }
    /** Files this thread left to the workers (too big for a slice). */
    const forWorkers: string[] = [];
    /** Batches a worker that died had in hand: this thread reads them. */
    const leftOver: string[][] = [];
    // The workers' records, taken in a slice at a time (a batch at once could hold the thread
    // for longer than a keystroke should wait), and not while the author types.
    const received: [string, ParseResult | null][] = [];
    /** The drain taking `received` in, while there is one (it ends when `received` is empty). */
    let draining: Promise<void> | undefined;
    const drain = async () => {
      await yieldToRequests(); // `draining` is set before the loop can end
      let sliceStart = performance.now();
      let yielding = true;
      for (let i = 0; i < received.length; i++) {
        const [uri, result] = received[i];
        if (result) {
          // A record from a worker brings copies of its own of every string: one copy is kept.
          if ('record' in result) this.strings.intern(result.record.strings);
          onResult(uri, result);
        }
        if (performance.now() - sliceStart >= SLICE_MS || (yielding && editorBusy())) {
          received.splice(0, i + 1);
          i = -1;
          yielding = await giveWay(editorBusy, cancelled);
          sliceStart = performance.now();
        }
      }
      received.length = 0;
      draining = undefined;
    };
    const deliver = ({ results }: ParsedBatch) => {
      received.push(...results);
      draining ??= drain();
    };
    /** The options could not be posted to a worker: every file is read on this thread. */
    let unpostable = false;
    /** Workers reading now (this thread leaves them the reading while the author types). */
    let running = 0;
    const runWorker = (heapMb = SMALL_HEAP_MB) =>
      new Promise<void>((settle) => {
        let settled = false;
        const resolve = () => {
          if (settled) return;
          settled = true;
          running--;
          settle();
        };
        running++;
        let worker: Worker;
        try {
          // Small heaps: a worker keeps nothing between files, and its heap counts in the
          // server's memory. A file too big for it costs this worker (its batch is read again
          // by a worker with a large heap, one file at a time).
          worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 8 } });
        } catch {
          resolve();
          return;
        }
        // Two batches in flight: the worker starts the next while this thread takes the last.
        const inFlight: string[][] = [];
        const next = () => {
          const batch = cancelled() || unpostable ? undefined : forWorkers.length > 0 ? forWorkers.splice(0, 1) : queue.shift();
          if (batch) {
            inFlight.push(batch);
            try {
              worker.postMessage({ uris: batch, options } satisfies ParseBatch);
            } catch {
              // Options that cannot be posted (a function in them): this thread reads the batches,
              // and the worker goes, or it would keep the process alive.
              unpostable = true;
              leftOver.push(...inFlight.splice(0));
              void worker.terminate();
              resolve();
            }
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
    // One file read here (`largest`: bigger ones go to the workers); false when it was left to them.
    const parseHere = (uri: string, largest: number): boolean => {
      const read = readFileNow(pathOf(uri), largest, options.maxFileSize);
      if (read === 'large') return false;
      if (!read) return true; // vanished or unreadable: the file leaves the workspace
      try {
        const record = recordOfRead(uri, read, options);
        this.strings.intern(record.strings); // as a worker's records are: the same file names, dates and texts, once
        onResult(uri, { record, info: { size: read.size, mtimeMs: read.mtimeMs, ctimeMs: read.ctimeMs, ino: read.ino, hash: record.hash } });
      } catch (error) {
        onResult(uri, { error: error instanceof Error ? error.message : String(error) });
      }
      return true;
    };
    // Reads files here, a slice at a time; files over `largest` bytes are left to the workers.
    const readHere = async (uris: Iterable<string>, largest: number): Promise<void> => {
      let sliceStart = performance.now();
      let yielding = true;
      for (const uri of uris) {
        if (cancelled()) return;
        if (!parseHere(uri, largest)) forWorkers.push(uri);
        if (performance.now() - sliceStart >= SLICE_MS || (yielding && editorBusy())) {
          yielding = await giveWay(editorBusy, cancelled);
          sliceStart = performance.now();
        }
      }
    };
    // The queue's files, a batch taken at a time as the workers take theirs.
    // While the author types, this thread takes no batch: parsing here allocates what its
    // collector then stops the thread for, and on two cores it takes the core the keystrokes
    // need; the workers read on (with none left, this thread does).
    const readQueue = async () => {
      for (;;) {
        while (running > 0 && editor.active() && !cancelled()) await sleep(EDITOR_POLL_MS);
        const batch = queue.shift();
        if (!batch) return;
        await readHere(batch, this.count > 0 ? LARGEST_READ_HERE : Infinity);
      }
    };
    const working = Array.from({ length: this.count }, () => runWorker()); // started first: `running` counts them
    await Promise.all([...working, readQueue()]);
    while (draining) await draining;
    if (this.count > 0 && leftOver.length > 0 && !cancelled() && !unpostable) {
      // A worker died on its batch (a file under the size limit that the full parser needs
      // more memory for than a small heap holds): those files go, one at a time, to a worker
      // with a large heap, never to this thread, where parsing one would block every request
      // for seconds. A file that worker dies on too is reported, not read here.
      forWorkers.push(...leftOver.splice(0).flat());
      await runWorker(LARGE_HEAP_MB);
      while (draining) await draining;
      for (const uri of leftOver.splice(0).flat()) onResult(uri, { error: 'the file could not be read within the index worker\'s memory' });
    }
    // Whatever the workers did not take (none could start, or they stopped before a big file
    // was left to them): read here, in slices all the same.
    await readHere([...leftOver.flat(), ...forWorkers, ...queue.flat()], Infinity);
  }
}

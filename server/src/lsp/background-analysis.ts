/**
 * Analysis of very large open documents on a worker thread. The `yaml` parser takes about a
 * second over a 5 MB bulletin; on the server's thread every other request (a hover in another
 * file) would wait for it. The worker (`worker/analysis-worker.ts`) parses and validates, and
 * sends back what the server needs without the syntax tree: the record with its
 * problems (diagnostics, the index), the outline and the folds.
 *
 * One document at a time, each at its latest version: versions that arrive while another is
 * analysed replace each other in the queue. The worker is started on first use and stopped
 * after a minute without work (its heap counts in the server's memory).
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckOptions } from '../core/analyze';
import type { Fold, OutlineNode } from '../core/authoring/outline';
import type { Bulletin } from '../core/model';
import type { BulletinRecord } from '../core/record/record';
import { viewOf } from '../core/record/view';

/** Documents from this size on (characters) are analysed on the worker; below, even the full parser costs less than ~100 ms. */
export const LARGE_DOCUMENT_CHARS = 256 * 1024;
/**
 * Up to this size a large document that the quick reader takes (plain block YAML) is still
 * read on the server's thread, in less than ~100 ms: quicker than a worker's answer, and the
 * editor features get its parse at no cost. Beyond, or when the full parser is needed, the worker.
 */
export const QUICK_HERE_CHARS = 768 * 1024;
const IDLE_STOP_MS = 60_000;

export interface AnalysisJob {
  uri: string;
  text: string;
  options: CheckOptions;
}
export type AnalysisReply = { record: BulletinRecord; outline: OutlineNode[]; folds: Fold[] } | { error: string };

export interface BackgroundResult {
  uri: string;
  version: number;
  /** Settings generation the analysis was made under. */
  generation: number;
  bulletin: Bulletin;
  outline: OutlineNode[];
  folds: Fold[];
}

interface Job extends AnalysisJob {
  version: number;
  generation: number;
}

export interface BackgroundListener {
  /** A result came in (it may be older than the document by now). */
  analysed(result: BackgroundResult): void;
  /** The worker failed on this version (it died, or could not start): analyse it on the server's thread. */
  failed(uri: string, version: number, reason: string): void;
}

export class BackgroundAnalysis {
  private worker: Worker | undefined;
  private running: Job | undefined;
  private readonly queued = new Map<string, Job>();
  private readonly results = new Map<string, BackgroundResult>();
  private readonly waiters = new Map<string, { version: number; resolve: (result: BackgroundResult | undefined) => void }[]>();
  private idleTimer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly script: string,
    private readonly listener: BackgroundListener,
  ) {}

  /**
   * Undefined when the worker script is not there (the server then analyses everything
   * itself). The script comes from the server's runtime (a test may give one that dies).
   */
  static create(listener: BackgroundListener, script = join(__dirname, 'analysisWorker.js')): BackgroundAnalysis | undefined {
    return existsSync(script) ? new BackgroundAnalysis(script, listener) : undefined;
  }

  get busy(): boolean {
    return this.running !== undefined || this.queued.size > 0;
  }

  /** The latest result for `uri`, whatever its version. */
  resultOf(uri: string): BackgroundResult | undefined {
    return this.results.get(uri);
  }

  /** Whether this version is queued, being analysed, or analysed already. */
  has(uri: string, version: number, generation: number): boolean {
    const same = (job: { version: number; generation: number } | undefined) => job !== undefined && job.version === version && job.generation === generation;
    return (this.running?.uri === uri && same(this.running)) || same(this.results.get(uri)) || same(this.queued.get(uri));
  }

  /** Queues this version of the document unless it is being analysed, or was, already. */
  request(uri: string, version: number, generation: number, text: string, options: CheckOptions): void {
    if (this.has(uri, version, generation)) return;
    this.queued.set(uri, { uri, version, generation, text, options });
    this.pump();
  }

  /** Resolves with the first result for `uri` at `version` or later; undefined if the document is forgotten or its analysis failed. */
  whenAnalysed(uri: string, version: number): Promise<BackgroundResult | undefined> {
    const known = this.results.get(uri);
    if (known && known.version >= version) return Promise.resolve(known);
    return new Promise((resolve) => {
      const list = this.waiters.get(uri) ?? [];
      list.push({ version, resolve });
      this.waiters.set(uri, list);
    });
  }

  /** The document was closed: nothing of it is kept or waited for. */
  forget(uri: string): void {
    this.queued.delete(uri);
    this.results.delete(uri);
    this.settle(uri, Number.MAX_SAFE_INTEGER, undefined);
  }

  dispose(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private pump(): void {
    if (this.running) return;
    const next = this.queued.values().next();
    if (next.done) {
      this.stopWhenIdle();
      return;
    }
    const job = next.value;
    this.queued.delete(job.uri);
    this.running = job;
    const worker = this.ensureWorker();
    if (!worker) {
      this.finish(job, { error: 'the analysis worker could not start' });
      return;
    }
    worker.postMessage({ uri: job.uri, text: job.text, options: job.options } satisfies AnalysisJob);
  }

  private ensureWorker(): Worker | undefined {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (this.worker) return this.worker;
    let worker: Worker;
    try {
      worker = new Worker(this.script);
    } catch {
      return undefined;
    }
    worker.on('message', (reply: AnalysisReply) => {
      const job = this.running;
      if (job) this.finish(job, reply);
    });
    const died = (reason: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      const job = this.running;
      if (job) this.finish(job, { error: reason });
    };
    worker.on('error', (error) => died(error.message));
    worker.on('exit', (code) => died(`the analysis worker exited (${code})`));
    worker.unref(); // never what keeps the server alive
    this.worker = worker;
    return worker;
  }

  private finish(job: Job, reply: AnalysisReply): void {
    this.running = undefined;
    if ('error' in reply) {
      this.settle(job.uri, job.version, undefined);
      this.listener.failed(job.uri, job.version, reply.error);
    } else {
      const result: BackgroundResult = { uri: job.uri, version: job.version, generation: job.generation, bulletin: viewOf(reply.record), outline: reply.outline, folds: reply.folds };
      this.results.set(job.uri, result);
      this.settle(job.uri, job.version, result);
      this.listener.analysed(result);
    }
    this.pump();
  }

  /** Resolves the waiters for versions up to `version`. */
  private settle(uri: string, version: number, result: BackgroundResult | undefined): void {
    const list = this.waiters.get(uri);
    if (!list) return;
    const remaining = list.filter((waiter) => {
      if (waiter.version > version) return true;
      waiter.resolve(result);
      return false;
    });
    if (remaining.length > 0) this.waiters.set(uri, remaining);
    else this.waiters.delete(uri);
  }

  private stopWhenIdle(): void {
    if (!this.worker || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      const worker = this.worker;
      this.worker = undefined;
      void worker?.terminate();
    }, IDLE_STOP_MS);
    this.idleTimer.unref();
  }
}

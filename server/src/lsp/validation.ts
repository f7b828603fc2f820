/**
 * Validation scheduling without a fixed debounce: a request queues work and runs on the next
 * turn of the event loop, after every edit already received has been applied, so a burst of
 * edits is validated once, at its latest version. Work is done in slices of a few
 * milliseconds, open documents first, so a workspace-wide check never blocks the editor.
 *
 * A model change re-checks the changed document and its dependents (both directions), and no
 * other; when the change leaves what other bulletins' rules read unchanged, only dependents
 * whose findings point into it. Findings are kept per document; every change of them is told,
 * once per pass, to the listener (the workspace's `onDidChangeFindings`): publishing them is
 * not this queue's business. Documents over the runtime's large-document size are analysed on
 * a worker thread (background-analysis.ts): requests keep being answered while one is parsed.
 * Owned by the workspace (bulletin-workspace.ts); nothing else reaches in.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkBulletin, type CheckOptions } from '../core/analyze';
import { rules } from '../core/rules';
import type { Problem } from '../core/problems';
import { CHECKS_PER_FORGET } from '../core/index/workspace-index';
import type { ServerState } from './state';
import { runSafeVoid, type Logger } from './run-safe';
import type { IndexStatus } from '../protocol';
import type { HistoryLookup } from '../core/history';

export interface Findings {
  problems: Problem[];
  /** Changes whenever the problems change (pull diagnostics' resultId). */
  resultId: string;
  /** The open document's version they were computed for. */
  version?: number;
}

/** One document's findings changed, or were computed again (an open document's, for its version). */
export interface FindingsUpdate {
  uri: string;
  /** Undefined: the document left the workspace. */
  findings: Findings | undefined;
  previous: Findings | undefined;
  /** The problems differ from the previous ones. */
  changed: boolean;
}

export interface FindingsChangeEvent {
  updates: FindingsUpdate[];
  /** Every queued change has been checked (the status is current). */
  idle: boolean;
}

/** The open documents, as the connection's `TextDocuments` has them. */
export interface OpenDocuments {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
}

/** Monotonic milliseconds (the runtime's clock). */
export type Now = () => number;

/**
 * A slice of re-checking other documents: a keystroke that arrives meanwhile waits for the
 * slice, and may wait for a second one queued before it, so slices are short (docs/benchmarks.md,
 * "Tuning decisions", has what longer ones cost).
 */
const SLICE_MS = 5;
/** The slice for other documents while the author types: a keystroke never waits behind a long one. */
const TYPING_SLICE_MS = 3;
/**
 * How long after a keystroke the next one is expected (a typist's next key comes 100-200 ms
 * later): until then, other work gives way to it.
 */
const TYPING_MS = 50;
/** Typing lately: the server's thread leaves the workspace's reading to the index workers for this long after a keystroke. */
const TYPING_SESSION_MS = 2000;
/**
 * Records read back from the cache file (a closed bulletin's, `Bulletin.keepIn`) that stay in
 * memory from one pass to the next: the passes of a session of typing re-check the same
 * dependents, whose records would otherwise be read from the file at every keystroke. A few
 * hundred kilobytes; a pass that read more lets them all go.
 */
const RECORDS_KEPT_BETWEEN_PASSES = 256;
const CROSS_FILE_CODES = new Set(rules.filter((rule) => rule.crossFile).map((rule) => rule.code));

export class ValidationQueue {
  /** Open documents whose text changed: re-analyse, then re-check them and their dependents. */
  private readonly dirty = new Set<string>();
  /** Documents to re-check against the index as it is. */
  private readonly recheck = new Set<string>();
  private readonly findings = new Map<string, Findings>();
  /** Counts over every document's findings, for the status (kept by `setFindings`). */
  private readonly totals = { findings: 0, errors: 0, warnings: 0 };
  /** Changes of findings since the last pass told the listener. */
  private updates: FindingsUpdate[] = [];
  private scheduled = false;
  /** Counts `request` calls, to see whether an event-loop turn brought more edits. */
  private requests = 0;
  /** When an open document was last edited (the runtime's clock). */
  private lastEdit = -Infinity;
  private resultCounter = 0;
  /** Closed documents checked since the views were last forgotten. */
  private checkedClosed = 0;
  private idleWaiters: (() => void)[] = [];
  /** False until the workspace has been read once (status bar, benchmarks). */
  private workspaceReady = false;
  /** The user cancelled indexing: the status says so until the workspace is read again. */
  private indexingCancelled = false;
  /** Each open bulletin's last committed version, where git knows it (lsp/history.ts). */
  history: HistoryLookup | undefined;

  constructor(
    private readonly documents: OpenDocuments,
    private readonly state: ServerState,
    private readonly logger: Logger,
    private readonly now: Now,
    private readonly changed: (event: FindingsChangeEvent) => void,
  ) {
    state.onModelChanged((uri, affected, factsUnchanged) => {
      this.recheck.add(uri);
      // Typing in a description: a dependent's findings stay the same unless one points into
      // the edited text (its offset may have moved), or it has not been checked yet.
      for (const other of affected) if (!factsUnchanged || this.pointsInto(other, uri)) this.recheck.add(other);
      this.schedule();
    });
    // A large document's model came from the worker (the model listener above queued its
    // checks), or the worker failed on it and it is analysed here; either way, go on.
    state.onBackgroundSettled((uri, failed) => (failed ? this.request(uri) : this.schedule()));
  }

  /** An open document was edited: check it, and let other work give way to the author for a moment. */
  edited(uri: string): void {
    this.lastEdit = this.now();
    this.request(uri);
  }

  request(uri: string): void {
    this.dirty.add(uri);
    this.requests++;
    this.schedule();
  }

  requestAllOpen(): void {
    for (const document of this.documents.all()) this.request(document.uri);
  }

  /** Re-check every indexed document (settings changed, workspace read). */
  recheckAll(): void {
    for (const uri of this.state.index.uris()) this.recheck.add(uri);
    this.requestAllOpen();
    this.schedule();
  }

  /** Re-check these documents against the index as it is. */
  recheckSome(uris: Iterable<string>): void {
    for (const uri of uris) this.recheck.add(uri);
    this.schedule();
  }

  /** A scan of the workspace began: cross-file findings wait for it. */
  scanStarted(): void {
    this.workspaceReady = false;
    this.indexingCancelled = false;
  }

  /** Whether the workspace has been read whole: until then cross-file findings are held back. */
  get workspaceRead(): boolean {
    return this.workspaceReady;
  }

  /** The options a document is checked with (settings, and history where git knows it). */
  get checkOptions(): CheckOptions {
    const options = this.state.settings.checkOptions;
    return this.history ? { ...options, history: this.history } : options;
  }

  /** Every file of the workspace is read (or the user cancelled the scan: the status says so). */
  scanFinished(cancelled: boolean): void {
    if (cancelled) this.indexingCancelled = true;
    else this.workspaceReady = true;
  }

  /** Findings of a closed document restored from the warm-start cache instead of checked. */
  restore(uri: string, problems: Problem[]): void {
    if (!this.state.index.has(uri)) return;
    this.setFindings(uri, { problems, resultId: String(++this.resultCounter) }, true);
    this.schedule();
  }

  /** Forget a document that left the workspace: its findings go, the listener is told. */
  clear(uri: string): void {
    this.setFindings(uri, undefined, true);
    this.schedule();
  }

  /** Whether `uri`'s findings (unknown counts as yes) have a related location in `target`. */
  private pointsInto(uri: string, target: string): boolean {
    const findings = this.findings.get(uri);
    if (!findings) return true;
    for (const p of findings.problems) if (p.related?.some((r) => r.uri === target)) return true;
    return false;
  }

  findingsOf(uri: string): Findings | undefined {
    return this.findings.get(uri);
  }

  allFindings(): IterableIterator<[string, Findings]> {
    return this.findings.entries();
  }

  /** A keystroke is being checked, or the next one is expected any moment: other work gives way. */
  editorBusy(): boolean {
    return this.now() - this.lastEdit < TYPING_MS || this.hasOpenWork();
  }

  /** The author has been typing lately. */
  editorActive(): boolean {
    return this.now() - this.lastEdit < TYPING_SESSION_MS;
  }

  /** Whether an open document waits to be analysed or checked. */
  private hasOpenWork(): boolean {
    if (this.dirty.size > 0) return true;
    for (const document of this.documents.all()) if (this.recheck.has(document.uri)) return true;
    return false;
  }

  /** Whether `uri` waits to be analysed or checked. */
  isPending(uri: string): boolean {
    return this.dirty.has(uri) || this.recheck.has(uri);
  }

  get busy(): boolean {
    return this.scheduled || this.dirty.size > 0 || this.recheck.size > 0 || this.state.backgroundBusy;
  }

  /** Resolves once every queued change has been checked. */
  whenIdle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Symbolic links the last workspace listing did not follow (io/link-policy.ts). */
  skippedLinks = 0;

  status(): IndexStatus {
    const { findings, errors, warnings } = this.totals;
    return { bulletins: this.state.index.size, findings, errors, warnings, ready: this.workspaceReady && !this.busy, ...(this.indexingCancelled ? { cancelled: true } : {}), ...(this.skippedLinks ? { skippedLinks: this.skippedLinks } : {}) };
  }

  /**
   * Every change of a document's findings goes through here, so the totals stay current
   * without a pass over the workspace; `changed`: the problems differ from the previous ones.
   */
  private setFindings(uri: string, entry: Findings | undefined, changed: boolean): void {
    const count = (problems: readonly Problem[] | undefined, sign: 1 | -1) => {
      if (!problems) return;
      this.totals.findings += sign * problems.length;
      for (const p of problems) {
        if (p.severity === 'error') this.totals.errors += sign;
        else if (p.severity === 'warning') this.totals.warnings += sign;
      }
    };
    const previous = this.findings.get(uri);
    if (!previous && !entry) return;
    count(previous?.problems, -1);
    if (entry) {
      this.findings.set(uri, entry);
      count(entry.problems, 1);
    } else this.findings.delete(uri);
    this.updates.push({ uri, findings: entry, previous, changed });
  }

  schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.flushWhenSettled(-1);
  }

  /**
   * The connection dispatches one received message per event-loop turn, so edits that arrived
   * together are still queued when the first one asks for validation. Step one turn at a time
   * until a turn brings no new request, then flush: a burst is analysed once, at its last
   * version, and a lone keystroke waits two turns (microseconds), with no timer involved.
   */
  private flushWhenSettled(seen: number): void {
    setImmediate(() => {
      if (seen === this.requests) this.flush();
      else this.flushWhenSettled(this.requests);
    });
  }

  private flush(): void {
    this.scheduled = false;
    const deadline = this.now() + (this.editorBusy() ? TYPING_SLICE_MS : SLICE_MS);
    for (const uri of [...this.dirty]) {
      this.dirty.delete(uri);
      const document = this.documents.get(uri);
      // Analysis updates the index, which queues the document and its dependents; a large
      // document's comes from the worker later, through the same path.
      if (document) runSafeVoid(this.logger, `analyse ${uri}`, () => this.state.refreshModel(document));
    }
    const check = (uri: string) => {
      this.recheck.delete(uri);
      runSafeVoid(this.logger, `validate ${uri}`, () => this.validate(uri));
    };
    // Open documents first, whatever the time: they are what the user is looking at. Their
    // findings are told at once; the rest waits for the next turn.
    let checkedOpen = false;
    for (const document of this.documents.all()) {
      if (!this.recheck.has(document.uri)) continue;
      check(document.uri);
      checkedOpen = true;
    }
    if (checkedOpen && (this.recheck.size > 0 || this.dirty.size > 0)) {
      this.tell(false);
      this.schedule();
      return;
    }
    // Then the rest in slices (a Set iterates in insertion order and tolerates deletion).
    let counter = 0;
    for (const uri of this.recheck) {
      if ((++counter & 15) === 0 && this.now() > deadline) break;
      check(uri);
    }
    if (this.checkedClosed >= CHECKS_PER_FORGET || (this.checkedClosed > 0 && this.recheck.size === 0)) this.forgetViews();
    if (this.recheck.size > 0 || this.dirty.size > 0) {
      this.tell(false);
      this.schedule();
      return;
    }
    // A large document's analysis is still out: its result schedules the rest.
    const idle = !this.state.backgroundBusy;
    this.tell(idle);
    if (!idle) return;
    // The records the passes (and the findings they told) read again go back to the cache
    // file, once there are enough to matter: a keystroke's pass reads the same dependents again.
    if (this.state.index.recordsRead >= RECORDS_KEPT_BETWEEN_PASSES) this.state.index.releaseRecords();
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Closed documents drop their views (open ones keep theirs: editor features hold on to them across requests). */
  private forgetViews(): void {
    this.checkedClosed = 0;
    this.state.index.forgetViews((uri) => this.documents.get(uri) !== undefined);
  }

  /** One event per pass: what changed since the last one. */
  private tell(idle: boolean): void {
    const updates = this.updates;
    this.updates = [];
    this.changed({ updates, idle });
  }

  /** Re-checks one document. */
  private validate(uri: string): void {
    const bulletin = this.state.recordOf(uri);
    const document = this.documents.get(uri);
    if (!bulletin) {
      this.setFindings(uri, undefined, true);
      return;
    }
    if (document && !this.state.isCurrent(document)) {
      // The text moved on since this was queued: the dirty pass brings it back (a large
      // document's model comes back from the worker).
      if (this.state.isBackground(document)) this.state.refreshModel(document);
      else this.dirty.add(uri);
      return;
    }
    let problems = checkBulletin(bulletin, this.state.index, this.checkOptions);
    if (!document) this.checkedClosed++;
    // Until the workspace has been read, a cross-file finding may name what is simply not read yet.
    // So may a stale suppression of such a finding (the `suppression` rule names its code in `data.stale`).
    if (!this.workspaceReady) problems = problems.filter((p) => !CROSS_FILE_CODES.has(p.code) && !CROSS_FILE_CODES.has(p.data?.stale as string));
    const previous = this.findings.get(uri);
    const same = previous !== undefined && sameProblems(previous.problems, problems);
    const entry: Findings = same ? { ...previous, version: document?.version } : { problems, resultId: String(++this.resultCounter), version: document?.version };
    this.setFindings(uri, entry, !same);
  }
}

function sameProblems(a: readonly Problem[], b: readonly Problem[]): boolean {
  if (a.length !== b.length) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

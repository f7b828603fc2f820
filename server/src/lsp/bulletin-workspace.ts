/**
 * The one owner of the server's state: the records of every bulletin (the index, the analyses
 * of open documents, the background analysis of large ones) and their findings (the validation
 * queue). The rest of the server talks to this class only: the disk side (workspace.ts) sets
 * and removes records, editor features read records and findings, and everything that shows
 * findings (pushed or pulled diagnostics, the status, the live CSAF check) listens to one
 * event, `onDidChangeFindings`. It knows nothing of the LSP connection.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, CheckOptions } from '../core/analyze';
import { folds, outline, type Fold, type OutlineNode } from '../core/authoring/outline';
import type { Bulletin } from '../core/model';
import type { WorkspaceIndex } from '../core/index/workspace-index';
import type { Problem } from '../core/problems';
import type { IndexStatus } from '../protocol';
import type { HistoryLookup } from '../core/history';
import type { Logger } from './run-safe';
import type { SettingsCache } from './settings';
import { ServerState, type AnalysisWorkerOptions } from './state';
import { ValidationQueue, type Findings, type FindingsChangeEvent, type Now, type OpenDocuments } from './validation';
import type { LineStarts } from '../core/text';

export type { Findings, FindingsChangeEvent, FindingsUpdate, OpenDocuments } from './validation';

export interface WorkspaceOptions {
  documents: OpenDocuments;
  settings: SettingsCache;
  logger: Logger;
  /** Monotonic milliseconds, for the validation queue's slices. */
  now: Now;
  /** Large open documents are analysed there; without it, every document on the server's thread. */
  analysisWorker?: AnalysisWorkerOptions;
}

export interface Disposable {
  dispose(): void;
}

/** Someone waits for the findings of one version of an open document. */
interface FindingsWaiter {
  document: TextDocument;
  resolve(findings: Findings | undefined): void;
}

export class BulletinWorkspace {
  readonly settings: SettingsCache;
  private readonly documents: OpenDocuments;
  private readonly state: ServerState;
  private readonly queue: ValidationQueue;
  private readonly listeners = new Set<(event: FindingsChangeEvent) => void>();
  private waiters: FindingsWaiter[] = [];

  constructor(options: WorkspaceOptions) {
    this.settings = options.settings;
    this.documents = options.documents;
    this.state = new ServerState(options.settings, options.analysisWorker);
    this.queue = new ValidationQueue(options.documents, this.state, options.logger, options.now, (event) => this.changed(event));
  }

  // Records.

  /** Every bulletin's record, open or not (read it; change it through `setRecord` and `remove`). */
  get index(): WorkspaceIndex {
    return this.state.index;
  }

  /** Parsed document and record of an open document, parsed at most once per version. */
  analysisOf(document: TextDocument): Analysis {
    return this.state.analysisOf(document);
  }

  /** Whether this open document is analysed on the worker (it is large). */
  isBackground(document: TextDocument): boolean {
    return this.state.isBackground(document);
  }

  /**
   * Brings the index up to date with every open document's current text before a
   * workspace-wide answer. A large document being analysed on the worker is taken as the index
   * has it (a version behind at most) unless `exact`: an answer that edits other files
   * (rename) waits for nothing less than their current text, and parses them here.
   */
  refreshOpenDocuments(exact = false): void {
    for (const document of this.documents.all()) {
      if (exact) this.state.analysisOf(document);
      else this.state.refreshModel(document);
    }
  }

  /** The outline of an open document: the worker's for a large one (waiting for it), else made here. */
  async outlineOf(document: TextDocument): Promise<{ nodes: OutlineNode[]; lineStarts: LineStarts }> {
    const background = await this.state.backgroundAnalysisOf(document);
    if (background) return { nodes: background.outline, lineStarts: background.bulletin.lineStarts };
    const { parsed } = this.state.analysisOf(document);
    return { nodes: outline(parsed), lineStarts: parsed.lineStarts };
  }

  /** The folds of an open document: the worker's for a large one (waiting for them), else made here. */
  async foldsOf(document: TextDocument): Promise<Fold[]> {
    const background = await this.state.backgroundAnalysisOf(document);
    return background?.folds ?? folds(this.state.analysisOf(document).parsed);
  }

  /** A closed file's record (read from disk or the cache); `quiet` while a scan reads the workspace (it checks everything at the end). */
  setRecord(bulletin: Bulletin, quiet = false): void {
    this.state.setModel(bulletin, quiet);
  }

  /** A document left the workspace, or left the editor and is not a workspace file: its record, analyses and findings go. */
  remove(uri: string): void {
    this.state.forget(uri);
    this.state.removeModel(uri);
    this.queue.clear(uri);
  }

  /** An open document was closed: what was kept of its versions goes (its record stays until `remove` or a new one from disk). */
  closed(uri: string): void {
    this.state.forget(uri);
    this.settleWaiters();
  }

  // Checking.

  /** An open document changed (or was opened): analyse its latest text and check it and its dependents. */
  documentChanged(uri: string): void {
    this.queue.edited(uri);
  }

  /**
   * Whether the author is typing: an open document changed in the last moments, or its check
   * is still queued. Reading the workspace gives way to it (workspace-load.ts, index-workers.ts):
   * keystrokes come first.
   */
  readonly editorActivity = {
    busy: (): boolean => this.queue.editorBusy(),
    active: (): boolean => this.queue.editorActive(),
  };

  /** Re-analyse and re-check every open document. */
  recheckOpen(): void {
    this.queue.requestAllOpen();
  }

  /** Re-check every document (settings changed, workspace read). */
  recheckAll(): void {
    this.queue.recheckAll();
  }

  /** Re-check these documents against the index as it is. */
  recheckSome(uris: Iterable<string>): void {
    this.queue.recheckSome(uris);
  }

  /** Where the rules find each open bulletin's last committed version (lsp/history.ts). */
  setHistory(lookup: HistoryLookup): void {
    this.queue.history = lookup;
  }

  /** Findings of a closed document restored from the warm-start cache instead of checked. */
  restoreFindings(uri: string, problems: Problem[]): void {
    this.queue.restore(uri, problems);
  }

  /** Settings that change what analysis produces (locale, id pattern) invalidate every analysis. */
  settingsChanged(): void {
    this.state.settingsChanged();
  }

  /** A scan of the workspace folders began: cross-file findings wait for its end. */
  scanStarted(): void {
    this.queue.scanStarted();
  }

  /** Whether the workspace has been read whole (cross-file findings are held back until then). */
  get workspaceRead(): boolean {
    return this.queue.workspaceRead;
  }

  /** The options documents are checked with, for features that explain findings (the suppression hover). */
  get checkOptions(): CheckOptions {
    return this.queue.checkOptions;
  }

  /** The scan read every file, or the user cancelled it (the status says so). */
  scanFinished(cancelled: boolean): void {
    this.queue.scanFinished(cancelled);
  }

  // Findings.

  /** The findings held for a document (as last checked; see `currentFindingsOf`). */
  findingsOf(uri: string): Findings | undefined {
    return this.queue.findingsOf(uri);
  }

  allFindings(): IterableIterator<[string, Findings]> {
    return this.queue.allFindings();
  }

  /**
   * The findings of this version of an open document, once it has been checked against the
   * index as it is (at once when it has); undefined when the document moved on to another
   * version or was closed meanwhile.
   */
  currentFindingsOf(document: TextDocument): Promise<Findings | undefined> {
    const ready = this.readyFindings(document);
    if (ready !== false) return Promise.resolve(ready);
    // Nothing queued for it yet (a finding the queue has not been asked for): check it.
    if (!this.queue.isPending(document.uri)) this.queue.recheckSome([document.uri]);
    return new Promise((resolve) => this.waiters.push({ document, resolve }));
  }

  /** An open document at its latest version with that version's findings, once checked; undefined when it is not open. */
  async checkedDocument(uri: string): Promise<{ document: TextDocument; findings: Findings } | undefined> {
    for (;;) {
      const document = this.documents.get(uri);
      if (!document) return undefined;
      const findings = await this.currentFindingsOf(document);
      if (findings) return { document, findings };
      // Edited or closed meanwhile: the version there is now (the same version: the workspace is gone).
      if (this.documents.get(uri)?.version === document.version) return undefined;
    }
  }

  /** The findings of exactly this version when they are known; undefined when the version is gone; false while to be checked. */
  private readyFindings(document: TextDocument): Findings | undefined | false {
    if (this.documents.get(document.uri)?.version !== document.version) return undefined;
    const findings = this.queue.findingsOf(document.uri);
    if (this.queue.isPending(document.uri) || !this.state.isCurrent(document) || findings?.version !== document.version) return false;
    return findings;
  }

  private settleWaiters(): void {
    if (this.waiters.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => {
      const ready = this.readyFindings(waiter.document);
      if (ready === false) return true;
      waiter.resolve(ready);
      return false;
    });
  }

  /** Told once per pass of the queue: the findings that changed or were checked again, and whether everything is checked. */
  onDidChangeFindings(listener: (event: FindingsChangeEvent) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private changed(event: FindingsChangeEvent): void {
    for (const listener of this.listeners) listener(event);
    this.settleWaiters();
  }

  get busy(): boolean {
    return this.queue.busy;
  }

  /** Resolves once every queued change has been checked. */
  whenIdle(): Promise<void> {
    return this.queue.whenIdle();
  }

  status(): IndexStatus {
    return this.queue.status();
  }

  /** How many symbolic links the last listing did not follow (the status says so). */
  set skippedLinks(count: number) {
    this.queue.skippedLinks = count;
  }

  dispose(): void {
    this.state.dispose();
    for (const waiter of this.waiters) waiter.resolve(undefined);
    this.waiters = [];
    this.listeners.clear();
  }
}

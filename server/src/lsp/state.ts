/**
 * The workspace's records: open documents parsed once per version (the cache belongs to the
 * workspace, not to a module), and the workspace index of every bulletin, open or not. Every
 * model change goes through `setModel`/`removeModel`, which tell the listener which other
 * documents' findings may change (dependents before and after the change). Owned by the
 * workspace (bulletin-workspace.ts), which is what the rest of the server talks to.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeQuickly, analyzeText, type Analysis } from '../core/analyze';
import { WorkspaceIndex } from '../core/index/workspace-index';
import { sameCrossFileFacts } from '../core/index/cross-file-facts';
import { crossFileFacts } from '../core/rules';
import type { Bulletin } from '../core/model';
import { hasSyntaxError } from '../core/syntax-quiet';
import type { SettingsCache } from './settings';
import { BackgroundAnalysis, LARGE_DOCUMENT_CHARS, QUICK_HERE_CHARS, type BackgroundResult } from './background-analysis';

/** Where large open documents are analysed: the worker script and the sizes that send a document there. */
export interface AnalysisWorkerOptions {
  script: string;
  /** Documents from this size on (characters) are analysed on the worker. */
  largeDocumentChars?: number;
  /** Up to this size a large document the quick reader takes is still read on the server's thread. */
  quickHereChars?: number;
}

interface CachedAnalysis {
  version: number;
  /** Settings generation the analysis was made under (locale, id pattern). */
  generation: number;
  analysis: Analysis;
}

/**
 * `factsUnchanged`: the edit left everything other bulletins' rules read from this one equal
 * (`sameCrossFileFacts`), so `affected` documents' findings can only differ in the related
 * locations they point into `uri`.
 */
export type ModelListener = (uri: string, affected: ReadonlySet<string>, factsUnchanged: boolean) => void;

/** A large document's background analysis settled: `failed` when it must be analysed on the server's thread. */
export type BackgroundListener = (uri: string, failed: boolean) => void;

export class ServerState {
  readonly index = new WorkspaceIndex();
  private readonly analyses = new Map<string, CachedAnalysis>();
  private readonly listeners: ModelListener[] = [];
  private readonly backgroundListeners: BackgroundListener[] = [];
  private generation = 0;
  /** Large open documents whose model in the index came from the worker: its version and settings generation. */
  private readonly backgroundModels = new Map<string, { version: number; generation: number }>();
  /** Versions the worker failed on: those are analysed here. */
  private readonly backgroundFailed = new Map<string, number>();
  private readonly background: BackgroundAnalysis | undefined;
  /**
   * Open documents whose current text does not parse while the index keeps their last version
   * that did (their last good record): other bulletins' findings do not change while an author
   * is in the middle of a line. The document itself is checked with its current record.
   */
  private readonly unparsed = new Map<string, Bulletin>();
  private readonly largeDocumentChars: number;
  private readonly quickHereChars: number;

  /** Without `analysisWorker`, every document is analysed on the server's thread. */
  constructor(
    readonly settings: SettingsCache,
    analysisWorker: AnalysisWorkerOptions | undefined,
  ) {
    this.largeDocumentChars = analysisWorker?.largeDocumentChars ?? LARGE_DOCUMENT_CHARS;
    this.quickHereChars = analysisWorker?.quickHereChars ?? QUICK_HERE_CHARS;
    this.background = analysisWorker
      ? BackgroundAnalysis.create(
          {
            analysed: (result) => this.acceptBackground(result),
            failed: (uri, version) => {
              this.backgroundFailed.set(uri, version);
              for (const listener of this.backgroundListeners) listener(uri, true);
            },
          },
          analysisWorker.script,
        )
      : undefined;
  }

  /** Told when a background analysis settles, so the validation queue can go on (or analyse here). */
  onBackgroundSettled(listener: BackgroundListener): void {
    this.backgroundListeners.push(listener);
  }

  get backgroundBusy(): boolean {
    return this.background?.busy ?? false;
  }

  /** Whether this document is analysed on the worker (large, a worker is there, and it has not failed on this version). */
  isBackground(document: TextDocument): boolean {
    return this.background !== undefined && document.getText().length >= this.largeDocumentChars && this.backgroundFailed.get(document.uri) !== document.version;
  }

  /**
   * Brings the index up to date with a document without blocking: a large one is queued on
   * the worker (its model arrives later, through the model listeners), any other analysed now.
   */
  refreshModel(document: TextDocument): void {
    if (this.isCurrent(document)) return;
    if (!this.isBackground(document)) {
      this.analysisOf(document);
      return;
    }
    // Already with the worker (the quick reader declined this version, or it is too large for it).
    if (this.background!.has(document.uri, document.version, this.generation)) return;
    const text = document.getText();
    // Plain block YAML up to `quickHereChars` is read here faster than a worker could answer.
    const quick = text.length < this.quickHereChars ? analyzeQuickly(document.uri, text, this.settings.checkOptions) : undefined;
    if (quick) this.keep(document, quick);
    else this.background!.request(document.uri, document.version, this.generation, text, this.settings.checkOptions);
  }

  /**
   * The worker's outline and folds of a large document at its current version (waiting for
   * them if need be), or undefined when the document is analysed here.
   */
  async backgroundAnalysisOf(document: TextDocument): Promise<BackgroundResult | undefined> {
    if (!this.isBackground(document)) return undefined;
    this.refreshModel(document);
    if (this.currentFor(document, this.analyses.get(document.uri))) return undefined; // read here (quick)
    const result = await this.background!.whenAnalysed(document.uri, document.version);
    return result && result.generation === this.generation ? result : undefined;
  }

  private acceptBackground(result: BackgroundResult): void {
    const newer = (known: { version: number; generation: number } | undefined) => known !== undefined && known.generation === result.generation && known.version >= result.version;
    if (result.generation === this.generation && !newer(this.analyses.get(result.uri)) && !newer(this.backgroundModels.get(result.uri))) {
      this.backgroundModels.set(result.uri, { version: result.version, generation: result.generation });
      this.setOpenModel(result.bulletin);
    }
    for (const listener of this.backgroundListeners) listener(result.uri, false);
  }

  /** Called with the changed document and every other document whose findings may change. */
  onModelChanged(listener: ModelListener): void {
    this.listeners.push(listener);
  }

  /** Parsed document and model of an open document, parsed at most once per version. */
  analysisOf(document: TextDocument): Analysis {
    const cached = this.analyses.get(document.uri);
    if (cached && this.currentFor(document, cached)) return cached.analysis;
    return this.keep(document, analyzeText(document.uri, document.getText(), this.settings.checkOptions));
  }

  private keep(document: TextDocument, analysis: Analysis): Analysis {
    this.analyses.set(document.uri, { version: document.version, generation: this.generation, analysis });
    this.setOpenModel(analysis.bulletin);
    return analysis;
  }

  /** An open document's record: into the index, unless it does not parse and the index has its last good one. */
  private setOpenModel(bulletin: Bulletin): void {
    const contributed = this.index.get(bulletin.uri);
    if (hasSyntaxError(bulletin.intrinsic) && contributed && (this.unparsed.has(bulletin.uri) || !hasSyntaxError(contributed.intrinsic))) {
      this.unparsed.set(bulletin.uri, bulletin);
      // Only the document itself is checked again.
      for (const listener of this.listeners) listener(bulletin.uri, new Set(), true);
      return;
    }
    this.unparsed.delete(bulletin.uri);
    this.setModel(bulletin);
  }

  /** The record a document is checked with: an open document's current one, else the index's. */
  recordOf(uri: string): Bulletin | undefined {
    return this.unparsed.get(uri) ?? this.index.get(uri);
  }

  /** Whether the open document's analysis is current (no re-parse needed). */
  isCurrent(document: TextDocument): boolean {
    return this.currentFor(document, this.analyses.get(document.uri)) || this.currentFor(document, this.backgroundModels.get(document.uri));
  }

  /** Whether something made for a version under some settings is for this document's version under the current settings. */
  private currentFor(document: TextDocument, made: { version: number; generation: number } | undefined): boolean {
    return made !== undefined && made.version === document.version && made.generation === this.generation;
  }

  setModel(bulletin: Bulletin, quiet = false): void {
    this.unparsed.delete(bulletin.uri);
    if (quiet) {
      this.index.set(bulletin);
      return;
    }
    const old = this.index.get(bulletin.uri);
    if (old && sameCrossFileFacts(old, bulletin, crossFileFacts)) {
      // Same facts, same dependents: no need to ask before and after.
      this.index.set(bulletin);
      const affected = this.index.dependentsOf(bulletin.uri);
      for (const listener of this.listeners) listener(bulletin.uri, affected, true);
      return;
    }
    const before = this.index.dependentsOf(bulletin.uri);
    this.index.set(bulletin);
    const affected = this.index.dependentsOf(bulletin.uri);
    for (const uri of before) affected.add(uri);
    for (const listener of this.listeners) listener(bulletin.uri, affected, false);
  }

  removeModel(uri: string): void {
    this.unparsed.delete(uri);
    if (!this.index.has(uri)) return;
    const affected = this.index.dependentsOf(uri);
    this.index.delete(uri);
    for (const listener of this.listeners) listener(uri, affected, false);
  }

  forget(uri: string): void {
    this.unparsed.delete(uri);
    this.analyses.delete(uri);
    this.backgroundModels.delete(uri);
    this.backgroundFailed.delete(uri);
    this.background?.forget(uri);
  }

  dispose(): void {
    this.background?.dispose();
  }

  /** Settings that change what analysis produces (locale, id pattern) invalidate every cache. */
  settingsChanged(): void {
    this.generation++;
  }
}

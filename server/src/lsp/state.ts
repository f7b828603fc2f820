/**
 * The server's state: open documents parsed once per version (the cache belongs to the
 * server, not to a module), and the workspace index of every bulletin, open or not. Every
 * model change goes through `setModel`/`removeModel`, which tell the listener which other
 * documents' findings may change (dependents before and after the change).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText, type Analysis } from '../core/analyze';
import { WorkspaceIndex } from '../core/index/workspace-index';
import { sameCrossFileFacts } from '../core/index/crossFileFacts';
import type { Bulletin } from '../core/model';
import type { SettingsCache } from './settings';

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

export class ServerState {
  readonly index = new WorkspaceIndex();
  private readonly analyses = new Map<string, CachedAnalysis>();
  private readonly listeners: ModelListener[] = [];
  private generation = 0;

  constructor(readonly settings: SettingsCache) {}

  /** Called with the changed document and every other document whose findings may change. */
  onModelChanged(listener: ModelListener): void {
    this.listeners.push(listener);
  }

  /** Parsed document and model of an open document, parsed at most once per version. */
  analysisOf(document: TextDocument): Analysis {
    const cached = this.analyses.get(document.uri);
    if (cached && cached.version === document.version && cached.generation === this.generation) return cached.analysis;
    const analysis = analyzeText(document.uri, document.getText(), this.settings.checkOptions);
    this.analyses.set(document.uri, { version: document.version, generation: this.generation, analysis });
    this.setModel(analysis.bulletin);
    return analysis;
  }

  /** Whether the open document's analysis is current (no re-parse needed). */
  isCurrent(document: TextDocument): boolean {
    const cached = this.analyses.get(document.uri);
    return cached !== undefined && cached.version === document.version && cached.generation === this.generation;
  }

  setModel(bulletin: Bulletin, quiet = false): void {
    if (quiet) {
      this.index.set(bulletin);
      return;
    }
    const old = this.index.get(bulletin.uri);
    if (old && sameCrossFileFacts(old, bulletin)) {
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
    if (!this.index.has(uri)) return;
    const affected = this.index.dependentsOf(uri);
    this.index.delete(uri);
    for (const listener of this.listeners) listener(uri, affected, false);
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
  }

  /** Settings that change what analysis produces (locale, id pattern) invalidate every cache. */
  settingsChanged(): void {
    this.generation++;
  }
}

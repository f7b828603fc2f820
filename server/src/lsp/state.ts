/**
 * The server's state: open documents parsed once per version (the cache belongs to the
 * server, not to a module), the workspace index, and the validation queue.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText, type Analysis } from '../core/analyze';
import { WorkspaceIndex } from '../core/index/workspace-index';
import type { SettingsCache } from './settings';

interface CachedAnalysis {
  version: number;
  /** Settings generation the analysis was made under (locale, id pattern). */
  generation: number;
  analysis: Analysis;
}

export class ServerState {
  readonly index = new WorkspaceIndex();
  private readonly analyses = new Map<string, CachedAnalysis>();
  private generation = 0;

  constructor(readonly settings: SettingsCache) {}

  /** Parsed document and model of an open document, parsed at most once per version. */
  analysisOf(document: TextDocument): Analysis {
    const cached = this.analyses.get(document.uri);
    if (cached && cached.version === document.version && cached.generation === this.generation) return cached.analysis;
    const analysis = analyzeText(document.uri, document.getText(), this.settings.checkOptions);
    this.analyses.set(document.uri, { version: document.version, generation: this.generation, analysis });
    this.index.set(analysis.bulletin);
    return analysis;
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
  }

  /** Settings that change what analysis produces (locale, id pattern) invalidate every cache. */
  settingsChanged(): void {
    this.generation++;
  }
}

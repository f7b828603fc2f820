/**
 * Validation scheduling without a fixed debounce: a request queues the document and runs on
 * the next turn of the event loop, after every edit already received has been applied, so a
 * burst of edits is validated once, at its latest version. Results carry that version.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkBulletin } from '../core/analyze';
import { toDiagnostic } from './diagnostics';
import type { ServerState } from './state';
import { runSafeVoid, type Logger } from './runSafe';

export class ValidationQueue {
  private readonly pending = new Set<string>();
  private scheduled = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly state: ServerState,
    private readonly logger: Logger,
  ) {}

  request(uri: string): void {
    this.pending.add(uri);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  requestAllOpen(): void {
    for (const document of this.documents.all()) this.request(document.uri);
  }

  private flush(): void {
    this.scheduled = false;
    const uris = [...this.pending];
    this.pending.clear();
    for (const uri of uris) {
      runSafeVoid(this.logger, `validate ${uri}`, () => this.validate(uri));
    }
  }

  private validate(uri: string): void {
    const document = this.documents.get(uri);
    if (!document) return;
    const { bulletin } = this.state.analysisOf(document);
    const problems = checkBulletin(bulletin, this.state.index, this.state.settings.checkOptions);
    const lookup = (other: string) => this.state.index.get(other)?.lineStarts;
    void this.connection.sendDiagnostics({
      uri,
      version: document.version,
      diagnostics: problems.map((p) => toDiagnostic(p, bulletin.lineStarts, lookup)),
    });
  }
}

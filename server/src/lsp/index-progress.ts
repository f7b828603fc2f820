/**
 * The workspace scan as work-done progress in the editor ("Indexing bulletins: 1234 of
 * 10000", with a Cancel button), when the client supports it. Cancelling stops the scan
 * between files; what was read stays indexed (see `WorkspaceManager`).
 */
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { msg, registerMessages, type Locale } from '../core/messages';

registerMessages({
  en: {
    'index.progress.title': 'Indexing bulletins',
    'index.progress.message': '{read} of {total}',
  },
  ja: {
    'index.progress.title': 'セキュリティ情報のインデックスを作成中',
    'index.progress.message': '{total} 件中 {read} 件',
  },
});

/** Reports at most this often: a message per file would cost more than reading it. */
const REPORT_MS = 250;

export class IndexProgress {
  private lastReport = 0;
  private total = 0;

  private constructor(
    private readonly reporter: WorkDoneProgressServerReporter | undefined,
    private readonly locale: Locale,
    private readonly now: () => number,
  ) {}

  /** Shows the progress (a client without work-done progress shows nothing); `onCancel` runs when the user cancels. */
  static async begin(connection: Connection, locale: Locale, now: () => number, onCancel: () => void): Promise<IndexProgress> {
    let reporter: WorkDoneProgressServerReporter | undefined;
    try {
      reporter = await connection.window.createWorkDoneProgress();
      reporter.begin(msg(locale, 'index.progress.title'), 0, undefined, true);
      reporter.token.onCancellationRequested(onCancel);
    } catch {
      reporter = undefined; // the client refused: indexing goes on without it
    }
    return new IndexProgress(reporter, locale, now);
  }

  setTotal(total: number): void {
    this.total = total;
    this.report(0);
  }

  /** `read` files of the total are indexed. */
  read(read: number): void {
    const now = this.now();
    if (now - this.lastReport < REPORT_MS) return;
    this.lastReport = now;
    this.report(read);
  }

  done(): void {
    this.reporter?.done();
  }

  private report(read: number): void {
    if (!this.reporter || this.total === 0) return;
    this.reporter.report(Math.min(100, Math.floor((read / this.total) * 100)), msg(this.locale, 'index.progress.message', { read, total: this.total }));
  }
}

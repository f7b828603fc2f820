/** textDocument/foldingRange: blocks that span lines and runs of comments. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import { runSafeAsync } from './run-safe';
import type { FeatureContext } from './features';

export const foldingCapabilities = { foldingRangeProvider: true };

export function registerFolding({ connection, documents, workspace, logger }: FeatureContext): void {
  connection.onFoldingRanges((params, token) =>
    runSafeAsync<FoldingRange[] | null>(logger, 'foldingRange', null, token, async () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      // A large document's folds come from the worker (the editor asks for them on opening).
      return (await workspace.foldsOf(document)).map((f) => ({
        startLine: f.startLine,
        endLine: f.endLine,
        ...(f.kind ? { kind: FoldingRangeKind.Comment } : {}),
      }));
    }),
  );
}

/** textDocument/foldingRange: blocks that span lines and runs of comments. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import { folds } from '../core/authoring/outline';
import { runSafe } from './runSafe';
import type { FeatureContext } from './features';

export const foldingCapabilities = { foldingRangeProvider: true };

export function registerFolding({ connection, documents, state, logger }: FeatureContext): void {
  connection.onFoldingRanges((params, token) =>
    runSafe<FoldingRange[] | null>(logger, 'foldingRange', null, token, () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      return folds(state.analysisOf(document).parsed).map((f) => ({
        startLine: f.startLine,
        endLine: f.endLine,
        ...(f.kind ? { kind: FoldingRangeKind.Comment } : {}),
      }));
    }),
  );
}

/** textDocument/foldingRange: blocks that span lines and runs of comments. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import { folds } from '../core/authoring/outline';
import { runSafe } from './runSafe';
import type { FeatureContext } from './features';

export const foldingCapabilities = { foldingRangeProvider: true };

export function registerFolding({ connection, documents, state, logger }: FeatureContext): void {
  connection.onFoldingRanges(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    // A large document's folds come from the worker (the editor asks for them on opening).
    const background = await state.backgroundAnalysisOf(document);
    return runSafe<FoldingRange[] | null>(logger, 'foldingRange', null, token, () =>
      (background?.folds ?? folds(state.analysisOf(document).parsed)).map((f) => ({
        startLine: f.startLine,
        endLine: f.endLine,
        ...(f.kind ? { kind: FoldingRangeKind.Comment } : {}),
      })),
    );
  });
}

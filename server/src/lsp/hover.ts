/** textDocument/hover: schema descriptions, bulletin summaries on ids, file history on file names. */
import type { Hover } from 'vscode-languageserver';
import { hover } from '../core/authoring/hover';
import { offsetAt } from '../core/text';
import { runSafe } from './runSafe';
import { refreshOpenDocuments, toRange, type FeatureContext } from './features';

export const hoverCapabilities = { hoverProvider: true };

export function registerHover(context: FeatureContext): void {
  const { connection, documents, state, logger } = context;
  connection.onHover((params, token) =>
    runSafe<Hover | null>(logger, 'hover', null, token, () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      refreshOpenDocuments(context);
      const analysis = state.analysisOf(document);
      const { lineStarts, text } = analysis.parsed;
      const result = hover({ analysis, index: state.index, offset: offsetAt(lineStarts, text.length, params.position), locale: state.settings.locale });
      if (!result) return null;
      return { contents: { kind: 'markdown', value: result.markdown }, range: toRange(lineStarts, result.range) };
    }),
  );
}

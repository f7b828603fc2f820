/** textDocument/hover: schema descriptions, bulletin summaries on ids, file history on file names. */
import type { Hover } from 'vscode-languageserver';
import { hover } from '../core/authoring/hover';
import { offsetAt } from '../core/text';
import { runSafe } from './runSafe';
import { toRange, type FeatureContext } from './features';

export const hoverCapabilities = { hoverProvider: true };

export function registerHover(context: FeatureContext): void {
  const { connection, documents, workspace, logger } = context;
  connection.onHover((params, token) =>
    runSafe<Hover | null>(logger, 'hover', null, token, () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      workspace.refreshOpenDocuments();
      const analysis = workspace.analysisOf(document);
      const { lineStarts, text } = analysis.parsed;
      const result = hover({ analysis, index: workspace.index, offset: offsetAt(lineStarts, text.length, params.position), locale: workspace.settings.locale });
      if (!result) return null;
      return { contents: { kind: 'markdown', value: result.markdown }, range: toRange(lineStarts, result.range) };
    }),
  );
}

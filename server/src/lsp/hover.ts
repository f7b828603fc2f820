/** textDocument/hover: schema descriptions, bulletin summaries on ids, file history on file names, suppression comments. */
import type { Hover } from 'vscode-languageserver';
import { hover } from '../core/authoring/hover';
import { suppressionHover } from '../core/authoring/suppress-hover';
import { offsetAt } from '../core/text';
import { runSafe } from './run-safe';
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
      const offset = offsetAt(lineStarts, text.length, params.position);
      // A suppression comment explains its rules in the author's language, as the rule pages open.
      const lang = (analysis.parsed.value as { lang?: unknown } | null)?.lang;
      const result =
        suppressionHover({ analysis, index: workspace.index, offset, locale: workspace.settings.authorLocale(lang), check: workspace.checkOptions, workspaceRead: workspace.workspaceRead }) ??
        hover({ analysis, index: workspace.index, offset, locale: workspace.settings.locale });
      if (!result) return null;
      return { contents: { kind: 'markdown', value: result.markdown }, range: toRange(lineStarts, result.range) };
    }),
  );
}

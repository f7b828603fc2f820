/**
 * textDocument/inlayHint: the computed score and severity after each CVSS vector
 * (`CVSS:3.1/… 6.5 Medium`), in the bulletin's language. A client without inlay hints gets
 * the same as code lenses on the vector's line.
 */
import { InlayHintKind, type ClientCapabilities, type CodeLens, type InlayHint } from 'vscode-languageserver';
import { cvssHints } from '../core/authoring/cvss';
import { offsetAt, positionAt } from '../core/text';
import { runSafe } from './run-safe';
import type { FeatureContext } from './features';

/** Inlay hints where the client has them, else code lenses. */
export function scoreHintCapabilities(capabilities: ClientCapabilities): Record<string, unknown> {
  return capabilities.textDocument?.inlayHint !== undefined ? { inlayHintProvider: true } : { codeLensProvider: { resolveProvider: false } };
}

export function registerScoreHints(context: FeatureContext): void {
  const { connection, documents, workspace, logger } = context;
  connection.languages.inlayHint.on((params, token) =>
    runSafe<InlayHint[] | null>(logger, 'inlayHint', null, token, () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      workspace.refreshOpenDocuments();
      const analysis = workspace.analysisOf(document);
      const { lineStarts, text } = analysis.parsed;
      const range: [number, number] = [offsetAt(lineStarts, text.length, params.range.start), offsetAt(lineStarts, text.length, params.range.end)];
      return cvssHints(analysis, range).map((hint) => ({ position: positionAt(lineStarts, hint.offset), label: hint.label, kind: InlayHintKind.Type, paddingLeft: true, tooltip: hint.tooltip }));
    }),
  );
  connection.onCodeLens((params, token) =>
    runSafe<CodeLens[] | null>(logger, 'codeLens', null, token, () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      workspace.refreshOpenDocuments();
      const analysis = workspace.analysisOf(document);
      const { lineStarts } = analysis.parsed;
      return cvssHints(analysis).map((hint) => {
        const position = positionAt(lineStarts, hint.offset);
        // A lens with no command is a label; the empty command id keeps it unclickable.
        return { range: { start: position, end: position }, command: { title: `CVSS ${hint.label}`, command: '' } };
      });
    }),
  );
}

/**
 * textDocument/codeAction: quick fixes for the findings under the cursor. Findings are
 * recomputed from the current text (not trusted from the client), so every edit's offsets
 * belong to exactly the text it will be applied to.
 */
import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import { checkBulletin } from '../core/analyze';
import { fixesFor } from '../core/authoring/fixes';
import { offsetAt } from '../core/text';
import { toDiagnostic } from './diagnostics';
import { runSafe } from './runSafe';
import { refreshOpenDocuments, toRange, type FeatureContext } from './features';

export const codeActionCapabilities = { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } };

export function registerCodeActions(context: FeatureContext): void {
  const { connection, documents, state, logger } = context;
  connection.onCodeAction((params, token) =>
    runSafe<CodeAction[] | null>(logger, 'codeAction', null, token, () => {
      const only = params.context.only;
      if (only && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return null;
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      refreshOpenDocuments(context);
      const analysis = state.analysisOf(document);
      const { lineStarts, text } = analysis.parsed;
      const start = offsetAt(lineStarts, text.length, params.range.start);
      const end = offsetAt(lineStarts, text.length, params.range.end);
      const options = state.settings.checkOptions;
      const lookup = (uri: string) => state.index.get(uri)?.lineStarts;
      const actions: CodeAction[] = [];
      // Findings on one range (a file missing on two platforms) can share a fix: offered once.
      const offered = new Set<string>();
      for (const problem of checkBulletin(analysis.bulletin, state.index, options)) {
        if (problem.offset > end || problem.offset + problem.length < start) continue;
        for (const fix of fixesFor(problem, { analysis, index: state.index, locale: state.settings.locale })) {
          const identity = JSON.stringify([fix.title, fix.edits]);
          if (offered.has(identity)) continue;
          offered.add(identity);
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [toDiagnostic(problem, lineStarts, lookup)],
            isPreferred: fix.preferred,
            edit: { changes: { [document.uri]: fix.edits.map((e) => ({ range: toRange(lineStarts, [e.start, e.end]), newText: e.newText })) } },
          });
        }
      }
      return actions;
    }),
  );
}

/**
 * textDocument/codeAction: quick fixes for the findings under the cursor. The findings are
 * those the workspace holds for the document's current version (not trusted from the
 * client), so every edit's offsets belong to exactly the text it will be applied to.
 */
import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import { fixesFor } from '../core/authoring/fixes';
import { offsetAt } from '../core/text';
import { toDiagnostic } from './diagnostics';
import { runSafeAsync } from './runSafe';
import { toRange, type FeatureContext } from './features';
import { renamesFiles } from './rename';
import { bulletinFileName, renamedFileUri } from '../core/authoring/idNames';
import { msg } from '../core/messages';

export const codeActionCapabilities = { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } };

export function registerCodeActions(context: FeatureContext): void {
  const { connection, workspace, logger, rulesDoc } = context;
  connection.onCodeAction((params, token) =>
    runSafeAsync<CodeAction[] | null>(logger, 'codeAction', null, token, async () => {
      const only = params.context.only;
      if (only && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return null;
      workspace.refreshOpenDocuments();
      const checked = await workspace.checkedDocument(params.textDocument.uri);
      if (!checked) return null;
      const { document, findings } = checked;
      const analysis = workspace.analysisOf(document);
      const { lineStarts, text } = analysis.parsed;
      const start = offsetAt(lineStarts, text.length, params.range.start);
      const end = offsetAt(lineStarts, text.length, params.range.end);
      const lookup = (uri: string) => workspace.index.get(uri)?.lineStarts;
      const actions: CodeAction[] = [];
      // Findings on one range (a file missing on two platforms) can share a fix: offered once.
      const offered = new Set<string>();
      for (const problem of findings.problems) {
        if (problem.offset > end || problem.offset + problem.length < start) continue;
        for (const fix of fixesFor(problem, { analysis, index: workspace.index, locale: workspace.settings.locale })) {
          const identity = JSON.stringify([fix.title, fix.edits]);
          if (offered.has(identity)) continue;
          offered.add(identity);
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [toDiagnostic(problem, lineStarts, lookup, rulesDoc)],
            isPreferred: fix.preferred,
            edit: { changes: { [document.uri]: fix.edits.map((e) => ({ range: toRange(lineStarts, [e.start, e.end]), newText: e.newText })) } },
          });
        }
      }
      // A file named after another id than its `id`: rename the file (where the client renames files).
      for (const problem of findings.problems) {
        if (problem.offset > end || problem.offset + problem.length < start || problem.data?.kind !== 'fileName') continue;
        const action = renameFileAction(context, document.uri, problem.data.old, problem.data.id);
        if (action) actions.push({ ...action, diagnostics: [toDiagnostic(problem, lineStarts, lookup, rulesDoc)] });
      }
      return actions;
    }),
  );
}

function renameFileAction(context: FeatureContext, uri: string, old: unknown, id: unknown): CodeAction | undefined {
  if (typeof old !== 'string' || typeof id !== 'string' || !renamesFiles(context)) return undefined;
  const newUri = renamedFileUri(uri, old, id);
  const file = newUri && bulletinFileName(newUri)?.file;
  if (!newUri || !file || context.workspace.index.has(newUri)) return undefined;
  return {
    title: msg(context.workspace.settings.locale, 'fix.idMismatch.renameFile', { file }),
    kind: CodeActionKind.QuickFix,
    isPreferred: true,
    edit: { documentChanges: [{ kind: 'rename', oldUri: uri, newUri, options: { ignoreIfExists: true } }] },
  };
}

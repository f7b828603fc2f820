/**
 * textDocument/codeAction: quick fixes for the findings under the cursor. The findings are
 * those the workspace holds for the document's current version (not trusted from the
 * client), so every edit's offsets belong to exactly the text it will be applied to.
 */
import { CodeActionKind, type ClientCapabilities, type CodeAction, type WorkspaceEdit } from 'vscode-languageserver';
import { fixesFor } from '../core/authoring/fixes';
import { suppressFixes, suppressionCodeFix } from '../core/authoring/suppress-fix';
import { offsetAt } from '../core/text';
import { toDiagnostic } from './diagnostics';
import { runSafeAsync } from './run-safe';
import { toRange, type FeatureContext } from './features';
import { today } from './completion';
import { renamesFiles } from './rename';
import { bulletinFileName, renamedFileUri } from '../core/authoring/id-names';
import { msg } from '../core/messages';

export const codeActionCapabilities = { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } };

/** Whether the client applies snippet edits (LSP 3.18): a suppression fix then leaves the cursor on the reason. */
const client = { snippetEdits: false };

export function codeActionClientCapabilities(capabilities: ClientCapabilities): void {
  client.snippetEdits = capabilities.workspace?.workspaceEdit?.snippetEditSupport === true;
}

/** Snippet syntax for literal text: `$`, `}` and `\\` escaped. */
const snippetText = (text: string) => text.replace(/[$}\\]/g, (c) => `\\${c}`);

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
      // Accepting a finding in place comes after every fix of what is wrong.
      const suppressions: CodeAction[] = [];
      const checkedLines = new Map<number, boolean>();
      // Findings on one range (a file missing on two platforms) can share a fix: offered once.
      const offered = new Set<string>();
      for (const problem of findings.problems) {
        if (problem.offset > end || problem.offset + problem.length < start) continue;
        for (const fix of fixesFor(problem, { analysis, index: workspace.index, locale: workspace.settings.locale, today: today(context.clock.date()) })) {
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
        // Accepting the finding in place, on every finding that can be suppressed (and a misspelt code's correction).
        for (const fix of [...suppressionCodeFix(problem, workspace.settings.locale), ...suppressFixes(problem, analysis, workspace.settings.locale, checkedLines)]) {
          const identity = JSON.stringify([fix.title, fix.edit]);
          if (offered.has(identity)) continue;
          offered.add(identity);
          const range = toRange(lineStarts, [fix.edit.start, fix.edit.end]);
          const { newText } = fix.edit;
          const edit: WorkspaceEdit = client.snippetEdits
            ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: [{ range, snippet: { kind: 'snippet', value: `${snippetText(newText.slice(0, fix.cursor))}$0${snippetText(newText.slice(fix.cursor))}` } }] }] }
            : { changes: { [document.uri]: [{ range, newText }] } };
          const preferred = problem.code === 'suppression';
          (preferred ? actions : suppressions).push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [toDiagnostic(problem, lineStarts, lookup, rulesDoc)], isPreferred: preferred, edit });
        }
      }
      // A file named after another id than its `id`: rename the file (where the client renames files).
      for (const problem of findings.problems) {
        if (problem.offset > end || problem.offset + problem.length < start || problem.data?.kind !== 'fileName') continue;
        const action = renameFileAction(context, document.uri, problem.data.old, problem.data.id);
        if (action) actions.push({ ...action, diagnostics: [toDiagnostic(problem, lineStarts, lookup, rulesDoc)] });
      }
      return [...actions, ...suppressions];
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

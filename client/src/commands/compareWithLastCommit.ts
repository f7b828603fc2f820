/**
 * "Bulletin: Compare with Last Commit": the semantic diff of the active bulletin against its
 * last git commit, opened beside it as a read-only document (one line per change, in the
 * bulletin's language), each line a link to the changed line of the bulletin. The server runs
 * git, only in a trusted workspace; otherwise it answers nothing and this says why.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CompareWithLastCommitRequest, WorkspaceTrustedNotification, type CompareResult } from '../../../server/src/protocol';

const SCHEME = 'bulletin-changes';

/** The text of the changes view, and where each of its lines leads. */
export function changesDocument(result: CompareResult, source: string): { text: string; targets: (number | undefined)[] } {
  const marks: Record<string, string> = { added: '+', removed: '-', changed: '~' };
  const lines = [vscode.l10n.t('Changes in {0} since commit {1}', source, result.commit.slice(0, 7)), ''];
  const targets: (number | undefined)[] = [undefined, undefined];
  if (result.changes.length === 0) {
    lines.push(vscode.l10n.t('No change a reader would notice.'));
    targets.push(undefined);
  }
  for (const change of result.changes) {
    lines.push(`${marks[change.kind] ?? '~'} ${change.label}  (${vscode.l10n.t('line {0}', change.line + 1)})`);
    targets.push(change.line);
  }
  return { text: lines.join('\n') + '\n', targets };
}

export function registerCompareWithLastCommit(client: () => LanguageClient | undefined): vscode.Disposable[] {
  const documents = new Map<string, { text: string; targets: (number | undefined)[]; source: vscode.Uri }>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = { onDidChange: changed.event, provideTextDocumentContent: (uri) => documents.get(uri.toString())?.text ?? '' };
  const links: vscode.DocumentLinkProvider = {
    provideDocumentLinks(document) {
      const entry = documents.get(document.uri.toString());
      if (!entry) return [];
      return entry.targets.flatMap((line, i) => {
        if (line === undefined || i >= document.lineCount) return [];
        const link = new vscode.DocumentLink(document.lineAt(i).range, entry.source.with({ fragment: `L${line + 1}` }));
        link.tooltip = vscode.l10n.t('Go to line {0}', line + 1);
        return [link];
      });
    },
  };
  const command = vscode.commands.registerCommand('bulletin.compareWithLastCommit', async () => {
    const editor = vscode.window.activeTextEditor;
    const connection = client();
    if (!editor || editor.document.languageId !== 'bulletin' || !connection) return;
    const source = editor.document.uri;
    const result = await connection.sendRequest(CompareWithLastCommitRequest, { uri: source.toString() });
    if (!result) {
      void vscode.window.showInformationMessage(
        vscode.workspace.isTrusted
          ? vscode.l10n.t('No last commit to compare with: git is not installed, the bulletin is not in a git repository, or it is not committed yet.')
          : vscode.l10n.t('Compare with Last Commit runs git, which only runs in a trusted workspace.'),
      );
      return;
    }
    const name = source.path.slice(source.path.lastIndexOf('/') + 1);
    const view = vscode.Uri.from({ scheme: SCHEME, path: `/${name}.changes`, query: source.toString() });
    documents.set(view.toString(), { ...changesDocument(result, name), source });
    changed.fire(view);
    const document = await vscode.workspace.openTextDocument(view);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
  });
  // Git may run once the user trusts the workspace: the server is told then.
  const trust = vscode.workspace.onDidGrantWorkspaceTrust(() => void client()?.sendNotification(WorkspaceTrustedNotification, { trusted: true }));
  return [command, trust, changed, vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider), vscode.languages.registerDocumentLinkProvider({ scheme: SCHEME }, links)];
}

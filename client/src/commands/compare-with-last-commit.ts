/**
 * "Bulletin: Compare with Last Commit": the semantic diff of the active bulletin against its
 * last git commit, opened beside it as a read-only document (one line per change, in the
 * bulletin's language), each line a link to the changed line of the bulletin. The server runs
 * git, only in a trusted workspace; otherwise it answers nothing and this says why.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CompareWithLastCommitRequest, WorkspaceTrustedNotification } from '../../../server/src/protocol';
import { changesDocument } from '../changes-view';

const SCHEME = 'bulletin-changes';

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
    const words = {
      heading: (file: string, commit: string) => vscode.l10n.t('Changes in {0} since commit {1}', file, commit),
      none: vscode.l10n.t('No change a reader would notice.'),
      line: (line: number) => vscode.l10n.t('line {0}', line),
    };
    documents.set(view.toString(), { ...changesDocument(result, name, words), source });
    changed.fire(view);
    const document = await vscode.workspace.openTextDocument(view);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
  });
  // Git may run once the user trusts the workspace: the server is told then.
  const trust = vscode.workspace.onDidGrantWorkspaceTrust(() => void client()?.sendNotification(WorkspaceTrustedNotification, { trusted: true }));
  return [command, trust, changed, vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider), vscode.languages.registerDocumentLinkProvider({ scheme: SCHEME }, links)];
}

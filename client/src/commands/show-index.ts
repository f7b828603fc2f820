/**
 * "Bulletin: Show Index": pick a file name, see every bulletin that ships it, by platform and
 * newest first (the order of the hover on a file name; the server sorts); choosing one opens
 * that entry. Each row: the version, then the bulletin and its labelled publication date.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IndexRequest, type IndexedFile } from '../../../server/src/protocol';

interface EntryItem extends vscode.QuickPickItem {
  entry?: IndexedFile;
}

export function registerShowIndex(client: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('bulletin.showIndex', async (fileName?: unknown) => {
    const connection = client();
    if (!connection) return;
    const { files, bulletins } = await connection.sendRequest(IndexRequest, {});
    if (files.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No bulletin in the workspace lists a file yet ({0} bulletins indexed).', bulletins));
      return;
    }
    const name = typeof fileName === 'string' ? fileName : await pickFileName(files);
    if (!name) return;
    const { entries } = await connection.sendRequest(IndexRequest, { file: name });
    const items: EntryItem[] = [];
    let platform: string | undefined;
    for (const entry of entries) {
      const group = `${entry.platform}${entry.variant ? ` [${entry.variant}]` : ''}`;
      if (group !== platform) {
        items.push({ label: group, kind: vscode.QuickPickItemKind.Separator });
        platform = group;
      }
      items.push({
        label: entry.version ?? '?',
        // The date says what it is (the bulletin's publication date), in the user's language.
        description: entry.published ? `${entry.bulletin} · ${vscode.l10n.t('Published {0}', entry.published)}` : entry.bulletin,
        detail: `${entry.name}${entry.size !== undefined ? `  ${vscode.l10n.t('{0} bytes', entry.size.toLocaleString())}` : ''}`,
        entry,
      });
    }
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('{0}: every bulletin that ships it', name), matchOnDescription: true, matchOnDetail: true });
    if (!picked?.entry) return;
    const position = new vscode.Position(picked.entry.line, 0);
    await vscode.window.showTextDocument(vscode.Uri.parse(picked.entry.uri), { selection: new vscode.Range(position, position) });
  });
}

/** A quick pick of every file name, typed ahead with the file name under the cursor. */
function pickFileName(files: readonly string[]): Promise<string | undefined> {
  const quickPick = vscode.window.createQuickPick();
  quickPick.title = vscode.l10n.t('Bulletin Index');
  quickPick.placeholder = vscode.l10n.t('A file name, to see every bulletin that ships it');
  quickPick.items = files.map((label) => ({ label }));
  quickPick.value = wordAtCursor(files) ?? '';
  return new Promise((resolve) => {
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0]?.label);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}

/** The file name under the cursor, if it is one the index knows. */
function wordAtCursor(files: readonly string[]): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const range = editor.document.getWordRangeAtPosition(editor.selection.active, /[\w.-]+/);
  const word = range ? editor.document.getText(range) : undefined;
  return word && files.some((f) => f.toLowerCase() === word.toLowerCase()) ? word : undefined;
}

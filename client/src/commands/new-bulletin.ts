/**
 * "Bulletin: New Bulletin": asks for the id (refusing one the workspace has, at once), the KB
 * number (`890175` or `KB890175`) and the language, creates `ID.bulletin.yaml` next to the
 * active bulletin or in the workspace folder, and inserts the `bulletin` snippet into it with
 * tab stops: what the author must write is left empty, and flagged by the checks until written
 * (see server/src/core/authoring/new-bulletin-template.ts).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { SnippetDefinition } from '../../../server/src/core/authoring/snippet';
import { idProblem, kbNumber, newBulletinSnippet } from '../../../server/src/core/authoring/new-bulletin-template';
import { IndexRequest } from '../../../server/src/protocol';

export function registerNewBulletin(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('bulletin.newBulletin', (folder?: unknown) => newBulletin(context, client(), folder instanceof vscode.Uri ? folder : undefined));
}

/** The ids of the workspace's bulletins: the server's index, else (server not running) the file names. */
async function workspaceIds(client: LanguageClient | undefined): Promise<string[]> {
  if (client?.isRunning()) {
    try {
      const { ids } = await client.sendRequest(IndexRequest, { ids: true });
      if (ids) return ids;
    } catch {
      // fall back to the file names below
    }
  }
  const files = await vscode.workspace.findFiles('**/*.bulletin.{yaml,yml}', '**/node_modules/**');
  return files.map((uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1).replace(/\.bulletin\.ya?ml$/, ''));
}

async function newBulletin(context: vscode.ExtensionContext, client: LanguageClient | undefined, explorerFolder: vscode.Uri | undefined): Promise<void> {
  const ids = workspaceIds(client);
  const id = (
    await vscode.window.showInputBox({
      title: vscode.l10n.t('New Bulletin'),
      prompt: vscode.l10n.t('Bulletin id'),
      placeHolder: 'MS04-029',
      ignoreFocusOut: true,
      validateInput: async (value) => {
        const problem = idProblem(value, await ids);
        if (problem === 'pattern') return vscode.l10n.t('An id such as MS04-029: letters, two digits, a hyphen and 3 to 5 digits.');
        if (problem === 'taken') return vscode.l10n.t('A bulletin of the workspace already has the id {0}.', value.trim());
        return undefined;
      },
    })
  )?.trim();
  if (!id) return;
  const kbInput = await vscode.window.showInputBox({
    title: vscode.l10n.t('New Bulletin'),
    prompt: vscode.l10n.t('Knowledge Base (KB) number'),
    placeHolder: '873350',
    ignoreFocusOut: true,
    validateInput: (value) => (kbNumber(value) ? undefined : vscode.l10n.t('The KB number is digits, such as 873350 or KB873350.')),
  });
  const kb = kbInput === undefined ? undefined : kbNumber(kbInput);
  if (!kb) return;
  const lang = await vscode.window.showQuickPick(
    [
      { label: 'ja', description: vscode.l10n.t('Japanese') },
      { label: 'en', description: vscode.l10n.t('English') },
    ],
    { title: vscode.l10n.t('New Bulletin'), placeHolder: vscode.l10n.t('Language of the bulletin text'), ignoreFocusOut: true },
  );
  if (!lang) return;

  const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'snippets', 'bulletin.code-snippets')))) as Record<string, SnippetDefinition>;
  const snippet = newBulletinSnippet(snippets, { id, kb, lang: lang.label as 'ja' | 'en' });
  const folder = explorerFolder ?? targetFolder();
  let document: vscode.TextDocument;
  if (folder) {
    const target = vscode.Uri.joinPath(folder, `${id}.bulletin.yaml`);
    if (await exists(target)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists; it was left as it is.', vscode.workspace.asRelativePath(target)));
      return;
    }
    await vscode.workspace.fs.writeFile(target, new Uint8Array());
    document = await vscode.workspace.openTextDocument(target);
  } else {
    document = await vscode.workspace.openTextDocument({ language: 'bulletin', content: '' });
  }
  const editor = await vscode.window.showTextDocument(document);
  // Tab moves from field to field; the first empty one (the title) has the cursor.
  await editor.insertSnippet(new vscode.SnippetString(snippet), new vscode.Position(0, 0));
}

/** The active bulletin's folder, else the first workspace folder. */
function targetFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document;
  if (active && active.uri.scheme === 'file' && active.languageId === 'bulletin') return vscode.Uri.joinPath(active.uri, '..');
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

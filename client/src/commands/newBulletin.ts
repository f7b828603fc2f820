/**
 * "Bulletin: New Bulletin": asks for the id, the KB number and the language, and creates
 * `ID.bulletin.yaml` from the `bulletin` snippet (the one template), next to the active
 * bulletin or in the workspace folder, then selects the title for typing.
 */
import * as vscode from 'vscode';
import { bulletinFromTemplate, type SnippetDefinition } from '../../../server/src/core/authoring/snippet';

const ID_PATTERN = /^[A-Z][A-Z0-9]*[0-9]{2}-[0-9]{3,5}$/;
const KB_PATTERN = /^[1-9][0-9]*$/;

export function registerNewBulletin(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand('bulletin.newBulletin', (folder?: unknown) => newBulletin(context, folder instanceof vscode.Uri ? folder : undefined));
}

async function newBulletin(context: vscode.ExtensionContext, explorerFolder: vscode.Uri | undefined): Promise<void> {
  const id = (
    await vscode.window.showInputBox({
      title: vscode.l10n.t('New Bulletin'),
      prompt: vscode.l10n.t('Bulletin id'),
      placeHolder: 'MS04-029',
      ignoreFocusOut: true,
      validateInput: (value) => (ID_PATTERN.test(value.trim()) ? undefined : vscode.l10n.t('An id such as MS04-029: letters, two digits, a hyphen and 3 to 5 digits.')),
    })
  )?.trim();
  if (!id) return;
  const kb = (
    await vscode.window.showInputBox({
      title: vscode.l10n.t('New Bulletin'),
      prompt: vscode.l10n.t('Knowledge Base (KB) number'),
      placeHolder: '873350',
      ignoreFocusOut: true,
      validateInput: (value) => (KB_PATTERN.test(value.trim()) ? undefined : vscode.l10n.t('The KB number is digits only, such as 873350.')),
    })
  )?.trim();
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
  const text = bulletinFromTemplate(snippets, { id, kb, lang: lang.label as 'ja' | 'en' }, new Date());
  const folder = explorerFolder ?? targetFolder();
  let document: vscode.TextDocument;
  if (folder) {
    const target = vscode.Uri.joinPath(folder, `${id}.bulletin.yaml`);
    if (await exists(target)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists; it was left as it is.', vscode.workspace.asRelativePath(target)));
      return;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    document = await vscode.workspace.openTextDocument(target);
  } else {
    document = await vscode.workspace.openTextDocument({ language: 'bulletin', content: text });
  }
  const editor = await vscode.window.showTextDocument(document);
  const titleLine = text.split('\n').findIndex((line) => line.startsWith('title: '));
  if (titleLine >= 0) {
    const end = document.lineAt(titleLine).text.length;
    editor.selection = new vscode.Selection(titleLine, 'title: '.length, titleLine, end);
    editor.revealRange(editor.selection);
  }
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

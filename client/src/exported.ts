/**
 * After an export, the toast offers to open the file and to show it where it was written: in
 * the system's file manager when the window runs on this machine (`revealFileInOS`, worded as
 * VS Code's own menus word it on each system), else in the Explorer view (a browser or a
 * remote window has no file manager of this machine to show).
 */
import * as vscode from 'vscode';
import { exportedActions, type ExportedAction } from './exported-actions';

function title(action: ExportedAction): string {
  switch (action.button) {
    case 'open':
      return vscode.l10n.t('Open');
    case 'openInBrowser':
      return vscode.l10n.t('Open in Browser');
    case 'revealInFinder':
      return vscode.l10n.t('Reveal in Finder');
    case 'revealInFileExplorer':
      return vscode.l10n.t('Reveal in File Explorer');
    case 'openContainingFolder':
      return vscode.l10n.t('Open Containing Folder');
    case 'revealInExplorerView':
      return vscode.l10n.t('Reveal in Explorer View');
  }
}

/** Says where the file went, with its buttons; resolves once a button was chosen and run, or the toast closed. */
export async function offerExported(target: vscode.Uri, kind: 'html' | 'csaf'): Promise<void> {
  const actions = exportedActions({
    kind,
    scheme: target.scheme,
    web: vscode.env.uiKind === vscode.UIKind.Web,
    remoteName: vscode.env.remoteName,
    platform: process.platform,
  });
  const titles = actions.map(title);
  const chosen = await vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}.', vscode.workspace.asRelativePath(target)), ...titles);
  const action = actions[titles.indexOf(chosen ?? '')];
  if (!action) return;
  switch (action.run) {
    case 'open':
      await vscode.commands.executeCommand('vscode.open', target);
      break;
    case 'openExternal':
      await vscode.env.openExternal(target);
      break;
    case 'revealFileInOS':
    case 'revealInExplorer':
      await vscode.commands.executeCommand(action.run, target);
      break;
  }
}

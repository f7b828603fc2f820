/**
 * "Bulletin: Open Preview", "Open Preview to the Side", "Toggle Preview Lock" and the preview's "Open Source".
 */
import * as vscode from 'vscode';
import { bulletinLanguageId, type PreviewManager } from '../preview/manager';

/** The bulletin a command is about: the one passed (explorer, editor title), else the active editor's. */
export function bulletinResource(argument: unknown): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri) return argument;
  const document = vscode.window.activeTextEditor?.document;
  return document && document.languageId === bulletinLanguageId ? document.uri : undefined;
}

export function registerPreviewCommands(manager: PreviewManager): vscode.Disposable[] {
  const open = (sideBySide: boolean) => (argument: unknown) => {
    const resource = bulletinResource(argument) ?? manager.current?.resource;
    if (!resource) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a bulletin (*.bulletin.yaml) in an editor to preview it.'));
      return;
    }
    manager.show(resource, sideBySide);
  };
  return [
    vscode.commands.registerCommand('bulletin.showPreview', open(false)),
    vscode.commands.registerCommand('bulletin.showPreviewToSide', open(true)),
    // The preview's title bar "Open Source", as Markdown's: the bulletin's editor at the line shown.
    vscode.commands.registerCommand('bulletin.preview.openSource', async () => {
      const preview = manager.current;
      if (!preview) {
        void vscode.window.showInformationMessage(vscode.l10n.t('There is no bulletin preview to show the source of.'));
        return;
      }
      await preview.showSource();
    }),
    vscode.commands.registerCommand('bulletin.toggleLock', () => {
      if (!manager.toggleLock()) void vscode.window.showInformationMessage(vscode.l10n.t('There is no bulletin preview to lock.'));
    }),
  ];
}

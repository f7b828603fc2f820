/**
 * "Bulletin: Export HTML": the preview's page as one standalone file (stylesheet inline, no
 * script), the same file `bulletin render` writes.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RenderRequest } from '../../../server/src/protocol';
import { standaloneHtml } from '../../../server/src/core/render/standalone';
import { mediaRoot } from '../preview/panel';
import type { PreviewManager } from '../preview/manager';
import { bulletinResource } from './open-preview';
import { offerExported } from '../exported';

export function registerExportHtml(extensionUri: vscode.Uri, manager: PreviewManager, client: () => Promise<LanguageClient>): vscode.Disposable {
  return vscode.commands.registerCommand('bulletin.exportHtml', async (argument: unknown) => {
    const resource = bulletinResource(argument) ?? manager.current?.resource;
    if (!resource) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a bulletin (*.bulletin.yaml) in an editor to export it.'));
      return;
    }
    const name = resource.path.split('/').pop()!.replace(/\.bulletin\.ya?ml$/i, '') + '.html';
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(resource, '..', name),
      filters: { HTML: ['html', 'htm'] },
    });
    if (!target) return;
    // The server renders only documents it has been sent: open it (no editor needed). Links to
    // other bulletins' pages are made relative to where this page is saved.
    await vscode.workspace.openTextDocument(resource);
    const page = await (await client()).sendRequest(RenderRequest, { uri: resource.toString(), page: target.toString() });
    if (!page) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The bulletin could not be rendered.'));
      return;
    }
    const css = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(mediaRoot(extensionUri), 'preview.css')));
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(standaloneHtml({ html: page.html, title: page.title, lang: page.lang }, css, vscode.workspace.getConfiguration('bulletin.preview').get<boolean>('allowRemoteImages', false))));
    // Open and Reveal buttons (../exported.ts); the command does not wait for the toast.
    void offerExported(target, 'html');
  });
}

/** Wires the preview into the extension: manager, commands, export. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { State } from 'vscode-languageclient/node';
import { PreviewManager } from './manager';
import { registerPreviewCommands } from '../commands/open-preview';
import { registerExportHtml } from '../commands/export-html';
import { onDidReceiveStatus } from '../status-bar';

/** Resolves with the client once it runs (requests wait for a start or restart). */
function whenRunning(getClient: () => LanguageClient | undefined): Promise<LanguageClient> {
  return new Promise((resolve, reject) => {
    const client = getClient();
    if (!client) return reject(new Error('the language client is not available'));
    if (client.state === State.Running) return resolve(client);
    const listener = client.onDidChangeState((event) => {
      if (event.newState === State.Running) {
        listener.dispose();
        resolve(client);
      } else if (event.newState === State.Stopped && event.oldState === State.Starting) {
        listener.dispose();
        reject(new Error('the language server did not start'));
      }
    });
  });
}

export function registerPreview(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined, output: vscode.LogOutputChannel): void {
  const client = () => whenRunning(getClient);
  const manager = new PreviewManager({ extensionUri: context.extensionUri, client, log: (message) => output.error(message) });
  context.subscriptions.push(manager, ...registerPreviewCommands(manager), registerExportHtml(context.extensionUri, manager, client));
  // A page depends on more than its text: the other bulletins (the workspace read at start),
  // the settings (bulletin.preview.showChanges), the last commit's text from git. The server says
  // when a check settles after any of them changed; each preview's scheduler bounds the renders.
  context.subscriptions.push(onDidReceiveStatus(() => manager.refreshAll()));
}

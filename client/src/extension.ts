/**
 * The extension's entry: starts the language client over node IPC and registers commands.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerPreview } from './preview';
import { registerNewBulletin } from './commands/newBulletin';
import { registerStatusBar } from './statusBar';
import { registerShowIndex } from './commands/showIndex';
import { registerExportCsaf } from './commands/exportCsaf';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Bulletin', { log: true });
  context.subscriptions.push(output);
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'bulletin' }],
    outputChannel: output,
    synchronize: { configurationSection: 'bulletin', fileEvents: vscode.workspace.createFileSystemWatcher('**/*.bulletin.{yaml,yml}') },
    // Where the server may keep its warm-start cache of the workspace index.
    initializationOptions: { storagePath: (context.storageUri ?? context.globalStorageUri).fsPath },
  };
  client = new LanguageClient('bulletin', 'Bulletin Language Server', serverOptions, clientOptions);
  registerPreview(context, () => client, output);
  context.subscriptions.push(registerNewBulletin(context));
  context.subscriptions.push(registerStatusBar(client), registerShowIndex(() => client));
  context.subscriptions.push(...registerExportCsaf(client));
  context.subscriptions.push(
    vscode.commands.registerCommand('bulletin.restartServer', async () => {
      output.appendLine(vscode.l10n.t('Restarting the Bulletin language server.'));
      await client?.restart();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

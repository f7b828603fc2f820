/**
 * The extension's entry: starts the language client over node IPC and registers commands.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CloseAction, ErrorAction, type ErrorHandler } from 'vscode-languageclient/node';
import { RestartPolicy } from './restart-policy';
import { registerPreview } from './preview';
import { registerNewBulletin } from './commands/new-bulletin';
import { registerStatusBar } from './status-bar';
import { registerShowIndex } from './commands/show-index';
import { registerCompareWithLastCommit } from './commands/compare-with-last-commit';
import { registerIndexingCommands } from './commands/indexing';
import { registerExportCsaf } from './commands/export-csaf';
import { registerShowRule, ruleLinkMiddleware } from './commands/show-rule';
import { availableParallelism } from 'node:os';
import { serverExecArgv } from '../../server/src/launch';

let client: LanguageClient | undefined;
const restarts = new RestartPolicy();

/** Restarts a crashed server at most 5 times in 3 minutes, then says so once. */
function crashHandler(output: vscode.LogOutputChannel): { errorHandler: ErrorHandler; initializationFailedHandler: () => boolean } {
  const allowRestart = (): boolean => {
    const decision = restarts.onCrash();
    if (decision.restart) {
      output.warn(`The Bulletin language server stopped unexpectedly; restart ${decision.attempt} of ${restarts.maxRestarts}.`);
      return true;
    }
    const minutes = Math.round(restarts.windowMs / 60_000);
    void vscode.window.showErrorMessage(
      vscode.l10n.t('The Bulletin language server stopped {0} times in {1} minutes and will not be restarted. Run "Bulletin: Restart Language Server" to try again.', decision.crashes, minutes),
    );
    return false;
  };
  return {
    errorHandler: {
      // Like the library's default: a few broken messages are survivable, many mean a dead pipe.
      error: (_error, _message, count) => ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
      closed: () => ({ action: allowRestart() ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true }),
    },
    initializationFailedHandler: allowRestart,
  };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Bulletin', { log: true });
  context.subscriptions.push(output);
  const serverModule = context.asAbsolutePath('dist/server.js');
  const execArgv = serverExecArgv(availableParallelism());
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'bulletin' }],
    outputChannel: output,
    // Where the server keeps its warm-start cache of workspace models (per workspace when there is one).
    // `workspaceTrusted`: git (revisions, Compare with Last Commit) runs only in a trusted workspace.
    initializationOptions: { storagePath: (context.storageUri ?? context.globalStorageUri).fsPath, workspaceTrusted: vscode.workspace.isTrusted },
    // A finding's rule link opens the rule's section rendered, in the author's language.
    middleware: ruleLinkMiddleware,
    synchronize: { configurationSection: 'bulletin', fileEvents: vscode.workspace.createFileSystemWatcher('**/*.bulletin.{yaml,yml}') },
    ...crashHandler(output),
  };
  client = new LanguageClient('bulletin', 'Bulletin Language Server', serverOptions, clientOptions);
  registerPreview(context, () => client, output);
  context.subscriptions.push(registerNewBulletin(context, () => client), registerShowRule(context));
  context.subscriptions.push(registerStatusBar(client), registerShowIndex(() => client), registerIndexingCommands(() => client));
  context.subscriptions.push(...registerExportCsaf(client));
  context.subscriptions.push(...registerCompareWithLastCommit(() => client));
  context.subscriptions.push(
    vscode.commands.registerCommand('bulletin.restartServer', async () => {
      output.appendLine(vscode.l10n.t('Restarting the Bulletin language server.'));
      restarts.reset();
      await client?.restart();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

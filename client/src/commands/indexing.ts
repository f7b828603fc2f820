/**
 * "Bulletin: Cancel Indexing" and "Bulletin: Re-index Workspace". VS Code shows the server's
 * indexing progress in the status bar, where it has no Cancel button: the status bar item
 * leads to Cancel Indexing while the workspace is read, and to Re-index after a cancel (the
 * cross-file checks come back once every bulletin is read).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CancelIndexingRequest, ReindexRequest } from '../../../server/src/protocol';

export function registerIndexingCommands(client: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('bulletin.cancelIndexing', async () => {
      const cancelled = await client()?.sendRequest(CancelIndexingRequest);
      if (cancelled === false) void vscode.window.showInformationMessage(vscode.l10n.t('The workspace is not being indexed.'));
    }),
    // The server shows its own progress while it reads.
    vscode.commands.registerCommand('bulletin.reindex', async () => client()?.sendRequest(ReindexRequest)),
  );
}

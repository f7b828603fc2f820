/**
 * "Bulletin: Re-index Workspace": reads the workspace folders again, under a progress
 * notification. After indexing was cancelled (the progress's Cancel button) the status bar
 * item leads here; the cross-file checks come back once every bulletin is read.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReindexRequest } from '../../../server/src/protocol';

export function registerReindex(client: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('bulletin.reindex', async () => {
    const connection = client();
    if (!connection) return;
    // The server shows its own progress (with Cancel) while it reads.
    await connection.sendRequest(ReindexRequest);
  });
}

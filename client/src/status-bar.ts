/** The status bar item: how many bulletins are indexed and how many findings they have; a click shows the index. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StatusNotification, type IndexStatus } from '../../server/src/protocol';
import { csafFindings } from './commands/export-csaf';

const statusReceived = new vscode.EventEmitter<IndexStatus>();
/**
 * The server's status, sent after each check of the workspace settles (an index read, settings
 * read, a committed text from git): the previews render again on it. The client takes one
 * handler per notification, so this one is shared from here.
 */
export const onDidReceiveStatus = statusReceived.event;

export function registerStatusBar(client: LanguageClient): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('bulletin.index', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('Bulletin Index');
  item.command = 'bulletin.cancelIndexing';
  item.text = `$(sync~spin) ${vscode.l10n.t('Bulletin: indexing…')}`;
  item.show();
  // What would stop a CSAF export is a finding too (its own channel, source `bulletin-csaf`):
  // counted with the server's, so the item agrees with the Problems panel.
  let last: IndexStatus | undefined;
  const update = (reported: IndexStatus) => {
    last = reported;
    const csaf = csafFindings.counts();
    const status = { ...reported, findings: reported.findings + csaf.findings, errors: reported.errors + csaf.errors };
    if (status.cancelled) {
      // Cross-file checks are off until every bulletin is read: say so, and lead to a re-index.
      const label = vscode.l10n.t('Bulletins: {0} (indexing cancelled)', status.bulletins);
      item.text = `$(circle-slash) ${label}`;
      item.tooltip = vscode.l10n.t('Indexing was cancelled after {0} bulletins; checks across bulletins are off. Click to index the workspace again.', status.bulletins);
      item.command = 'bulletin.reindex';
      return;
    }
    // While the workspace is read, a click cancels (VS Code's progress in the status bar has no Cancel button).
    item.command = status.ready ? 'bulletin.showIndex' : 'bulletin.cancelIndexing';
    const icon = status.errors > 0 ? '$(error)' : status.warnings > 0 ? '$(warning)' : '$(check)';
    item.text = status.ready
      ? `${icon} ${vscode.l10n.t('Bulletins: {0} · Findings: {1}', status.bulletins, status.findings)}`
      : `$(sync~spin) ${vscode.l10n.t('Bulletins: indexing ({0} read)…', status.bulletins)}`;
    item.tooltip = status.ready
      ? vscode.l10n.t('Bulletins indexed: {0}. Errors: {1}, warnings: {2}, other findings: {3}. Click to show the index.', status.bulletins, status.errors, status.warnings, status.findings - status.errors - status.warnings)
      : vscode.l10n.t('Indexing the workspace: {0} bulletins read. Click to cancel.', status.bulletins);
    // Links out of the workspace folder (or into /proc, /sys, /dev) are not followed: say how many.
    if (status.skippedLinks) item.tooltip += ' ' + vscode.l10n.t('{0} symbolic links not followed (target outside the workspace folder; setting bulletin.followLinksOutside).', status.skippedLinks);
  };
  const subscription = client.onNotification(StatusNotification, (status: IndexStatus) => {
    update(status);
    statusReceived.fire(status);
  });
  const csafChanged = csafFindings.onDidChange(() => {
    if (last) update(last);
  });
  return vscode.Disposable.from(item, subscription, csafChanged);
}

/**
 * What the editor is told when findings change, from the workspace's one event: in push mode
 * the diagnostics (open documents with their version, every time they are checked; closed
 * ones only when they have, or had, findings), in pull mode a request to pull again (when the
 * client supports it), and in both the `bulletin/status` notification once everything is checked.
 */
import type { Connection } from 'vscode-languageserver';
import { StatusNotification } from '../protocol';
import type { BulletinWorkspace, Disposable, FindingsUpdate } from './bulletin-workspace';
import { toDiagnostic } from './diagnostics';

export interface PublishMode {
  /** The client pulls diagnostics (LSP 3.17); the server only says when to pull again. */
  pull: boolean;
  /** The client can be asked to pull again (`workspace/diagnostic/refresh`). */
  refreshSupported: boolean;
}

export function publishFindings(connection: Connection, workspace: BulletinWorkspace, mode: PublishMode, rulesDoc: string): Disposable {
  const push = (update: FindingsUpdate) => {
    const { uri, findings, previous, changed } = update;
    const open = findings?.version !== undefined;
    const problems = findings?.problems ?? [];
    if (!(open || changed) || !(open || problems.length > 0 || (previous?.problems.length ?? 0) > 0)) return;
    if (!findings) {
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const bulletin = workspace.index.get(uri);
    if (!bulletin) return;
    const lookup = (other: string) => workspace.index.get(other)?.lineStarts;
    void connection.sendDiagnostics({
      uri,
      ...(open ? { version: findings.version } : {}),
      diagnostics: problems.map((p) => toDiagnostic(p, bulletin.lineStarts, lookup, rulesDoc)),
    });
  };
  return workspace.onDidChangeFindings(({ updates, idle }) => {
    if (!mode.pull) for (const update of updates) push(update);
    else if (mode.refreshSupported && updates.some((update) => update.changed)) connection.languages.diagnostics.refresh().catch(() => undefined);
    if (idle) void connection.sendNotification(StatusNotification, workspace.status());
  });
}

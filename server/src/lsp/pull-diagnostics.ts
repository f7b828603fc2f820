/**
 * Pull diagnostics (LSP 3.17), for clients that support them: a document report for open
 * documents and a workspace report for every bulletin, both answered from the findings the
 * workspace holds, with result ids so unchanged documents cost nothing.
 */
import {
  DocumentDiagnosticReportKind,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { BulletinWorkspace, Findings } from './bulletin-workspace';
import type { WorkspaceManager } from './workspace';
import { toDiagnostic } from './diagnostics';

export function registerPullDiagnostics(connection: Connection, workspace: BulletinWorkspace, folders: WorkspaceManager, rulesDoc: string): void {
  const diagnosticsOf = (uri: string, findings: Findings): Diagnostic[] => {
    const bulletin = workspace.index.get(uri);
    if (!bulletin) return [];
    const lookup = (other: string) => workspace.index.get(other)?.lineStarts;
    return findings.problems.map((p) => toDiagnostic(p, bulletin.lineStarts, lookup, rulesDoc));
  };

  connection.languages.diagnostics.on(async (params): Promise<DocumentDiagnosticReport> => {
    await workspace.whenIdle();
    const uri = params.textDocument.uri;
    const findings = workspace.findingsOf(uri);
    if (!findings) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (params.previousResultId === findings.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: findings.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: findings.resultId, items: diagnosticsOf(uri, findings) };
  });

  connection.languages.diagnostics.onWorkspace(async (params): Promise<WorkspaceDiagnosticReport> => {
    await folders.ready;
    await workspace.whenIdle();
    const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (const [uri, findings] of workspace.allFindings()) {
      if (folders.isOpen(uri)) continue; // the document report speaks for open documents
      const before = previous.get(uri);
      previous.delete(uri);
      if (before === findings.resultId) {
        items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, resultId: findings.resultId, version: null });
      } else if (findings.problems.length > 0 || before !== undefined) {
        items.push({ kind: DocumentDiagnosticReportKind.Full, uri, resultId: findings.resultId, version: null, items: diagnosticsOf(uri, findings) });
      }
    }
    // Documents that left the workspace: their findings go.
    for (const uri of previous.keys()) {
      if (!folders.isOpen(uri)) items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] });
    }
    return { items };
  });
}

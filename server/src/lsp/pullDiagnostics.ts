/**
 * Pull diagnostics (LSP 3.17), for clients that support them: a document report for open
 * documents and a workspace report for every bulletin, both answered from the findings the
 * validation queue keeps, with result ids so unchanged documents cost nothing.
 */
import {
  DocumentDiagnosticReportKind,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { ServerState } from './state';
import type { ValidationQueue, Findings } from './validation';
import type { WorkspaceManager } from './workspace';
import { toDiagnostic } from './diagnostics';

export function registerPullDiagnostics(connection: Connection, state: ServerState, validation: ValidationQueue, workspace: WorkspaceManager): void {
  const diagnosticsOf = (uri: string, findings: Findings): Diagnostic[] => {
    const bulletin = state.index.get(uri);
    if (!bulletin) return [];
    const lookup = (other: string) => state.index.get(other)?.lineStarts;
    return findings.problems.map((p) => toDiagnostic(p, bulletin.lineStarts, lookup));
  };

  connection.languages.diagnostics.on(async (params): Promise<DocumentDiagnosticReport> => {
    await validation.whenIdle();
    const uri = params.textDocument.uri;
    const findings = validation.findingsOf(uri);
    if (!findings) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (params.previousResultId === findings.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: findings.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: findings.resultId, items: diagnosticsOf(uri, findings) };
  });

  connection.languages.diagnostics.onWorkspace(async (params): Promise<WorkspaceDiagnosticReport> => {
    await workspace.ready;
    await validation.whenIdle();
    const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (const [uri, findings] of validation.allFindings()) {
      if (workspace.isOpen(uri)) continue; // the document report speaks for open documents
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
      if (!workspace.isOpen(uri)) items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] });
    }
    return { items };
  });
}

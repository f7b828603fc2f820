/**
 * `bulletin/compare-with-last-commit`: the semantic diff of an open bulletin against its last
 * committed version (Bulletin: Compare with Last Commit), each change with its line in the
 * current text. `null` when git is off or knows no committed version.
 */
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { computeLineStarts, positionAt } from '../core/text';
import { CompareWithLastCommitRequest, type CompareParams, type CompareResult } from '../protocol';
import type { CommittedVersions } from './history';
import type { OpenDocuments } from './bulletin-workspace';
import { runSafeAsync, type Logger } from './run-safe';

export async function compareWithLastCommit(documents: OpenDocuments, history: CommittedVersions, params: CompareParams): Promise<CompareResult | null> {
  if (!documents.get(params.uri)) return null;
  await history.fetchNow(params.uri);
  const document = documents.get(params.uri);
  if (!document) return null;
  const committed = history.against(document);
  if (!committed) return null;
  const text = document.getText();
  const lineStarts = computeLineStarts(text);
  const lang = committed.lang;
  return {
    uri: document.uri,
    version: document.version,
    commit: committed.commit,
    lang,
    changes: committed.changes.map((c) => {
      const { line, character } = positionAt(lineStarts, c.range[0]);
      return { kind: c.kind, subject: c.subject, identity: c.identity, field: c.field, old: c.old, new: c.new, label: c.label, line, character };
    }),
  };
}

export function registerCompare(connection: Connection, documents: OpenDocuments, history: CommittedVersions, logger: Logger): void {
  connection.onRequest(CompareWithLastCommitRequest, (params: CompareParams, token: CancellationToken) =>
    runSafeAsync(logger, `compare ${params.uri}`, null, token, () => compareWithLastCommit(documents, history, params)),
  );
}

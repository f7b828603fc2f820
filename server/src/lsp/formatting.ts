/**
 * textDocument/formatting: Format Document for bulletins (core/format/format.ts does the work).
 * The answer is the smallest edit: the lines between the unchanged head and tail, so the
 * cursor, folds and markers outside the changed lines stay put. A document the formatter
 * leaves alone (a syntax error, several documents) gets no edit.
 */
import type { TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatBulletin } from '../core/format/format';
import { runSafe } from './run-safe';
import type { FeatureContext } from './features';

export const formattingCapabilities = { documentFormattingProvider: true };

export function registerFormatting(context: FeatureContext): void {
  const { connection, documents, logger } = context;
  connection.onDocumentFormatting((params, token) =>
    runSafe<TextEdit[]>(logger, 'formatting', [], token, () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const before = document.getText();
      const result = formatBulletin(before);
      if (!result || result.text === before) return [];
      return [smallestEdit(document, result.text)];
    }),
  );
}

/** One edit replacing the lines that differ (whole lines with their breaks, so no edit splits a CRLF or a surrogate pair). */
export function smallestEdit(document: TextDocument, after: string): TextEdit {
  const before = document.getText();
  const a = before.split(/(?<=\n)/);
  const b = after.split(/(?<=\n)/);
  let head = 0;
  let start = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) start += a[head++]!.length;
  let tail = 0;
  let end = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) end += a[a.length - 1 - tail++]!.length;
  return { range: { start: document.positionAt(start), end: document.positionAt(before.length - end) }, newText: after.slice(start, after.length - end) };
}

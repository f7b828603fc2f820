/** textDocument/completion: schema keys and values, ids, platforms and files from the index. */
import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import { complete, type ProposalKind } from '../core/authoring/completion';
import { offsetAt } from '../core/text';
import { runSafe } from './runSafe';
import { toRange, type FeatureContext } from './features';

const kinds: Record<ProposalKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
  file: CompletionItemKind.File,
  platform: CompletionItemKind.Module,
  date: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

export const completionCapabilities = { completionProvider: { resolveProvider: false } };

/** The server's own date, as the author sees it on their calendar. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function registerCompletion(context: FeatureContext): void {
  const { connection, documents, workspace, logger, clock } = context;
  connection.onCompletion((params, token) =>
    runSafe<CompletionList | null>(logger, 'completion', null, token, () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      workspace.refreshOpenDocuments();
      const analysis = workspace.analysisOf(document);
      const { lineStarts, text } = analysis.parsed;
      const offset = offsetAt(lineStarts, text.length, params.position);
      const proposals = complete({ analysis, index: workspace.index, offset, locale: workspace.settings.locale, today: today(clock.date()) });
      const items: CompletionItem[] = proposals.map((p) => {
        // Right after a colon a value needs its separating space.
        const spaced = p.kind !== 'property' && p.replace[0] > 0 && text[p.replace[0] - 1] === ':' ? ` ${p.insertText}` : p.insertText;
        return {
          label: p.label,
          kind: kinds[p.kind],
          ...(p.detail ? { detail: p.detail } : {}),
          ...(p.documentation ? { documentation: { kind: 'markdown', value: p.documentation } } : {}),
          sortText: p.sortText,
          ...(p.filterText ? { filterText: p.filterText } : {}),
          ...(p.retrigger ? { command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } } : {}),
          insertTextFormat: InsertTextFormat.PlainText,
          insertTextMode: InsertTextMode.asIs,
          textEdit: { range: toRange(lineStarts, p.replace), newText: spaced },
        };
      });
      return { isIncomplete: false, items };
    }),
  );
}

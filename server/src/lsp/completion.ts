/** textDocument/completion: schema keys and values, ids, platforms and files from the index. */
import { CompletionItemKind, CompletionTriggerKind, InsertTextFormat, InsertTextMode, type ClientCapabilities, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import { complete, type ProposalKind } from '../core/authoring/completion';
import { triggerCharacters, triggerFits } from '../core/authoring/trigger';
import { dateVariables, expandSnippet, type SnippetDefinition } from '../core/authoring/snippet';
import { readFileSync } from 'node:fs';
import { offsetAt } from '../core/text';
import { runSafe, type Logger } from './run-safe';
import { toRange, type FeatureContext } from './features';

const kinds: Record<ProposalKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
  file: CompletionItemKind.File,
  platform: CompletionItemKind.Module,
  date: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
  metric: CompletionItemKind.EnumMember,
};

export const completionCapabilities = { completionProvider: { resolveProvider: false, triggerCharacters } };

/** What the client can show: snippets with tab stops, or their text with every default filled in. */
const client = { snippetSupport: false };

export function completionClientCapabilities(capabilities: ClientCapabilities): void {
  client.snippetSupport = capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
}

/**
 * The extension's snippets file (the runtime says where: `snippets/` beside the bundle), read
 * once per path. The server offers its entries where each one's node fits; a missing or broken
 * file offers none.
 */
const snippetFiles = new Map<string, Record<string, SnippetDefinition>>();
function snippetsFile(logger: Logger, path: string): Record<string, SnippetDefinition> {
  let snippets = snippetFiles.get(path);
  if (!snippets) {
    try {
      snippets = JSON.parse(readFileSync(path, 'utf8')) as Record<string, SnippetDefinition>;
    } catch (error) {
      logger.error(`snippets not offered: ${path}: ${error instanceof Error ? error.message : String(error)}`);
      snippets = {};
    }
    snippetFiles.set(path, snippets);
  }
  return snippets;
}

/** The server's own date, as the author sees it on their calendar. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function registerCompletion(context: FeatureContext): void {
  const { connection, documents, workspace, logger, clock, snippetsPath } = context;
  connection.onCompletion((params, token) =>
    runSafe<CompletionList | null>(logger, 'completion', null, token, () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      workspace.refreshOpenDocuments();
      const analysis = workspace.analysisOf(document);
      const { lineStarts, text } = analysis.parsed;
      const offset = offsetAt(lineStarts, text.length, params.position);
      const lineStart = lineStarts[params.position.line] ?? offset;
      if (params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter && !triggerFits(params.context.triggerCharacter, text.slice(lineStart, offset))) {
        return { isIncomplete: false, items: [] };
      }
      const proposals = complete({ analysis, index: workspace.index, offset, locale: workspace.settings.locale, today: today(clock.date()), snippets: snippetsFile(logger, snippetsPath) });
      const items: CompletionItem[] = proposals.map((p) => {
        // Right after a colon a value needs its separating space.
        const spaced = p.kind !== 'property' && p.kind !== 'metric' && p.replace[0] > 0 && text[p.replace[0] - 1] === ':' ? ` ${p.insertText}` : p.insertText;
        const snippet = p.snippet && client.snippetSupport;
        const newText = p.snippet && !snippet ? expandSnippet(spaced, { variables: dateVariables(new Date()) }) : spaced;
        return {
          label: p.label,
          ...(p.labelDetail || p.labelDescription ? { labelDetails: { detail: p.labelDetail, description: p.labelDescription } } : {}),
          kind: kinds[p.kind],
          ...(p.detail ? { detail: p.detail } : {}),
          ...(p.documentation ? { documentation: { kind: 'markdown', value: p.documentation } } : {}),
          sortText: p.sortText,
          ...(p.filterText ? { filterText: p.filterText } : {}),
          ...(p.retrigger ? { command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } } : {}),
          insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
          insertTextMode: InsertTextMode.asIs,
          textEdit: { range: toRange(lineStarts, p.replace), newText },
        };
      });
      return { isIncomplete: proposals.some((p) => p.incomplete), items };
    }),
  );
}

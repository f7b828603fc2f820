/** textDocument/documentSymbol: the outline (top-level keys, platforms with their files, vulnerabilities). */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { outline, type OutlineKind, type OutlineNode } from '../core/authoring/outline';
import { runSafe } from './runSafe';
import { toRange, type FeatureContext } from './features';

const kinds: Record<OutlineKind, SymbolKind> = {
  key: SymbolKind.Property,
  platform: SymbolKind.Module,
  file: SymbolKind.File,
  vulnerability: SymbolKind.Event,
  reference: SymbolKind.Key,
  item: SymbolKind.Object,
  package: SymbolKind.Package,
};

export const symbolCapabilities = { documentSymbolProvider: true };

export function registerSymbols({ connection, documents, state, logger }: FeatureContext): void {
  connection.onDocumentSymbol((params, token) =>
    runSafe<DocumentSymbol[] | null>(logger, 'documentSymbol', null, token, () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const { parsed } = state.analysisOf(document);
      const convert = (node: OutlineNode): DocumentSymbol => ({
        name: node.name,
        ...(node.detail ? { detail: node.detail } : {}),
        kind: kinds[node.kind],
        range: toRange(parsed.lineStarts, node.range),
        selectionRange: toRange(parsed.lineStarts, node.selectionRange),
        ...(node.children.length ? { children: node.children.map(convert) } : {}),
      });
      return outline(parsed).map(convert);
    }),
  );
}

/** textDocument/documentSymbol: the outline (top-level keys, platforms with their files, vulnerabilities). */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { OutlineKind, OutlineNode } from '../core/authoring/outline';
import { runSafeAsync } from './run-safe';
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

export function registerSymbols({ connection, documents, workspace, logger }: FeatureContext): void {
  connection.onDocumentSymbol((params, token) =>
    runSafeAsync<DocumentSymbol[] | null>(logger, 'documentSymbol', null, token, async () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      // A large document's outline comes from the worker (the editor asks for it on opening).
      const { nodes, lineStarts } = await workspace.outlineOf(document);
      const convert = (node: OutlineNode): DocumentSymbol => ({
        name: node.name,
        ...(node.detail ? { detail: node.detail } : {}),
        kind: kinds[node.kind],
        range: toRange(lineStarts, node.range),
        selectionRange: toRange(lineStarts, node.selectionRange),
        ...(node.children.length ? { children: node.children.map(convert) } : {}),
      });
      return nodes.map(convert);
    }),
  );
}

/** textDocument/definition and textDocument/references on bulletin ids (`id`, `includes`, `related`). */
import type { Location } from 'vscode-languageserver';
import { declarationsOf, idAt, referencesTo, type Occurrence } from '../core/authoring/navigation';
import { offsetAt } from '../core/text';
import { runSafe } from './run-safe';
import { toRange, type FeatureContext } from './features';

export const definitionCapabilities = { definitionProvider: true, referencesProvider: true };

const toLocation = (o: Occurrence): Location => ({ uri: o.uri, range: toRange(o.lineStarts, o.range) });

export function registerDefinition(context: FeatureContext): void {
  const { connection, documents, workspace, logger } = context;
  const idUnder = (uri: string, position: { line: number; character: number }) => {
    const document = documents.get(uri);
    if (!document) return undefined;
    workspace.refreshOpenDocuments();
    const analysis = workspace.analysisOf(document);
    return idAt(analysis, offsetAt(analysis.parsed.lineStarts, analysis.parsed.text.length, position));
  };
  connection.onDefinition((params, token) =>
    runSafe<Location[] | null>(logger, 'definition', null, token, () => {
      const found = idUnder(params.textDocument.uri, params.position);
      if (!found) return null;
      const locations = declarationsOf(found.id, workspace.index).map(toLocation);
      return locations.length ? locations : null;
    }),
  );
  connection.onReferences((params, token) =>
    runSafe<Location[] | null>(logger, 'references', null, token, () => {
      const found = idUnder(params.textDocument.uri, params.position);
      if (!found) return null;
      const declarations = params.context.includeDeclaration ? declarationsOf(found.id, workspace.index) : [];
      return [...declarations, ...referencesTo(found.id, workspace.index)].map(toLocation);
    }),
  );
}

/**
 * textDocument/rename of a bulletin id: the declaration and every reference, across the
 * workspace, in one edit; with them the advisory labels of the renamed bulletin that carry the
 * id, and the file itself when it is named after the id (where the client renames files).
 */
import { ErrorCodes, ResponseError, type Range, type TextEdit, type WorkspaceEdit, type TextDocumentEdit, type RenameFile } from 'vscode-languageserver';
import { fileURLToPath } from 'node:url';
import { idAt } from '../core/authoring/navigation';
import { idRenameEdits, refusedIdName } from '../core/authoring/rename-id';
import { labelIdRanges, renamedFileUri } from '../core/authoring/id-names';
import { msg } from '../core/authoring/messages';
import { parse, type ParsedDocument } from '../core/parse';
import { offsetAt } from '../core/text';
import { runSafe } from './run-safe';
import { toRange, type FeatureContext } from './features';

export const renameCapabilities = { renameProvider: { prepareProvider: true } };

const DEFAULT_ID_PATTERN = /^[A-Z][A-Z0-9]*[0-9]{2}-[0-9]{3,5}$/;

export function registerRename(context: FeatureContext): void {
  const { connection, documents, workspace, logger } = context;
  const idUnder = (uri: string, position: { line: number; character: number }) => {
    const document = documents.get(uri);
    if (!document) return undefined;
    const analysis = workspace.analysisOf(document);
    const found = idAt(analysis, offsetAt(analysis.parsed.lineStarts, analysis.parsed.text.length, position));
    return found && { ...found, lineStarts: analysis.parsed.lineStarts };
  };
  /** The parse of a bulletin: its open document's, else its file's on disk. */
  const parsedOf = (uri: string): ParsedDocument | undefined => {
    const document = documents.get(uri);
    if (document) return workspace.analysisOf(document).parsed;
    if (!uri.startsWith('file:') || !context.files) return undefined;
    const text = context.files.readNow(fileURLToPath(uri));
    return text === undefined ? undefined : parse(text, { locale: workspace.settings.locale });
  };
  connection.onPrepareRename((params, token) =>
    runSafe<{ range: Range; placeholder: string } | null>(logger, 'prepareRename', null, token, () => {
      const found = idUnder(params.textDocument.uri, params.position);
      return found ? { range: toRange(found.lineStarts, found.range), placeholder: found.id } : null;
    }),
  );
  connection.onRenameRequest((params, token) =>
    runSafe<WorkspaceEdit | ResponseError<void> | null>(logger, 'rename', null, token, () => {
      workspace.refreshOpenDocuments(true); // edits land in open documents: their current text, even the large ones
      const locale = workspace.settings.locale;
      const found = idUnder(params.textDocument.uri, params.position);
      if (!found) return new ResponseError(ErrorCodes.InvalidRequest, msg(locale, 'rename.notId'));
      const refused = refusedIdName(params.newName);
      if (refused) return new ResponseError(ErrorCodes.InvalidParams, msg(locale, refused, { id: JSON.stringify(params.newName).slice(1, -1) }));
      const pattern = workspace.settings.checkOptions.idPattern ?? DEFAULT_ID_PATTERN;
      if (!pattern.test(params.newName)) return new ResponseError(ErrorCodes.InvalidParams, msg(locale, 'rename.badId', { id: params.newName, pattern: pattern.source }));
      if (params.newName !== found.id && workspace.index.byId(params.newName).length > 0) {
        return new ResponseError(ErrorCodes.InvalidParams, msg(locale, 'rename.exists', { id: params.newName }));
      }
      const changes: Record<string, TextEdit[]> = {};
      for (const o of idRenameEdits(found.id, params.newName, workspace.index)) {
        (changes[o.uri] ??= []).push({ range: toRange(o.lineStarts, o.range), newText: o.newText });
      }
      const renames: RenameFile[] = [];
      for (const declaring of workspace.index.byId(found.id)) {
        // Advisory labels that carry the id (`MS04-029 (日本)`) move with it.
        const parsed = parsedOf(declaring.uri);
        if (parsed) {
          for (const range of labelIdRanges(parsed, found.id)) (changes[declaring.uri] ??= []).push({ range: toRange(parsed.lineStarts, range), newText: params.newName });
        }
        const newUri = renamedFileUri(declaring.uri, found.id, params.newName);
        if (newUri && newUri !== declaring.uri && !workspace.index.has(newUri)) renames.push({ kind: 'rename', oldUri: declaring.uri, newUri, options: { ignoreIfExists: true } });
      }
      if (renames.length === 0 || !renamesFiles(context)) return { changes };
      // Text first (on the old names), then the files: one ordered list of changes.
      const edits: TextDocumentEdit[] = Object.entries(changes).map(([uri, textEdits]) => ({ textDocument: { uri, version: documents.get(uri)?.version ?? null }, edits: textEdits }));
      return { documentChanges: [...edits, ...renames] };
    }),
  );
}

/** Whether the client applies file renames in a workspace edit (`documentChanges` with `rename`). */
export function renamesFiles(context: FeatureContext): boolean {
  const edit = context.client?.capabilities?.workspace?.workspaceEdit;
  return edit?.documentChanges === true && (edit.resourceOperations ?? []).includes('rename');
}

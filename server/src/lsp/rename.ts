/** textDocument/rename of a bulletin id: the declaration and every reference, across the workspace, in one edit. */
import { ErrorCodes, ResponseError, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { idAt } from '../core/authoring/navigation';
import { idRenameEdits, refusedIdName } from '../core/authoring/renameId';
import { msg } from '../core/authoring/messages';
import { offsetAt } from '../core/text';
import { runSafe } from './runSafe';
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
      return { changes };
    }),
  );
}

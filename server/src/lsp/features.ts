/** What every authoring feature module needs from the server: the connection, the open documents, the state. */
import type { Connection, Range, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerState } from './state';
import type { Logger } from './runSafe';
import { positionAt } from '../core/text';

export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  state: ServerState;
  logger: Logger;
}

export function toRange(lineStarts: Uint32Array, range: readonly [number, number]): Range {
  return { start: positionAt(lineStarts, range[0]), end: positionAt(lineStarts, range[1]) };
}

/**
 * Brings the index up to date with every open document's current text before a workspace-wide
 * answer. A large document being analysed on the worker is taken as the index has it (a
 * version behind at most) unless `exact`: an answer that edits other files (rename) waits for nothing
 * less than their current text, and parses them here.
 */
export function refreshOpenDocuments(context: FeatureContext, exact = false): void {
  for (const document of context.documents.all()) {
    if (exact) context.state.analysisOf(document);
    else context.state.refreshModel(document);
  }
}

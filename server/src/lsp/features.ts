/** What every authoring feature module needs from the server: the connection, the open documents, the workspace. */
import type { ClientCapabilities, Connection, Range, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { BulletinWorkspace } from './bulletin-workspace';
import type { Logger } from './run-safe';
import type { Clock, FileReader } from './runtime';
import { positionAt, type LineStarts } from '../core/text';

export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  workspace: BulletinWorkspace;
  logger: Logger;
  clock: Clock;
  /** Where diagnostics link to the rule docs. */
  rulesDoc: string;
  /** The extension's snippets file, which completion offers from. */
  snippetsPath: string;
  /** Files on disk, read while answering (rename reads a closed bulletin's advisory labels). */
  files?: FileReader;
  /** What the client can do, known once it has initialised (rename: whether it renames files). */
  client?: { capabilities?: ClientCapabilities };
}

export function toRange(lineStarts: LineStarts, range: readonly [number, number]): Range {
  return { start: positionAt(lineStarts, range[0]), end: positionAt(lineStarts, range[1]) };
}

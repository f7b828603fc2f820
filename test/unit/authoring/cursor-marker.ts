/**
 * The cursor written inline in a fixture: `‸` marks where the caret is and is removed from
 * the text, so a test reads like the document the author is typing.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';

export const CARET = '‸';

export function withCursor(source: string): { text: string; offset: number; position: { line: number; character: number } } {
  const offset = source.indexOf(CARET);
  if (offset < 0 || source.indexOf(CARET, offset + 1) >= 0) throw new Error('a fixture needs exactly one ‸');
  const text = source.slice(0, offset) + source.slice(offset + CARET.length);
  const position = TextDocument.create('file:///x', 'bulletin', 1, text).positionAt(offset);
  return { text, offset, position };
}

/** Applies LSP text edits to a text, as an editor would. */
export function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'bulletin', 1, text), edits);
}

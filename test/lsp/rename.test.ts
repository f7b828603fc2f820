/**
 * Rename of a bulletin id in process: one workspace edit that changes the declaration and every
 * reference, and only the id's characters, in documents with comments, CRLF, a BOM and quotes.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { InProcessServer, root } from './server-in-process';
import { applyEdits, withCursor } from '../unit/authoring/cursor-marker';

let server: InProcessServer;
const example = (name: string) => readFileSync(join(root, 'examples', `${name}.bulletin.yaml`), 'utf8');
const texts = new Map<string, string>();
const uri12 = 'file:///ws/MS04-012.bulletin.yaml';
const uri29 = 'file:///ws/MS04-029.bulletin.yaml';
const uriCrlf = 'file:///ws/MS04-100.bulletin.yaml';
const uriQuoted = 'file:///ws/MS04-101.bulletin.yaml';

before(async () => {
  server = await InProcessServer.start();
  texts.set(uri12, example('MS04-012'));
  texts.set(uri29, example('MS04-029'));
  // BOM, CRLF, a comment after the id, a flow list.
  texts.set(uriCrlf, '\uFEFF# header comment\r\nbulletin: 1\r\nid: MS04-100\r\ntitle: T\r\npublished: 2004-12-01\r\nseverity: low\r\nincludes: [MS04-012, MS04-029]   # both\r\n');
  // Double and single quotes, a blank line, trailing comment lines.
  texts.set(uriQuoted, 'bulletin: 1\nid: "MS04-101"\ntitle: T\npublished: 2004-12-02\nseverity: low\n\nrelated:\n  - "MS04-012"  # quoted\n  - \'MS04-100\'\n# the end\n');
  for (const [uri, text] of texts) server.open(uri, text);
});
after(async () => {
  await server.stop();
});

function applyWorkspaceEdit(edit: WorkspaceEdit): Map<string, string> {
  const out = new Map(texts);
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) out.set(uri, applyEdits(out.get(uri)!, edits as TextEdit[]));
  return out;
}

test('prepareRename gives the id without its quotes', async () => {
  const result = await server.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: uriQuoted }, position: { line: 7, character: 8 } });
  assert.deepEqual(result, { range: { start: { line: 7, character: 5 }, end: { line: 7, character: 13 } }, placeholder: 'MS04-012' });
  assert.equal(await server.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: uriQuoted }, position: { line: 2, character: 1 } }), null);
});

test('renaming MS04-012 from a reference rewrites the declaration and every reference, and nothing else', async () => {
  const { position } = withCursor(texts.get(uriCrlf)!.replace('[MS04-012', '[MS04-0‸12'));
  const edit = (await server.connection.sendRequest('textDocument/rename', { textDocument: { uri: uriCrlf }, position, newName: 'MS04-112' })) as WorkspaceEdit;
  assert.deepEqual(Object.keys(edit.changes!).sort(), [uri12, uri29, uriCrlf, uriQuoted].sort());
  const after = applyWorkspaceEdit(edit);
  assert.equal(after.get(uri12), texts.get(uri12)!.replace('\nid: MS04-012\n', '\nid: MS04-112\n').replace('label: MS04-012 (日本)', 'label: MS04-112 (日本)').replace('label: HotFix Alert MS04-012\n', 'label: HotFix Alert MS04-112\n'));
  assert.equal(after.get(uri29), texts.get(uri29)!.replace('  - MS04-012          #', '  - MS04-112          #'));
  assert.equal(after.get(uriCrlf), texts.get(uriCrlf)!.replace('[MS04-012,', '[MS04-112,'));
  assert.equal(after.get(uriQuoted), texts.get(uriQuoted)!.replace('- "MS04-012"', '- "MS04-112"'));
});

test('renaming from the declaration (a quoted id) reaches single-quoted references', async () => {
  const edit = (await server.connection.sendRequest('textDocument/rename', { textDocument: { uri: uriCrlf }, position: { line: 2, character: 6 }, newName: 'MS04-200' })) as WorkspaceEdit;
  const after = applyWorkspaceEdit(edit);
  assert.deepEqual(Object.keys(edit.changes!).sort(), [uriCrlf, uriQuoted].sort());
  assert.equal(after.get(uriCrlf), texts.get(uriCrlf)!.replace('id: MS04-100\r\n', 'id: MS04-200\r\n'));
  assert.equal(after.get(uriQuoted), texts.get(uriQuoted)!.replace("'MS04-100'", "'MS04-200'"));
});

test('a new name that is not a bulletin id is refused with a message', async () => {
  await assert.rejects(
    server.connection.sendRequest('textDocument/rename', { textDocument: { uri: uri12 }, position: { line: texts.get(uri12)!.split('\n').findIndex((l) => l.startsWith('id:')), character: 5 }, newName: 'ms 04' }),
    /`ms 04` is not a bulletin id/,
  );
});

test('renaming to an id another bulletin already has is refused', async () => {
  await assert.rejects(
    server.connection.sendRequest('textDocument/rename', { textDocument: { uri: uriCrlf }, position: { line: 2, character: 6 }, newName: 'MS04-029' }),
    /MS04-029 is already the id of a bulletin/,
  );
});

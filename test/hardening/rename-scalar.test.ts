/**
 * Issue 17, item 11: with a loose custom `idPattern` (`[A-Z]`), a rename to
 * `X\nincludes: [EVIL]` is refused, and a name YAML needs quoted (`X: y`, `X, Y]`) is written as
 * one double-quoted scalar in the declaration and every reference, block or flow, quoted or not.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { ServerProcess } from '../lsp/server-process';
import { applyEdits } from '../unit/authoring/cursor-marker';

const declaring = 'file:///ws/MS04-012.bulletin.yaml';
const referring = 'file:///ws/MS04-100.bulletin.yaml';
const texts = new Map([
  [declaring, 'bulletin: 1\nid: MS04-012\ntitle: T\npublished: 2004-04-14\nseverity: low\n'],
  [referring, "bulletin: 1\nid: MS04-100\ntitle: T\npublished: 2004-12-01\nseverity: low\nincludes: [MS04-012, 'MS04-012']\nrelated:\n  - \"MS04-012\"\n  - MS04-012 # plain\n"],
]);
let server: ServerProcess;

before(async () => {
  server = await ServerProcess.start({ settings: { idPattern: '[A-Z]' } });
  for (const [uri, text] of texts) server.open(uri, text);
  await server.waitForDiagnostics(referring, () => true, 1, 30_000);
});
after(async () => {
  await server.stop();
});

const rename = (newName: string) =>
  server.connection.sendRequest('textDocument/rename', { textDocument: { uri: declaring }, position: { line: 1, character: 6 }, newName }) as Promise<WorkspaceEdit>;

test('a name with a line break is refused whatever the pattern', async () => {
  for (const name of ['X\nincludes: [EVIL]', 'X\r\nY', 'X\u2028Y', 'X\tY']) {
    await assert.rejects(rename(name), (error: Error) => /one line of text/.test(error.message), JSON.stringify(name));
  }
});

test('a name YAML needs quoted is written as one quoted scalar everywhere, and reads back as itself', async () => {
  for (const name of ['X: y', 'X, Y]', "X'Y\"Z #", 'Yes']) {
    const edit = await rename(name);
    const after = new Map([...texts].map(([uri, text]) => [uri, applyEdits(text, (edit.changes?.[uri] ?? []) as TextEdit[])]));
    const declared = parse(after.get(declaring)!);
    assert.equal(declared.id, name);
    assert.equal(Object.keys(declared).length, 5, 'no key added');
    const referenced = parse(after.get(referring)!);
    assert.deepEqual(referenced.includes, [name, name]);
    assert.deepEqual(referenced.related, [name, name]);
  }
});

test('a plain name is written as before, only the id\'s characters', async () => {
  const edit = await rename('MS04-112');
  assert.deepEqual(
    (edit.changes?.[referring] as TextEdit[]).map((e) => e.newText),
    ['MS04-112', 'MS04-112', 'MS04-112', 'MS04-112'],
  );
  assert.equal(applyEdits(texts.get(referring)!, edit.changes![referring] as TextEdit[]), texts.get(referring)!.replaceAll('MS04-012', 'MS04-112'));
});

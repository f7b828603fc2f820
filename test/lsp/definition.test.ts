/** Go to definition and find references on bulletin ids, in process. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Location } from 'vscode-languageserver-protocol/node';
import { InProcessServer, root } from './server-in-process';
import { withCursor } from '../unit/authoring/cursor-marker';

let server: InProcessServer;
const example = (name: string) => readFileSync(join(root, 'examples', `${name}.bulletin.yaml`), 'utf8');
const uri12 = 'file:///ws/MS04-012.bulletin.yaml';
const uri29 = 'file:///ws/MS04-029.bulletin.yaml';
const uriNew = 'file:///ws/MS04-100.bulletin.yaml';
const newSource = 'bulletin: 1\nid: MS04-100\ntitle: T\npublished: 2004-12-01\nseverity: low\nincludes:\n  - "MS04-0‸12"  # quoted on purpose\nrelated: [MS04-029]\n';

before(async () => {
  server = await InProcessServer.start();
  server.open(uri12, example('MS04-012'));
  server.open(uri29, example('MS04-029'));
  server.open(uriNew, withCursor(newSource).text);
});
after(async () => {
  await server.stop();
});

const idLine12 = example('MS04-012').split('\n').findIndex((l) => l.startsWith('id: '));
const relatedLine29 = example('MS04-029').split('\n').findIndex((l) => l.startsWith('  - MS04-012'));

test('definition on an id in includes goes to that bulletin’s `id` value', async () => {
  const { position } = withCursor(newSource);
  const result = (await server.connection.sendRequest('textDocument/definition', { textDocument: { uri: uriNew }, position })) as Location[];
  assert.deepEqual(result, [{ uri: uri12, range: { start: { line: idLine12, character: 4 }, end: { line: idLine12, character: 12 } } }]);
});

test('definition elsewhere (a plain key) gives nothing', async () => {
  const result = await server.connection.sendRequest('textDocument/definition', { textDocument: { uri: uriNew }, position: { line: 2, character: 2 } });
  assert.equal(result, null);
});

test('references on `id` list every includes/related item naming it, across the workspace', async () => {
  const position = { line: idLine12, character: 6 };
  const withoutDeclaration = (await server.connection.sendRequest('textDocument/references', {
    textDocument: { uri: uri12 },
    position,
    context: { includeDeclaration: false },
  })) as Location[];
  assert.deepEqual(withoutDeclaration, [
    { uri: uri29, range: { start: { line: relatedLine29, character: 4 }, end: { line: relatedLine29, character: 12 } } },
    { uri: uriNew, range: { start: { line: 6, character: 5 }, end: { line: 6, character: 13 } } },
  ]);
  const withDeclaration = (await server.connection.sendRequest('textDocument/references', {
    textDocument: { uri: uriNew },
    position: withCursor(newSource).position,
    context: { includeDeclaration: true },
  })) as Location[];
  assert.deepEqual(withDeclaration[0], { uri: uri12, range: { start: { line: idLine12, character: 4 }, end: { line: idLine12, character: 12 } } });
  assert.equal(withDeclaration.length, 3);
});

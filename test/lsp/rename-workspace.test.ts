/**
 * Rename and definition reach bulletins that are not open: the server indexes the workspace
 * from disk, and the rename's one workspace edit changes the closed files too, only the id's
 * characters, in a CRLF file and a file with quoted ids and comments alike.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Location, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { DiskWorkspace, example, startInProcessOn, superseding, until } from './workspace-helpers';
import type { InProcessServer } from './server-in-process';
import type { IndexStatus } from '../../server/src/protocol';
import { applyEdits } from '../unit/authoring/cursor-marker';

const workspace = new DiskWorkspace();
let server: InProcessServer;
let statuses: IndexStatus[];
const files: Record<string, string> = {
  'MS04-012.bulletin.yaml': example('MS04-012'),
  'MS04-029.bulletin.yaml': example('MS04-029').replace(/\n/g, '\r\n'),
  'MS04-030.bulletin.yaml': superseding.replace('includes: [MS04-012]', "includes: ['MS04-012']   # quoted, with a comment"),
};

before(async () => {
  for (const [name, text] of Object.entries(files)) workspace.write(name, text);
  ({ server, statuses } = await startInProcessOn(workspace));
  await until('the workspace to be indexed', () => statuses.some((s) => s.ready && s.bulletins === 3), 60_000, server);
});
after(async () => {
  await server.stop();
  workspace.dispose();
});

test('definition from an open bulletin lands in a closed one', async () => {
  const uri = workspace.uri('MS04-030.bulletin.yaml');
  const text = files['MS04-030.bulletin.yaml'];
  server.open(uri, text);
  const line = text.split('\n').findIndex((l) => l.startsWith('includes:'));
  const result = (await server.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line, character: 14 } })) as Location[];
  const idLine = files['MS04-012.bulletin.yaml'].split('\n').findIndex((l) => l.startsWith('id: '));
  assert.deepEqual(result, [{ uri: workspace.uri('MS04-012.bulletin.yaml'), range: { start: { line: idLine, character: 4 }, end: { line: idLine, character: 12 } } }]);
  server.close(uri);
});

test('renaming an id in the one open file edits every closed file that names it, and nothing else', async () => {
  const uri = workspace.uri('MS04-012.bulletin.yaml');
  const text = readFileSync(workspace.path('MS04-012.bulletin.yaml'), 'utf8');
  server.open(uri, text);
  const idLine = text.split('\n').findIndex((l) => l.startsWith('id: '));
  const edit = (await server.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line: idLine, character: 5 }, newName: 'MS04-112' })) as WorkspaceEdit;
  const changed = Object.fromEntries(Object.entries(edit.changes!).map(([u, edits]) => [u, applyEdits(readFileSync(new URL(u), 'utf8'), edits as TextEdit[])]));
  assert.deepEqual(Object.keys(changed).sort(), ['MS04-012', 'MS04-029', 'MS04-030'].map((n) => workspace.uri(`${n}.bulletin.yaml`)).sort());
  // The id, and the advisory labels that carry it; the URLs (the vendor's pages) stay.
  assert.equal(
    changed[uri],
    files['MS04-012.bulletin.yaml'].replace('\nid: MS04-012\n', '\nid: MS04-112\n').replace('label: MS04-012 (日本)', 'label: MS04-112 (日本)').replace('label: HotFix Alert MS04-012\n', 'label: HotFix Alert MS04-112\n'),
  );
  assert.equal(changed[workspace.uri('MS04-029.bulletin.yaml')], files['MS04-029.bulletin.yaml'].replace('  - MS04-012    ', '  - MS04-112    '));
  assert.equal(changed[workspace.uri('MS04-030.bulletin.yaml')], files['MS04-030.bulletin.yaml'].replace("['MS04-012']", "['MS04-112']"));
  server.close(uri);
});

/**
 * The names a bulletin gives itself, over stdio (the built server): a file named after another
 * id than its `id`, and advisory labels still on that id, are findings (en and ja) with a fix for
 * the label; renaming the id renames the file named after it (where the client renames files)
 * and the labels that carry it.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, RenameFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { ServerProcess } from './server-process';
import { applyEdits } from '../unit/authoring/cursor-marker';

const servers: ServerProcess[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

async function start(locale: string, renameFiles: boolean): Promise<ServerProcess> {
  const server = await ServerProcess.start({
    locale,
    capabilities: {
      workspace: {
        configuration: true,
        workspaceEdit: renameFiles ? { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] } : {},
      },
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
    },
  });
  servers.push(server);
  return server;
}

const bulletin = (id: string, labels: string[]) =>
  [
    'bulletin: 1',
    `id: ${id}`,
    'kb: 873350',
    'title: T',
    'published: 2004-10-16',
    'severity: low',
    'advisories:',
    ...labels.flatMap((label, i) => [`  - label: ${label}`, `    url: https://example.com/${i}`]),
    '',
  ].join('\n');

const mismatch = (d: Diagnostic) => d.code === 'unresolved-reference';
/** The fixes, without the suppression actions every finding also gets (they come last). */
const fixesOnly = (actions: CodeAction[]) => actions.filter((a) => !/^Suppress |抑制$/.test(a.title));

test('a file named after another id, and the labels on that id, are reported; the label gets a fix', async () => {
  const server = await start('en', false);
  const uri = 'file:///ws/MS04-029.bulletin.yaml';
  const text = bulletin('MS04-030', ['MS04-029 (日本)', '"HotFix Alert MS04-029"', 'MS04-0291 is another', 'Bugtraq']);
  server.open(uri, text);
  const found = (await server.waitForDiagnostics(uri, (ds) => ds.filter(mismatch).length === 3)).filter(mismatch);
  assert.deepEqual(
    found.map((d) => [d.severity, d.range, d.message]),
    [
      [2, { start: { line: 1, character: 4 }, end: { line: 1, character: 12 } }, "The file name MS04-029.bulletin.yaml names MS04-029, but this bulletin's id is MS04-030: rename the file, or the id."],
      [2, { start: { line: 7, character: 11 }, end: { line: 7, character: 19 } }, "The advisory label names MS04-029, but this bulletin's id is MS04-030."],
      [2, { start: { line: 9, character: 25 }, end: { line: 9, character: 33 } }, "The advisory label names MS04-029, but this bulletin's id is MS04-030."],
    ],
  );
  const actions = fixesOnly((await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: found[2]!.range, context: { diagnostics: [found[2]], only: ['quickfix'] } })) as CodeAction[]);
  assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Write MS04-030 for MS04-029 in the advisory label', true]]);
  const fixed = applyEdits(text, actions[0]!.edit!.changes![uri] as TextEdit[]);
  assert.equal(fixed, text.replace('"HotFix Alert MS04-029"', '"HotFix Alert MS04-030"'));
  server.close(uri);
});

test('a file named after its own id, or not after an id, is not reported', async () => {
  const server = await start('en', false);
  for (const uri of ['file:///ws/ms04-030.bulletin.yaml', 'file:///ws/draft.bulletin.yaml', 'untitled:Untitled-1']) {
    server.open(uri, bulletin('MS04-030', ['MS04-029 (日本)']));
    const ds = await server.waitForDiagnostics(uri);
    assert.deepEqual(ds.filter(mismatch), [], uri);
    server.close(uri);
  }
});

test('in Japanese', async () => {
  const server = await start('ja', false);
  const uri = 'file:///ws/MS04-029.bulletin.yaml';
  server.open(uri, bulletin('MS04-030', ['MS04-029 (日本)']));
  const found = (await server.waitForDiagnostics(uri, (ds) => ds.filter(mismatch).length === 2)).filter(mismatch);
  assert.deepEqual(found.map((d) => d.message), [
    'ファイル名 MS04-029.bulletin.yaml は MS04-029 を表していますが、このセキュリティ情報の ID は MS04-030 です。ファイル名か ID を変更してください。',
    'アドバイザリのラベルが MS04-029 を表していますが、このセキュリティ情報の ID は MS04-030 です。',
  ]);
});

test('rename renames the file named after the id and the labels that carry it, text first', async () => {
  const server = await start('en', true);
  const uri = 'file:///ws/MS04-029.bulletin.yaml';
  const lower = 'file:///ws/ms04-012.bulletin.yaml';
  const other = 'file:///ws/MS04-100.bulletin.yaml';
  const text = bulletin('MS04-029', ['MS04-029 (日本)', 'Bugtraq MS04-0290']);
  const otherText = bulletin('MS04-100', ['MS04-029 is not this one']) + 'related: [MS04-029]\n';
  server.open(uri, text);
  server.open(lower, bulletin('MS04-012', []));
  server.open(other, otherText);
  await server.waitForDiagnostics(other);
  const edit = (await server.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line: 1, character: 6 }, newName: 'MS04-031' })) as WorkspaceEdit;
  assert.equal(edit.changes, undefined);
  const changes = edit.documentChanges!;
  const renames = changes.filter((c): c is RenameFile => 'kind' in c);
  const texts = changes.filter((c): c is TextDocumentEdit => !('kind' in c));
  assert.deepEqual(renames, [{ kind: 'rename', oldUri: uri, newUri: 'file:///ws/MS04-031.bulletin.yaml', options: { ignoreIfExists: true } }]);
  assert.ok(changes.indexOf(renames[0]!) > Math.max(...texts.map((t) => changes.indexOf(t))), 'the file is renamed after its text is edited');
  const edited = new Map(texts.map((t) => [t.textDocument.uri, applyEdits(t.textDocument.uri === uri ? text : otherText, t.edits as TextEdit[])]));
  assert.equal(edited.get(uri), text.replace('id: MS04-029', 'id: MS04-031').replace('label: MS04-029 (日本)', 'label: MS04-031 (日本)'));
  // Another bulletin's labels are its own words; its reference moves.
  assert.equal(edited.get(other), otherText.replace('related: [MS04-029]', 'related: [MS04-031]'));
  assert.deepEqual(texts.map((t) => t.textDocument.version), [1, 1]);

  // A file named in lower case keeps lower case.
  const lowerEdit = (await server.connection.sendRequest('textDocument/rename', { textDocument: { uri: lower }, position: { line: 1, character: 6 }, newName: 'MS04-112' })) as WorkspaceEdit;
  assert.deepEqual(lowerEdit.documentChanges!.filter((c) => 'kind' in c), [{ kind: 'rename', oldUri: lower, newUri: 'file:///ws/ms04-112.bulletin.yaml', options: { ignoreIfExists: true } }]);
});

test('a client that cannot rename files gets the text edits only', async () => {
  const server = await start('en', false);
  const uri = 'file:///ws/MS04-029.bulletin.yaml';
  const text = bulletin('MS04-029', ['MS04-029 (日本)']);
  server.open(uri, text);
  await server.waitForDiagnostics(uri);
  const edit = (await server.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line: 1, character: 6 }, newName: 'MS04-031' })) as WorkspaceEdit;
  assert.equal(edit.documentChanges, undefined);
  assert.equal(applyEdits(text, edit.changes![uri] as TextEdit[]), text.replace(/MS04-029/g, 'MS04-031'));
});

test('the file-name finding offers to rename the file (ja), where the client renames files', async () => {
  for (const [renameFiles, expected] of [
    [true, [['ファイル名を MS04-030.bulletin.yaml に変更する', { documentChanges: [{ kind: 'rename', oldUri: 'file:///ws/MS04-029.bulletin.yaml', newUri: 'file:///ws/MS04-030.bulletin.yaml', options: { ignoreIfExists: true } }] }]]],
    [false, []],
  ] as const) {
    const server = await start('ja', renameFiles);
    const uri = 'file:///ws/MS04-029.bulletin.yaml';
    server.open(uri, bulletin('MS04-030', []));
    const [finding] = (await server.waitForDiagnostics(uri, (ds) => ds.some(mismatch))).filter(mismatch);
    const actions = fixesOnly((await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: finding!.range, context: { diagnostics: [finding], only: ['quickfix'] } })) as CodeAction[]);
    assert.deepEqual(actions.map((a) => [a.title, a.edit]), expected);
  }
});

/**
 * A file entry inserted from a related bulletin, over stdio (the built server): a snippet whose
 * tab stops sit on the values this bulletin must write for its own build (version first, then
 * size, then date), holding the old ones to type over; every row shows the version and the
 * bulletin's title (labelDetails), as do id and platform rows.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol/node';
import { ServerProcess } from './server-process';
import { withCursor } from '../unit/authoring/cursor-marker';
import { expandSnippet, tabStops } from '../../server/src/core/authoring/snippet';

let snippets: ServerProcess;
let plain: ServerProcess;
let counter = 0;
const HEAD = 'bulletin: 1\nid: MS04-999\nkb: 873350\ntitle: T\npublished: 2004-10-16\n';
const TITLE_12 = 'MS04-012 RPC/DCOM の脆弱性により、任意のコードが実行させられる';

before(async () => {
  const base = { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } };
  [snippets, plain] = await Promise.all([
    ServerProcess.start({ locale: 'en', capabilities: { ...base, textDocument: { completion: { completionItem: { snippetSupport: true, labelDetailsSupport: true } } } } }),
    ServerProcess.start({ locale: 'en', capabilities: base }),
  ]);
  snippets.openExamples();
  plain.openExamples();
});
after(async () => {
  await Promise.all([snippets.stop(), plain.stop()]);
});

async function complete(server: ServerProcess, source: string): Promise<CompletionItem[]> {
  const { text, position } = withCursor(source);
  const uri = `file:///ws/file-entry-${++counter}.bulletin.yaml`;
  server.open(uri, text);
  const result = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionList;
  server.close(uri);
  return [...result.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}
const newText = (item: CompletionItem | undefined) => (item?.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : undefined);
const FILES = `${HEAD}related: [MS04-012]\nplatforms:\n  - id: nt4-server-sp6a\n    name: N\n    files:\n      - ‸\n`;

test('a related bulletin’s file is inserted as a snippet with tab stops on version, size and date', async () => {
  const item = (await complete(snippets, FILES)).find((i) => i.label === 'rpcrt4.dll')!;
  assert.equal(item.insertTextFormat, 2 /* Snippet */);
  const body = newText(item)!;
  assert.equal(body, 'name: rpcrt4.dll\n        date: ${3:2003-10-30}\n        version: ${1:4.0.1381.7230}\n        size: ${2:345872}\n        description: Remote Procedure Call Runtime');
  const stops = tabStops(body);
  assert.deepEqual([...stops.keys()].sort(), [1, 2, 3]);
  // Tab 1 selects the old version on the version line.
  assert.match(body.split('\n').find((l) => l.includes('${1:'))!, /^\s*version: \$\{1:4\.0\.1381\.7230\}$/);
  // Expanded (the defaults kept), the entry is MS04-012's file as it ships it.
  assert.equal(expandSnippet(body, { variables: {} }), newText((await complete(plain, FILES)).find((i) => i.label === 'rpcrt4.dll')));
});

test('a client without snippets gets the plain entry, with the old values to edit', async () => {
  const item = (await complete(plain, FILES)).find((i) => i.label === 'rpcproxy.dll')!;
  assert.equal(item.insertTextFormat, 1 /* PlainText */);
  assert.equal(newText(item), 'name: rpcproxy.dll\n        date: 2004-01-29\n        version: 4.0.1381.7255\n        size: 22288\n        description: RPC Proxy Stub');
});

test('after `name:` only the keys the entry lacks get tab stops', async () => {
  const item = (await complete(snippets, `${HEAD}related: [MS04-012]\nplatforms:\n  - id: nt4-server-sp6a\n    name: N\n    files:\n      - name: ‸\n        version: 1.0\n`)).find((i) => i.label === 'rpcproxy.dll')!;
  assert.equal(newText(item), 'rpcproxy.dll\n        date: ${3:2004-01-29}\n        size: ${2:22288}\n        description: RPC Proxy Stub');
});

test('every file, id and platform row shows its version or title (labelDetails)', async () => {
  const files = (await complete(snippets, FILES)).filter((i) => i.kind === 17 /* File */);
  assert.deepEqual(
    files.map((i) => [i.label, i.labelDetails]),
    [
      ['ole32.dll', { detail: ' 4.0.1381.7263', description: TITLE_12 }],
      ['rpcproxy.dll', { detail: ' 4.0.1381.7255', description: TITLE_12 }],
      ['rpcrt4.dll', { detail: ' 4.0.1381.7230', description: TITLE_12 }],
      ['rpcss.exe', { detail: ' 4.0.1381.7263', description: TITLE_12 }],
    ],
  );
  const ids = await complete(snippets, `${HEAD}related: [‸]\n`);
  assert.equal(ids.find((i) => i.label === 'MS04-012')?.labelDetails?.description, TITLE_12.slice('MS04-012 '.length));
  const platforms = await complete(snippets, `${HEAD}platforms:\n  - id: ‸\n`);
  assert.ok(platforms.length > 0 && platforms.every((i) => i.labelDetails?.description || i.labelDetails?.detail), JSON.stringify(platforms.map((i) => [i.label, i.labelDetails])));
});

/**
 * What a completion list puts first, over stdio: snippets only where their node fits (never
 * after `severity: `), each indented for its line with the bulletin's own defaults; under
 * `files:` the files related bulletins ship before anything else, each row showing version
 * and bulletin; inside a file entry already begun, its missing keys and no second name.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol/node';
import { ServerProcess } from './server-process';
import { withCursor } from '../unit/authoring/cursor-marker';

let server: ServerProcess;
let plain: ServerProcess;
let counter = 0;
const HEAD = 'bulletin: 1\nid: MS04-999\nkb: 873350\ntitle: T\npublished: 2004-10-16\nlang: en\n';
const SNIPPET = 15;
const FILE = 17;

before(async () => {
  const capabilities = {
    workspace: { configuration: true },
    textDocument: { completion: { completionItem: { snippetSupport: true, labelDetailsSupport: true } } },
  };
  server = await ServerProcess.start({ locale: 'en', capabilities });
  server.openExamples();
  plain = await ServerProcess.start({ locale: 'en' });
});
after(async () => {
  await server.stop();
  await plain.stop();
});

/** The list in the order the editor shows it (by sortText). */
async function complete(source: string, on = server): Promise<CompletionItem[]> {
  const { text, position } = withCursor(source);
  const uri = `file:///ws/ranking-${++counter}.bulletin.yaml`;
  on.open(uri, text);
  const result = (await on.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionList | null;
  on.close(uri);
  assert.ok(result, 'a completion list');
  return [...result.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const snippets = (items: CompletionItem[]) => items.filter((i) => i.kind === SNIPPET && i.insertTextFormat === 2).map((i) => i.label);
const newText = (item: CompletionItem | undefined) => (item?.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : undefined);

test('after `severity: ` only the four values, no snippet', async () => {
  const items = await complete(`${HEAD}severity: ‸\n`);
  assert.deepEqual(labels(items), ['critical', 'important', 'moderate', 'low']);
});

test('an empty document offers the bulletin snippet; a bulletin with keys does not', async () => {
  assert.deepEqual(snippets(await complete('‸')), ['bulletin']);
  assert.deepEqual(snippets(await complete('bul‸')), ['bulletin']);
  assert.deepEqual(snippets(await complete(`${HEAD}‸\n`)), []);
});

test('each item snippet only in its own list, after the other items', async () => {
  assert.deepEqual(snippets(await complete(`${HEAD}platforms:\n  - ‸\n`)), ['platform']);
  assert.deepEqual(snippets(await complete(`${HEAD}vulnerabilities:\n  - ‸\n`)), ['vuln']);
  assert.deepEqual(snippets(await complete(`${HEAD}advisories:\n  ‸\n`)), ['advisory']);
  assert.deepEqual(snippets(await complete(`${HEAD}platforms:\n  - id: a\n    files:\n      - ‸\n`)), ['file']);
  assert.deepEqual(snippets(await complete(`${HEAD}platforms:\n  - id: a\n    verify:\n      registry:\n        - ‸\n`)), ['registry']);
  // An item already begun gets its keys, not a whole new item inside it.
  assert.deepEqual(snippets(await complete(`${HEAD}platforms:\n  - id: a\n    ‸\n`)), []);
  const items = await complete(`${HEAD}platforms:\n  - ‸\n`);
  assert.equal(items.at(-1)!.label, 'platform', 'the snippet sorts last');
});

test('the platform snippet is indented for its line, with the bulletin’s KB and an unused platform id', async () => {
  const source = `${HEAD}related: [MS04-012]\nplatforms:\n  - id: nt4-server-sp6a\n    name: Windows NT Server 4.0 SP6a\n  - ‸\n`;
  const text = newText((await complete(source)).find((i) => i.label === 'platform'))!;
  const lines = text.split('\n');
  assert.match(lines[0], /^id: \$\{1:nt4-tse-sp6\}$/, 'the first platform MS04-012 ships that this bulletin lacks');
  assert.match(lines[1], /^ {4}name: \$\{2:Windows NT Server 4\.0, Terminal Server Edition SP6\}$/);
  assert.match(text, /^ {4}package:\n {6}file: \$\{4:WindowsNT4Server\}-KB\$\{5:873350\}-x86/m);
  assert.ok(lines.slice(1).every((l) => l.startsWith('    ')), text);
  // Without a dash yet, the snippet brings its own, at the list's column.
  const bare = newText((await complete(`${HEAD}platforms:\n  ‸\n`)).find((i) => i.label === 'platform'))!;
  assert.match(bare, /^- id: \$\{1:nt4-server-sp6a\}\n {4}name: /);
});

test('a client without snippet support gets the snippet’s text with its defaults filled in', async () => {
  const items = await complete(`${HEAD}advisories:\n  - ‸\n`, plain);
  const advisory = items.find((i) => i.label === 'advisory')!;
  assert.equal(advisory.insertTextFormat, 1);
  assert.equal(newText(advisory), 'label: MS04-999\n    url: https://www.microsoft.com/technet/security/bulletin/ms04-000.mspx');
});

test('under files: the related bulletin’s files first, with version and bulletin on every row', async () => {
  const source = `${HEAD}related: [MS04-012]\nplatforms:\n  - id: nt4-server-sp6a\n    name: N\n    files:\n      - ‸\n`;
  const items = await complete(source);
  assert.deepEqual(labels(items).slice(0, 4), ['ole32.dll', 'rpcproxy.dll', 'rpcrt4.dll', 'rpcss.exe']);
  assert.ok(items.slice(0, 4).every((i) => i.kind === FILE));
  assert.deepEqual(items[2].labelDetails, { detail: ' 4.0.1381.7230', description: 'MS04-012 RPC/DCOM の脆弱性により、任意のコードが実行させられる' });
  assert.equal(items.at(-1)!.label, 'file');
});

test('inside a file entry already begun: its missing keys first; no second name', async () => {
  const head = `${HEAD}related: [MS04-012]\nplatforms:\n  - id: nt4-server-sp6a\n    name: N\n    files:\n`;
  const named = await complete(`${head}      - name: x.dll\n        ‸\n`);
  assert.ok(named.every((i) => i.kind !== FILE), labels(named).join(' '));
  assert.ok(labels(named).includes('version'));
  const unnamed = await complete(`${head}      - version: 1.0\n        ‸\n`);
  const firstFile = unnamed.findIndex((i) => i.kind === FILE);
  assert.ok(firstFile > 0, labels(unnamed).join(' '));
  assert.ok(unnamed.slice(0, firstFile).every((i) => i.kind === 10 /* Property */));
});

test('ids and platform ids show their titles and names on the row', async () => {
  const ids = await complete(`${HEAD}related: [‸]\n`);
  assert.equal(ids.find((i) => i.label === 'MS04-012')!.labelDetails?.description, 'RPC/DCOM の脆弱性により、任意のコードが実行させられる');
  const platforms = await complete(`${HEAD}platforms:\n  - id: ‸\n`);
  assert.ok(platforms.find((i) => i.label === 'nt4-tse-sp6')!.labelDetails?.description);
});

test('Markdown fields complete as a literal block with the cursor indented on the next line', async () => {
  const root = await complete(`${HEAD}comm‸\n`);
  const comment = root.find((i) => i.label === 'comment')!;
  assert.equal(comment.insertTextFormat, 2);
  assert.equal(newText(comment), 'comment: |\n  $0');
  assert.equal(newText(root.find((i) => i.label === 'summary')), 'summary: |\n  $0');
  assert.equal(newText(root.find((i) => i.label === 'exploit')), 'exploit: ', 'other values stay on their line');
  const note = (await complete(`${HEAD}workarounds:\n  - title: Block the port\n    ‸\n`)).find((i) => i.label === 'note')!;
  assert.equal(newText(note), 'note: |\n      $0');
  const reason = (await complete(`${HEAD}unsupported:\n  - name: Windows 95\n    ‸\n`)).find((i) => i.label === 'reason')!;
  assert.equal(newText(reason), 'reason: |\n      $0');
  // A client without snippets gets the same text, the cursor left at its end.
  const plainComment = (await complete(`${HEAD}‸\n`, plain)).find((i) => i.label === 'comment')!;
  assert.equal(plainComment.insertTextFormat, 1);
  assert.equal(newText(plainComment), 'comment: |\n  ');
});

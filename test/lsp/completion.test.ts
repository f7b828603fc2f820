/**
 * Completion (a server in process): the exact items for keys (taken keys never offered), enum values with
 * their meaning in the bulletin's language, ids, platform ids, file entries, registry checks.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol/node';
import { InProcessServer, root } from './server-in-process';
import { withCursor } from '../unit/authoring/cursor-marker';
import { today } from '../../server/src/lsp/completion';

let server: InProcessServer;
let counter = 0;
const example = (name: string) => readFileSync(join(root, 'examples', `${name}.bulletin.yaml`), 'utf8');
const HEAD = 'bulletin: 1\nid: MS04-999\nkb: 873350\ntitle: T\npublished: 2004-10-16\n';

before(async () => {
  server = await InProcessServer.start({ locale: 'en' });
  server.openExamples();
});
after(async () => {
  await server.stop();
});

async function complete(source: string): Promise<CompletionItem[]> {
  const { text, position } = withCursor(source);
  const uri = `file:///ws/typing-${++counter}.bulletin.yaml`;
  server.open(uri, text);
  const result = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionList | null;
  server.close(uri);
  assert.ok(result, 'a completion list');
  return [...result.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const newText = (item: CompletionItem | undefined) => (item?.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : undefined);

test('root keys: only the missing ones, required first, with their descriptions', async () => {
  const items = await complete(`${HEAD}lang: ja\n‸\n`);
  assert.deepEqual(labels(items), [
    'severity', 'updated', 'status', 'revisions', 'exploit', 'urgency', 'restart', 'uninstall', 'targets', 'tlp', 'advisories', 'vulnerabilities',
    'includes', 'related', 'summary', 'comment', 'platforms', 'unsupported', 'workarounds',
  ]);
  const severity = items.find((i) => i.label === 'severity')!;
  assert.equal(severity.detail, 'required');
  assert.deepEqual(severity.documentation, { kind: 'markdown', value: 'Severity rating (深刻度).' });
  assert.equal(newText(severity), 'severity: ');
  assert.equal(newText(items.find((i) => i.label === 'platforms')), 'platforms:\n  - ');
  // A key with a few possible values asks for their list at once; others do not.
  assert.equal(severity.command?.command, 'editor.action.triggerSuggest');
  assert.equal(items.find((i) => i.label === 'updated')!.command?.command, 'editor.action.triggerSuggest');
  assert.equal(items.find((i) => i.label === 'platforms')!.command, undefined);
  assert.equal(items.find((i) => i.label === 'summary')!.command, undefined);
});

test('a half-typed key replaces the word; keys taken below the cursor are not offered either', async () => {
  const items = await complete(`${HEAD}sev‸\nseverity: low\nexploit: none\n`);
  assert.ok(!labels(items).includes('severity'));
  assert.ok(!labels(items).includes('exploit'));
  const urgency = items.find((i) => i.label === 'urgency')!;
  assert.deepEqual(urgency.textEdit && 'range' in urgency.textEdit ? urgency.textEdit.range : undefined, {
    start: { line: 5, character: 0 },
    end: { line: 5, character: 3 },
  });
});

test('enum values carry their meaning in the bulletin language (ja)', async () => {
  const items = await complete(`${HEAD}lang: ja\nseverity: ‸\n`);
  assert.deepEqual(items.map((i) => [i.label, i.detail]), [
    ['critical', '1 緊急'],
    ['important', '2 重要'],
    ['moderate', '3 警告'],
    ['low', '4 注意'],
  ]);
});

test('enum values in an English bulletin, and a space is added right after a colon', async () => {
  const items = await complete(`${HEAD}lang: en\nurgency:‸\n`);
  assert.deepEqual(items.map((i) => [i.label, i.detail, newText(i)]), [
    ['wait-for-sp', 'Can wait for the next service pack', ' wait-for-sp'],
    ['early', 'Start applying early', ' early'],
    ['urgent', 'Apply at once', ' urgent'],
  ]);
});

test('list values already present in a flow list are not offered again', async () => {
  const items = await complete(`${HEAD}targets: [server, ‸]\n`);
  assert.deepEqual(labels(items), ['client']);
});

test('ids in includes/related come from the workspace with their titles, never the bulletin itself', async () => {
  const items = await complete(`bulletin: 1\nid: MS04-029\ntitle: T\npublished: 2004-10-16\nrelated:\n  - ‸\n`);
  assert.deepEqual(items.map((i) => [i.label, i.detail]), [['MS04-012', 'RPC/DCOM の脆弱性により、任意のコードが実行させられる']]);
  const flow = await complete(`${HEAD}includes: [MS04-012, ‸]\n`);
  assert.deepEqual(labels(flow), ['MS04-029']);
});

test('platform ids used elsewhere in the workspace, with their names', async () => {
  const items = await complete(`${HEAD}platforms:\n  - id: ‸\n`);
  assert.deepEqual(items.map((i) => [i.label, i.detail]), [
    ['nt4-server-sp6a', 'Windows NT Server 4.0 SP6a'],
    ['nt4-tse-sp6', 'Windows NT Server 4.0, Terminal Server Edition SP6'],
  ]);
});

test('a platform name: the names the workspace gives that platform id', async () => {
  const items = await complete(`${HEAD}platforms:\n  - id: nt4-tse-sp6\n    name: ‸\n`);
  assert.deepEqual(items.map((i) => [i.label, i.detail, newText(i)]), [
    ['Windows NT Server 4.0, Terminal Server Edition SP6', 'nt4-tse-sp6', 'Windows NT Server 4.0, Terminal Server Edition SP6'],
  ]);
});

test('keys of a platform item: the taken ones are not offered', async () => {
  const items = await complete(`${HEAD}platforms:\n  - id: nt4-server-sp6a\n    ‸\n    name: Windows NT Server 4.0 SP6a\n    tested: passed\n  - id: other\n    folder: x\n`);
  assert.deepEqual(labels(items), ['cpe', 'package', 'folder', 'files', 'verify', 'deployment']);
  assert.equal(newText(items.find((i) => i.label === 'files')), 'files:\n      - ');
});

test('under files: the files related bulletins ship for the same platform, as whole entries', async () => {
  const source = `${HEAD}related: [MS04-012]\nplatforms:\n  - id: nt4-server-sp6a\n    name: N\n    files:\n      - name: ole32.dll\n        version: 4.0.1381.7263\n      - ‸\n`;
  const items = (await complete(source)).filter((i) => i.kind === 17 /* File */);
  assert.deepEqual(items.map((i) => [i.label, i.detail]), [
    ['rpcproxy.dll', '4.0.1381.7255 in MS04-012'],
    ['rpcrt4.dll', '4.0.1381.7230 in MS04-012'],
    ['rpcss.exe', '4.0.1381.7263 in MS04-012'],
  ]);
  assert.deepEqual(items.map((i) => i.filterText), ['rpcproxy.dll', 'rpcrt4.dll', 'rpcss.exe']);
  assert.equal(newText(items[0]), 'name: rpcproxy.dll\n        date: 2004-01-29\n        version: 4.0.1381.7255\n        size: 22288\n        description: RPC Proxy Stub');
});

test('after `name:` in a file entry, the name and the keys the entry still lacks', async () => {
  const source = `${HEAD}related: [MS04-012]\nplatforms:\n  - id: nt4-tse-sp6\n    name: N\n    files:\n      - name: ‸\n        size: 1\n`;
  const items = await complete(source);
  const rpcrt4 = items.find((i) => i.label === 'rpcrt4.dll')!;
  assert.equal(newText(rpcrt4), 'rpcrt4.dll\n        date: 2003-10-30\n        version: 4.0.1381.39800\n        description: Remote Procedure Call Runtime'.replace('4.0.1381.39800', versionOf('MS04-012', 'nt4-tse-sp6', 'rpcrt4.dll')));
});

test('a registry item: the check for this KB with the key of the platform era (XP)', async () => {
  const source = `${HEAD}platforms:\n  - id: xp-sp1\n    name: Windows XP SP1\n    verify:\n      registry:\n        - ‸\n`;
  const item = (await complete(source)).find((i) => i.kind === 15 /* Snippet */)!;
  assert.equal(item.label, 'Registry check for KB873350');
  assert.equal(newText(item), 'key: HKLM\\SOFTWARE\\Microsoft\\Updates\\Windows XP\\SP2\\KB873350\n          value: Installed\n          type: REG_DWORD\n          data: 1');
});

test('nothing is offered inside a comment or block text', async () => {
  assert.deepEqual(await complete(`${HEAD}# sev‸\n`), []);
  assert.deepEqual(await complete(`${HEAD}summary: |\n  some text ‸here\n`), []);
});

test('CRLF documents get CRLF in multi-line inserts', async () => {
  const items = await complete(`${HEAD}related: [MS04-012]\nplatforms:\n  - id: nt4-server-sp6a\n    name: N\n    files:\n      - ‸\n`.replace(/\n/g, '\r\n'));
  assert.match(newText(items.find((i) => i.label === 'ole32.dll'))!, /^name: ole32\.dll\r\n        date: [0-9-]+\r\n        version: 4\.0\.1381\.7263\r\n/);
});

function versionOf(id: string, platform: string, file: string): string {
  const text = example(id);
  const start = text.indexOf(`- id: ${platform}`);
  const at = text.indexOf(`name: ${file}`, start);
  return /version: (\S+)/.exec(text.slice(at))![1];
}

test('a top-level date offers today (the server’s calendar day)', async () => {
  const before = today();
  const items = await complete('bulletin: 1\npublished: ‸\n');
  const after = today();
  assert.equal(items.length, 1);
  assert.ok([before, after].includes(items[0].label), items[0].label);
  assert.equal(items[0].detail, "today's date");
});

test('a Japanese user interface gets Japanese details; enum meanings follow the bulletin language', async () => {
  const ja = await InProcessServer.start({ locale: 'ja' });
  try {
    const ask = async (source: string) => {
      const { text, position } = withCursor(source);
      const uri = `file:///ws/ja-${++counter}.bulletin.yaml`;
      ja.open(uri, text);
      const list = (await ja.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionList;
      return list.items;
    };
    const keys = await ask('bulletin: 1\n‸\n');
    assert.equal(keys.find((i) => i.label === 'severity')!.detail, '必須');
    assert.deepEqual(keys.find((i) => i.label === 'severity')!.documentation, { kind: 'markdown', value: '深刻度。' });
    const values = await ask('lang: en\nseverity: ‸\n');
    assert.equal(values.find((i) => i.label === 'important')!.detail, '2 Important');
  } finally {
    await ja.stop();
  }
});

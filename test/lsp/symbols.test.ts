/** Document symbols in process: the outline of a real bulletin. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { InProcessServer, root } from './server-in-process';

let server: InProcessServer;
before(async () => {
  server = await InProcessServer.start();
});
after(async () => {
  await server.stop();
});

test('the outline of MS04-029: top-level keys, platforms with package and files, vulnerabilities', async () => {
  const uri = 'file:///ws/MS04-029.bulletin.yaml';
  const text = readFileSync(join(root, 'examples', 'MS04-029.bulletin.yaml'), 'utf8');
  server.open(uri, text);
  const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['bulletin', 'id', 'kb', 'lang', 'title', 'published', 'updated', 'severity', 'exploit', 'urgency', 'restart', 'uninstall', 'targets', 'tlp', 'advisories', 'vulnerabilities', 'includes', 'related', 'summary', 'comment', 'platforms', 'unsupported', 'workarounds'],
  );
  const id = symbols.find((s) => s.name === 'id')!;
  assert.equal(id.detail, 'MS04-029');
  const platforms = symbols.find((s) => s.name === 'platforms')!;
  const [server4, tse] = platforms.children!;
  assert.equal(server4.name, 'Windows NT Server 4.0 SP6a');
  assert.equal(server4.detail, 'nt4-server-sp6a');
  assert.deepEqual(server4.children!.map((c) => [c.name, c.detail, c.kind]), [
    ['WindowsNT4Server-KB873350-x86-JPN.exe', '5.4.15.0', 4],
    ['ole32.dll', '4.0.1381.7263', 1],
    ['rpcrt4.dll', '4.0.1381.7303', 1],
    ['rpcss.exe', '4.0.1381.7263', 1],
  ]);
  const lines = text.split('\n');
  assert.equal(lines[server4.range.start.line], '  - id: nt4-server-sp6a');
  assert.equal(lines[server4.range.end.line].trim(), '500: 94');
  assert.equal(lines[tse.selectionRange.start.line], '  - id: nt4-tse-sp6');
  const vulnerabilities = symbols.find((s) => s.name === 'vulnerabilities')!;
  assert.deepEqual(vulnerabilities.children!.map((c) => [c.name, c.detail]), [['CAN-2004-0569', 'RPC ランタイム・ライブラリの未チェック・バッファの脆弱性']]);
  assert.deepEqual(symbols.find((s) => s.name === 'related')!.children!.map((c) => c.name), ['MS04-012']);
});

/**
 * A file's history over stdio (the built server on a workspace on disk): Show Index
 * (`bulletin/index`) and the hover on a file name list the bulletins in the same order, newest
 * first; the hover on a file's version compares it with the same file in the bulletins this one
 * includes or relates to, in the bulletin's language.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver-protocol/node';
import { DiskWorkspace, example, startOn, until } from './workspace-helpers';
import type { ServerProcess } from './server-process';
import type { IndexResult } from '../../server/src/protocol';

let ws: DiskWorkspace;
let server: ServerProcess;

before(async () => {
  ws = new DiskWorkspace();
  ws.write('MS04-012.bulletin.yaml', example('MS04-012'));
  ws.write('MS04-029.bulletin.yaml', example('MS04-029'));
  const started = await startOn(ws, { locale: 'en' });
  server = started.server;
  await until('the index to be ready', () => started.statuses.find((s) => s.ready && s.bulletins === 2), 10_000, server);
});
after(async () => {
  await server.stop();
  ws.dispose();
});

async function hover(uri: string, text: string, line: string, column: string): Promise<string | undefined> {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes(line));
  assert.ok(at >= 0, line);
  const result = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: at, character: lines[at]!.indexOf(column) + 1 } })) as Hover | null;
  return result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : undefined;
}

test('Show Index and the hover on a file name list its bulletins in one order, newest first', async () => {
  const index = (await server.connection.sendRequest('bulletin/index', { file: 'rpcrt4.dll' })) as IndexResult;
  const fromIndex = index.entries.filter((e) => e.platform === 'nt4-server-sp6a').map((e) => `${e.bulletin} ${e.version}`);
  assert.deepEqual(fromIndex, ['MS04-029 4.0.1381.7303', 'MS04-012 4.0.1381.7230']);
  const uri = ws.uri('MS04-029.bulletin.yaml');
  const text = example('MS04-029');
  server.open(uri, text);
  const table = await hover(uri, text, '- name: rpcrt4.dll', 'rpcrt4');
  const fromHover = [...table!.matchAll(/^\| \*{0,2}(MS04-\d+)\*{0,2} \| ([\d.]+) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
  assert.deepEqual(fromHover, fromIndex);
  server.close(uri);
});

test('the hover on a version compares it with the related bulletin’s, in the bulletin’s language (ja)', async () => {
  const uri = ws.uri('MS04-029.bulletin.yaml');
  const text = example('MS04-029');
  server.open(uri, text);
  assert.equal(
    await hover(uri, text, 'version: 4.0.1381.7303', '4.0.1381'),
    [
      '`nt4-server-sp6a` の `rpcrt4.dll` 4.0.1381.7303 と、このセキュリティ情報が参照するセキュリティ情報の同じファイルとの比較 (新しい順):',
      '',
      '| セキュリティ情報 | 参照 | バージョン | このバージョンは |',
      '|---|---|---|---|',
      '| MS04-012 | `related` | 4.0.1381.7230 | 新しい |',
    ].join('\n'),
  );
  server.close(uri);
});

test('newer, older and the same, newest bulletin first, in English for an English bulletin', async () => {
  const uri = ws.uri('MS04-100.bulletin.yaml');
  const text = [
    'bulletin: 1',
    'id: MS04-100',
    'lang: en',
    'title: T',
    'published: 2004-11-01',
    'severity: low',
    'includes: [MS04-012]',
    'related: [MS04-029]',
    'platforms:',
    '  - id: nt4-server-sp6a',
    '    name: N',
    '    files:',
    '      - name: RPCRT4.DLL',
    '        version: 4.00.1381.7230',
    '      - name: nothere.dll',
    '        version: 1.0',
    '',
  ].join('\n');
  server.open(uri, text);
  assert.equal(
    await hover(uri, text, 'version: 4.00.1381.7230', '4.00'),
    [
      '`RPCRT4.DLL` 4.00.1381.7230 on `nt4-server-sp6a`, against the bulletins this one names (newest first):',
      '',
      '| Bulletin | Named in | Version | This version is |',
      '|---|---|---|---|',
      '| MS04-029 | `related` | 4.0.1381.7303 | **older** |',
      '| MS04-012 | `includes` | 4.0.1381.7230 | the same |',
    ].join('\n'),
  );
  assert.equal(await hover(uri, text, 'version: 1.0', '1.0'), 'No bulletin this one includes or relates to ships `nothere.dll` on `nt4-server-sp6a`.');
  server.close(uri);
});

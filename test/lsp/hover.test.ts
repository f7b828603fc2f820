/** Hover (a server in process): schema descriptions, enum meanings, bulletin summaries on ids, file history on file names. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver-protocol/node';
import { InProcessServer } from './server-in-process';
import { withCursor } from '../unit/authoring/cursor-marker';

let server: InProcessServer;
let counter = 0;

before(async () => {
  server = await InProcessServer.start({ locale: 'en' });
  server.openExamples();
});
after(async () => {
  await server.stop();
});

async function hoverAt(source: string): Promise<Hover | null> {
  const { text, position } = withCursor(source);
  const uri = `file:///ws/hover-${++counter}.bulletin.yaml`;
  server.open(uri, text);
  const result = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover | null;
  server.close(uri);
  return result;
}
const value = (h: Hover | null) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : undefined);

test('a key shows its schema description and whether it is required', async () => {
  const h = await hoverAt('bulletin: 1\nid: MS04-100\ntitle: T\npublished: 2004-10-16\nsev‸erity: low\n');
  assert.equal(value(h), '**severity** (required)\n\nSeverity rating (深刻度).');
  assert.deepEqual(h!.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 8 } });
});

test('a nested key: the description the schema gives it there', async () => {
  const h = await hoverAt('platforms:\n  - id: x\n    files:\n      - na‸me: a.dll\n');
  assert.equal(value(h), '**name** (required)\n\nFile name, compared case-insensitively.');
});

test('an enum value: its meaning in the bulletin language, then the key', async () => {
  const h = await hoverAt('lang: ja\nseverity: imp‸ortant\n');
  assert.equal(value(h), '`important` — 2 重要\n\n**severity**: Severity rating (深刻度).');
  const en = await hoverAt('lang: en\ntargets: [server, cli‸ent]\n');
  assert.equal(value(en), '`client` — Clients\n\n**targets**: Kinds of machine the update is for (対象環境).');
});

test('a bulletin id in related: title, severity, dates and platforms of that bulletin', async () => {
  const h = await hoverAt("lang: en\nrelated:\n  - 'MS04-0‸12'\n");
  assert.equal(
    value(h),
    '**MS04-012** — RPC/DCOM の脆弱性により、任意のコードが実行させられる\n\n' +
      'Severity: `critical` (1 Critical) · Published: 2004-04-14 · Updated: 2004-04-14\n\n' +
      'Platforms: `nt4-server-sp6a` Windows NT Server 4.0 SP6a, `nt4-tse-sp6` Windows NT Server 4.0, Terminal Server Edition SP6',
  );
  assert.deepEqual(h!.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 14 } });
});

test('an unknown id says so', async () => {
  assert.equal(value(await hoverAt('includes: [MS99-0‸01]\n')), 'No bulletin with id `MS99-001` in the workspace.');
});

test('a file name: every bulletin that ships it for this platform, newest first', async () => {
  const source = 'bulletin: 1\nid: MS04-100\ntitle: T\npublished: 2004-12-01\nseverity: low\nplatforms:\n  - id: nt4-server-sp6a\n    name: N\n    files:\n      - name: RPCRT4‸.dll\n        version: 4.0.1381.7400\n        size: 1000\n';
  assert.equal(
    value(await hoverAt(source)),
    [
      'Bulletins that ship `RPCRT4.dll` for `nt4-server-sp6a`, newest first:',
      '',
      '| Bulletin | Version | Date | Size |',
      '|---|---|---|---:|',
      '| **MS04-100** | 4.0.1381.7400 |  | 1,000 |',
      '| MS04-029 | 4.0.1381.7303 | 2004-08-13 | 374,400 |',
      '| MS04-012 | 4.0.1381.7230 | 2003-10-30 | 345,872 |',
    ].join('\n'),
  );
});

test('Japanese user interface: labels in Japanese', async () => {
  const ja = await InProcessServer.start({ locale: 'ja' });
  try {
    const uri = 'file:///ws/ja.bulletin.yaml';
    const { text, position } = withCursor('kb: 1\nincludes: [MS04-0‸01]\n');
    ja.open(uri, text);
    const h = (await ja.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover;
    assert.equal(value(h), 'ID が `MS04-001` のセキュリティ情報はワークスペースにありません。');
  } finally {
    await ja.stop();
  }
});

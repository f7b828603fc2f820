/** Folding ranges in process: multi-line blocks and comment runs, with CRLF and a BOM. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FoldingRange } from 'vscode-languageserver-protocol/node';
import { InProcessServer } from './server-in-process';

let server: InProcessServer;
before(async () => {
  server = await InProcessServer.start();
});
after(async () => {
  await server.stop();
});

test('every block that spans lines folds from its key to its last line; comment runs fold too', async () => {
  const text = [
    '\uFEFF# a comment run',
    '# of two lines',
    'bulletin: 1',
    'summary: |',
    '  line one',
    '  line two',
    '',
    'platforms:',
    '  - id: a',
    '    name: A',
    '    files:',
    '      - name: x.dll',
    '        version: 1.0',
    '',
    '# trailing',
    '',
  ].join('\r\n');
  const uri = 'file:///ws/fold.bulletin.yaml';
  server.open(uri, text);
  const ranges = (await server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as FoldingRange[];
  assert.deepEqual(ranges, [
    { startLine: 0, endLine: 1, kind: 'comment' },
    { startLine: 3, endLine: 5 },
    { startLine: 7, endLine: 12 },
    { startLine: 8, endLine: 12 },
    { startLine: 10, endLine: 12 },
    { startLine: 11, endLine: 12 },
  ]);
});

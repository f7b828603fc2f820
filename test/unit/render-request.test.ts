/**
 * `bulletin/render` over the built server (stdio): the page of the document's current
 * version, with the comparison table from the other open bulletin and the live findings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ServerProcess } from '../lsp/server-process';
import { RenderRequest, type RenderResult } from '../../server/src/protocol';
import { element, readExample, tableRows } from '../fixtures/render/support';

const uri029 = 'file:///ws/MS04-029.bulletin.yaml';
const uri012 = 'file:///ws/MS04-012.bulletin.yaml';

test('bulletin/render answers with the page of the current version, and null for an unknown document', async () => {
  const server = await ServerProcess.start();
  try {
    server.open(uri012, readExample('MS04-012'));
    server.open(uri029, readExample('MS04-029'));
    await server.waitForDiagnostics(uri029);
    const first = (await server.connection.sendRequest(RenderRequest.method, { uri: uri029 })) as RenderResult;
    assert.equal(first.uri, uri029);
    assert.equal(first.version, 1);
    assert.equal(first.lang, 'ja');
    assert.deepEqual(tableRows(element(first.html, 'table', 'data-platform="nt4-server-sp6a"')!)[2], ['rpcproxy.dll', '4.0.1381.7255', '含まれない']);

    // An edit is rendered at its version, with the finding it causes shown in the page.
    const text = readExample('MS04-029');
    const at = text.indexOf('severity: important') + 'severity: '.length;
    const lines = text.slice(0, at).split('\n');
    const version = server.change(uri029, [{ range: { start: { line: lines.length - 1, character: lines.at(-1)!.length }, end: { line: lines.length - 1, character: lines.at(-1)!.length + 'important'.length } }, text: 'importent' }]);
    const second = (await server.connection.sendRequest(RenderRequest.method, { uri: uri029 })) as RenderResult;
    assert.equal(second.version, version);
    assert.match(element(second.html, 'tr', 'fact-severity')!, /<code class="finding-code">schema<\/code>/);

    assert.equal(await server.connection.sendRequest(RenderRequest.method, { uri: 'file:///ws/not-open.bulletin.yaml' }), null);
  } finally {
    await server.stop();
  }
});

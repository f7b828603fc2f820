/**
 * `bulletin/render` over the built server (stdio), issue 16's smaller points: in an English
 * VS Code, a Japanese bulletin's page words its findings in Japanese while the diagnostics stay
 * English; the related id links to the other bulletin's page beside its source, or relative to
 * where Export HTML saves this page (`page`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ServerProcess } from './server-process';
import { RenderRequest, type RenderResult } from '../../server/src/protocol';
import { element, readExample } from '../fixtures/render/support';

const uri029 = 'file:///ws/2004/MS04-029.bulletin.yaml';
const uri012 = 'file:///ws/2004/MS04-012.bulletin.yaml';

test("an English server renders a Japanese bulletin's findings in Japanese, and links its related id", async () => {
  const server = await ServerProcess.start({ locale: 'en' });
  try {
    server.open(uri012, readExample('MS04-012'));
    server.open(uri029, readExample('MS04-029').replace('severity: important', 'severity: importent'));
    const diagnostics = await server.waitForDiagnostics(uri029, (ds) => ds.some((d) => d.code === 'schema'));
    const schema = diagnostics.find((d) => d.code === 'schema')!;
    assert.match(String(schema.message), /must be one of/, 'the diagnostics are in the editor\'s language');

    const page = (await server.connection.sendRequest(RenderRequest.method, { uri: uri029 })) as RenderResult;
    const severity = element(page.html, 'tr', 'fact-severity')!;
    assert.match(severity, /<span class="finding-severity">エラー<\/span> <code class="finding-code">schema<\/code> `severity` は /);
    assert.doesNotMatch(page.html, /must be one of/);
    assert.match(element(page.html, 'tr', 'fact-related')!, /<a class="bulletin-ref" href="MS04-012\.html" data-source="MS04-012\.bulletin\.yaml">MS04-012<\/a>/);

    // Export HTML saves the page elsewhere: the link leads from there to the page beside MS04-012's source.
    const saved = (await server.connection.sendRequest(RenderRequest.method, { uri: uri029, page: 'file:///export/pages/MS04-029.html' })) as RenderResult;
    assert.match(element(saved.html, 'tr', 'fact-related')!, /href="\.\.\/\.\.\/ws\/2004\/MS04-012\.html" data-source="MS04-012\.bulletin\.yaml"/);
  } finally {
    await server.stop();
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ServerProcess, root } from '../lsp/server-process';
import type { CsafDiagnosticsParams, ExportCsafResult } from '../../server/src/protocol';

const fixture = (name: string) => join(root, 'test', 'fixtures', 'csaf', name);
const example = (name: string) => join(root, 'examples', name);

/** Polls the CSAF diagnostics the server sent for `uri` until `predicate` holds. */
async function waitForCsaf(seen: Map<string, CsafDiagnosticsParams>, uri: string, predicate: (p: CsafDiagnosticsParams) => boolean, timeoutMs = 120_000): Promise<CsafDiagnosticsParams> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const params = seen.get(uri);
    if (params && predicate(params)) return params;
    if (Date.now() > deadline) throw new Error(`timed out waiting for CSAF diagnostics of ${uri}; last: ${JSON.stringify(params)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test('the editor shows what would stop a CSAF export on the YAML line it comes from, and clears it once fixed', async () => {
  const server = await ServerProcess.start();
  const seen = new Map<string, CsafDiagnosticsParams>();
  server.connection.onNotification('bulletin/csafDiagnostics', (params: CsafDiagnosticsParams) => {
    seen.set(params.uri, params);
  });
  try {
    const path = fixture('duplicate-cve.bulletin.yaml');
    const uri = pathToFileURL(path).toString();
    const text = readFileSync(path, 'utf8');
    server.open(uri, text);
    const first = await waitForCsaf(seen, uri, (p) => p.version === 1 && p.diagnostics.length > 0);
    const duplicate = first.diagnostics.find((d) => String(d.message).includes('6.1.23'));
    assert.ok(duplicate, JSON.stringify(first.diagnostics));
    const line = text.split('\n').findIndex((l) => l.includes('# expect: 6.1.23'));
    assert.equal(duplicate.range.start.line, line);
    assert.equal(duplicate.code, 'csaf-export');
    assert.equal(duplicate.source, 'bulletin-csaf');

    // Give the second entry its own CVE: the export would pass, and the diagnostic goes away.
    const offset = text.indexOf('CVE-2003-0718 # expect');
    const start = { line, character: offset - text.lastIndexOf('\n', offset) - 1 };
    const version = server.change(uri, [{ range: { start, end: { line, character: start.character + 'CVE-2003-0718'.length } }, text: 'CVE-2003-0719' }]);
    await waitForCsaf(seen, uri, (p) => p.version === version && p.diagnostics.length === 0);
    // Undo: the text checked first, now at a later version, gets the same findings again.
    const undone = server.change(uri, [{ range: { start, end: { line, character: start.character + 'CVE-2003-0719'.length } }, text: 'CVE-2003-0718' }]);
    const again = await waitForCsaf(seen, uri, (p) => p.version === undone);
    assert.deepEqual(again.diagnostics, first.diagnostics);

    // A bulletin that breaks its own schema gets no CSAF diagnostics (its schema errors say it all).
    const broken = pathToFileURL(fixture('schema-error.bulletin.yaml')).toString();
    server.open(broken, readFileSync(fixture('schema-error.bulletin.yaml'), 'utf8'));
    await waitForCsaf(seen, broken, (p) => p.version === 1 && p.diagnostics.length === 0);

    // Worded in the bulletin's terms: where in the bulletin, never the CSAF pointer.
    assert.match(String(duplicate.message), /^The CSAF export would fail at `id` of item 2 of `vulnerabilities` \(CSAF test 6\.1\.23\): /);
    assert.ok(first.diagnostics.every((d) => !String(d.message).includes('/vulnerabilities/')), JSON.stringify(first.diagnostics));

    // A rule error (two platforms share an id) is said once, by the rule: the export's
    // restatements (duplicate product ids, duplicate items) are not shown beside it.
    const twice = pathToFileURL(fixture('duplicate-platform.bulletin.yaml')).toString();
    const twiceText = readFileSync(fixture('duplicate-platform.bulletin.yaml'), 'utf8');
    server.open(twice, twiceText);
    await server.waitForDiagnostics(twice, (ds) => ds.some((d) => d.code === 'duplicate-entry'), 1, 60_000);
    await waitForCsaf(seen, twice, (p) => p.version === 1 && p.diagnostics.length === 0);
    // Once the rule is satisfied (the second platform gets its own id) nothing is left to say.
    const second = twiceText.lastIndexOf('- id: w2k-sp4') + '- id: '.length;
    const idLine = twiceText.slice(0, second).split('\n').length - 1;
    const character = second - twiceText.lastIndexOf('\n', second - 1) - 1;
    const fixed = server.change(twice, [{ range: { start: { line: idLine, character }, end: { line: idLine, character: character + 'w2k-sp4'.length } }, text: 'w2k-sp3' }]);
    await waitForCsaf(seen, twice, (p) => p.version === fixed && p.diagnostics.length === 0);
  } finally {
    await server.stop();
  }
});

test('bulletin/exportCsaf: asks for the publisher setting, then answers the CSAF document with related bulletins as references', async () => {
  const server = await ServerProcess.start();
  try {
    const uri = pathToFileURL(example('MS04-029.bulletin.yaml')).toString();
    server.open(uri, readFileSync(example('MS04-029.bulletin.yaml'), 'utf8'));
    server.open(pathToFileURL(example('MS04-012.bulletin.yaml')).toString(), readFileSync(example('MS04-012.bulletin.yaml'), 'utf8'));
    const missing = (await server.connection.sendRequest('bulletin/export-csaf', { uri })) as ExportCsafResult;
    assert.equal(missing.ok, false);
    assert.equal(!missing.ok && missing.reason, 'publisher');
    assert.match(!missing.ok ? missing.message : '', /bulletin\.csaf\.publisher/);

    await server.changeSettings({ csaf: { publisher: { category: 'other', name: 'HotFix Report', namespace: 'https://hotfix.test' } } });
    const result = (await server.connection.sendRequest('bulletin/export-csaf', { uri })) as ExportCsafResult;
    assert.ok(result.ok, JSON.stringify(result));
    const csaf = JSON.parse(result.json);
    assert.equal(result.id, 'MS04-029');
    assert.equal(csaf.document.publisher.name, 'HotFix Report');
    const related = csaf.document.references.find((r: { summary: string }) => r.summary.includes('MS04-012'));
    assert.equal(related?.url, 'http://www.microsoft.com/japan/technet/security/bulletin/ms04-012.asp');
    assert.ok(!csaf.document.references.some((r: { category: string }) => r.category === 'self'), 'no base URL, no self reference');

    await server.changeSettings({ csaf: { publisher: { category: 'other', name: 'HotFix Report', namespace: 'https://hotfix.test' }, baseUrl: 'https://hotfix.test/csaf' } });
    const withBase = (await server.connection.sendRequest('bulletin/export-csaf', { uri })) as ExportCsafResult;
    assert.ok(withBase.ok, JSON.stringify(withBase));
    assert.deepEqual(JSON.parse(withBase.json).document.references.at(-1), { category: 'self', summary: 'このアドバイザリの正規 URL', url: 'https://hotfix.test/csaf/ms04-029.json' });

    assert.equal(await server.connection.sendRequest('bulletin/export-csaf', { uri: 'file:///not/open.bulletin.yaml' }), null);
  } finally {
    await server.stop();
  }
});

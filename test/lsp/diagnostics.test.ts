import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServerProcess, root } from './server-process';

const header = 'bulletin: 1\nid: MS04-029\ntitle: T\npublished: 2004-10-16\nseverity: important\n';
let server: ServerProcess;

before(async () => {
  server = await ServerProcess.start();
});
after(async () => {
  await server.stop();
});

test('an unknown key gets a diagnostic on the key, with code, source and a docs link', async () => {
  const uri = 'file:///mem/unknown.bulletin.yaml';
  server.open(uri, `${header}severty: low\n`);
  const [d] = await server.waitForDiagnostics(uri, (ds) => ds.length > 0, 1);
  assert.deepEqual(d.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 7 } });
  assert.equal(d.code, 'schema');
  assert.equal(d.source, 'bulletin');
  assert.equal(d.severity, 1);
  assert.match(d.message as string, /Did you mean `severity`\?/);
  assert.match(d.codeDescription!.href, /^file:\/\/.*\/docs\/rules\.md#schema$/);
  server.close(uri);
});

test('typing the fault away clears the diagnostic, for that version', async () => {
  const uri = 'file:///mem/typing.bulletin.yaml';
  server.open(uri, `${header}severty: low\n`);
  await server.waitForDiagnostics(uri, (ds) => ds.length === 1, 1);
  // Insert the missing "i": severty → severity, then delete the (now duplicate) line in a second edit.
  const v2 = server.change(uri, [{ range: { start: { line: 5, character: 5 }, end: { line: 5, character: 5 } }, text: 'i' }]);
  const afterInsert = await server.waitForDiagnostics(uri, () => true, v2);
  assert.equal(afterInsert.length, 1);
  assert.equal(afterInsert[0].code, 'yaml-syntax'); // now a duplicate key
  const v3 = server.change(uri, [{ range: { start: { line: 5, character: 0 }, end: { line: 6, character: 0 } }, text: '' }]);
  assert.deepEqual(await server.waitForDiagnostics(uri, () => true, v3), []);
  server.close(uri);
});

test('a burst of edits is validated at its latest version', async () => {
  const uri = 'file:///mem/burst.bulletin.yaml';
  server.open(uri, header);
  await server.waitForDiagnostics(uri, () => true, 1);
  let version = 1;
  const text = 'kb: 8733';
  for (let i = 0; i < text.length; i++) {
    version = server.change(uri, [{ range: { start: { line: 5, character: i }, end: { line: 5, character: i } }, text: text[i] }]);
  }
  const diagnostics = await server.waitForDiagnostics(uri, () => true, version);
  assert.deepEqual(diagnostics, []);
  server.close(uri);
});

test('the examples open clean', async () => {
  // MS04-012 first: MS04-029's `related: [MS04-012]` must resolve.
  const uris = ['MS04-012', 'MS04-029'].map((name) => {
    const uri = `file:///mem/${name}.bulletin.yaml`;
    server.open(uri, readFileSync(join(root, 'examples', `${name}.bulletin.yaml`), 'utf8'));
    return uri;
  });
  for (const uri of uris) assert.deepEqual(await server.waitForDiagnostics(uri, () => true, 1), []);
  for (const uri of uris) server.close(uri);
});

test('BOM + CRLF keep line numbers right over the protocol', async () => {
  const uri = 'file:///mem/crlf.bulletin.yaml';
  server.open(uri, `\uFEFF${header.replace(/\n/g, '\r\n')}kb: x\r\n`);
  const [d] = await server.waitForDiagnostics(uri, (ds) => ds.length > 0, 1);
  assert.deepEqual(d.range, { start: { line: 5, character: 4 }, end: { line: 5, character: 5 } });
  server.close(uri);
});

test('hostile input gets diagnostics and the server keeps answering', async () => {
  const cases = ['', '- a\n', `${'['.repeat(3000)}`, 'a: &a [*a]\n', '\tkey: 1\n', 'x: "unclosed\n'];
  for (const [i, text] of cases.entries()) {
    const uri = `file:///mem/hostile-${i}.bulletin.yaml`;
    server.open(uri, text);
    const diagnostics = await server.waitForDiagnostics(uri, (ds) => ds.length > 0, 1);
    assert.ok(diagnostics.every((d) => d.source === 'bulletin'));
  }
});

/**
 * Large open documents are analysed on a worker thread (lsp/background-analysis.ts): the
 * server answers other requests meanwhile, and what the worker sends back (diagnostics, the
 * index model, outline, folds) is exactly what the server's own analysis gives.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, DocumentSymbol, FoldingRange } from 'vscode-languageserver-protocol/node';
import { ServerProcess, root } from '../lsp/server-process';
import { InProcessServer, builtRuntime } from '../lsp/server-in-process';
import type { TestClient } from '../lsp/test-client';
// @ts-expect-error: a plain ES module shared with the benchmarks, without type declarations
import { generateBulletin } from '../../bench/generate-bulletin.mjs';

const servers: TestClient[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

/**
 * A server; `everythingInBackground` sends every document, however small or plain, to the
 * worker (`worker`: another script in its place). Those run in process, with the runtime's
 * analysis worker set so; the others are the server process as the editor starts it.
 */
async function start(everythingInBackground: boolean, worker?: string): Promise<TestClient> {
  const server = everythingInBackground
    ? await InProcessServer.start({ runtime: { workers: { ...builtRuntime().workers, analysis: { script: worker ?? join(root, 'dist', 'analysisWorker.js'), largeDocumentChars: 1, quickHereChars: 1 } } } })
    : await ServerProcess.start();
  servers.push(server);
  return server;
}

const small = 'bulletin: 1\nid: MS99-999\ntitle: T\npublished: 2004-10-16\nseverity: important\n';

test('while a 3 MB bulletin is parsed, a hover on another document is answered first, and the large one then gets exact diagnostics', async () => {
  const server = await start(false);
  const probe = 'file:///ws/probe.bulletin.yaml';
  server.open(probe, small);
  await server.waitForDiagnostics(probe);
  // Two faults at the very end, where a cascade or an off-by-lines range would show.
  let big = generateBulletin(20_000);
  while (big.length < 3_000_000) big += `# ${'padding '.repeat(12)}\n`.repeat(1000);
  big += 'severty: high\nunknownKey: 1\n';
  const lines = big.split('\n');
  const uri = 'file:///ws/big.bulletin.yaml';
  server.open(uri, big);
  // Hovers one after the other: parsed on the server's thread, the document would hold up
  // all but the first one or two until its diagnostics were out.
  let answered = 0;
  while (!server.diagnostics.has(uri) && answered < 5) {
    const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: probe }, position: { line: 4, character: 2 } });
    assert.ok(hover, 'the hover is answered');
    if (!server.diagnostics.has(uri)) answered++;
  }
  assert.equal(answered, 5, 'five hovers were answered while the large document was being analysed');
  const diagnostics = await server.waitForDiagnostics(uri, (d) => d.length > 0, 1, 60_000);
  const at = (d: Diagnostic) => lines[d.range.start.line].slice(d.range.start.character, d.range.end.character);
  const last = lines.length - 3;
  assert.deepEqual(
    diagnostics.filter((d) => d.range.start.line >= last).map((d) => [d.range.start.line, at(d), d.code]).sort(),
    [
      [last, 'severty', 'schema'],
      [last + 1, 'unknownKey', 'schema'],
    ].sort(),
  );
});

test('an edit of the large document is checked at its latest version, and the hover keeps being answered', async () => {
  const server = await start(false);
  const probe = 'file:///ws/probe-2.bulletin.yaml';
  server.open(probe, small);
  let big = generateBulletin(20_000);
  while (big.length < 1_000_000) big += `# ${'padding '.repeat(12)}\n`.repeat(1000);
  const uri = 'file:///ws/big-2.bulletin.yaml';
  server.open(uri, big);
  await server.waitForDiagnostics(uri, () => true, 1, 60_000);
  const end = big.split('\n').length - 1;
  let version = 1;
  for (let i = 0; i < 5; i++) version = server.change(uri, [{ range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, text: i === 4 ? 'severty: high\n' : '# edit\n' }]);
  const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: probe }, position: { line: 4, character: 2 } });
  assert.ok(hover);
  const diagnostics = await server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'schema'), version, 60_000);
  assert.equal(server.diagnostics.get(uri)!.version, version);
  assert.deepEqual(diagnostics.filter((d) => d.code === 'schema').map((d) => d.range.start.line), [end]); // each edit went in above the one before
});

test('diagnostics across bulletins, outline and folds are the same whether the worker or the server analysed the documents', async () => {
  const [here, worker] = await Promise.all([start(false), start(true)]);
  const read = (name: string) => readFileSync(join(root, 'examples', name), 'utf8');
  // MS04-029 claiming to include MS04-012: incomplete-supersedence for rpcproxy.dll, related to the other file.
  const ms029 = read('MS04-029.bulletin.yaml').replace('includes: []\nrelated:', 'includes:');
  const ms012 = read('MS04-012.bulletin.yaml');
  const uris = ['file:///ws/MS04-012.bulletin.yaml', 'file:///ws/MS04-029.bulletin.yaml'];
  const collect = async (server: TestClient) => {
    server.open(uris[0], ms012);
    server.open(uris[1], ms029);
    await server.waitForDiagnostics(uris[1], (d) => d.some((x) => x.code === 'incomplete-supersedence'), 1, 60_000);
    // An edit too: a wrong type, typed into the outline's middle.
    const line = ms029.split('\n').findIndex((l) => l.startsWith('severity:'));
    const version = server.change(uris[1], [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: 'severity: [x]\n' }]);
    const diagnostics = await server.waitForDiagnostics(uris[1], (d) => d.some((x) => x.code === 'schema'), version, 60_000);
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uris[1] } })) as DocumentSymbol[];
    const folds = (await server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: uris[1] } })) as FoldingRange[];
    return { diagnostics, other: server.diagnostics.get(uris[0])?.diagnostics ?? [], symbols, folds };
  };
  const [fromHere, fromWorker] = await Promise.all([collect(here), collect(worker)]);
  assert.ok(fromHere.diagnostics.some((d) => d.code === 'incomplete-supersedence' && d.relatedInformation?.[0].location.uri === uris[0]));
  assert.ok(fromHere.symbols.length > 10 && fromHere.folds.length > 10);
  assert.deepEqual(fromWorker, fromHere);
});

test('a worker that dies on a document leaves it to the server, which still checks it, and its outline comes back', async () => {
  const server = await start(true, join(root, 'test', 'fixtures', 'workers', 'dying-analysis-worker.js'));
  const uri = 'file:///ws/MS04-029.bulletin.yaml';
  const text = readFileSync(join(root, 'examples', 'MS04-029.bulletin.yaml'), 'utf8').replace(/^severity: .*$/m, 'severity: [x]');
  server.open(uri, text);
  const diagnostics = await server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'schema'), 1, 60_000);
  assert.equal(text.split('\n')[diagnostics.find((d) => d.code === 'schema')!.range.start.line], 'severity: [x]');
  const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
  assert.ok(symbols.some((s) => s.name === 'platforms'));
  // And the next version goes to a new worker, which dies too: still checked.
  const version = server.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }]);
  await server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'schema'), version, 60_000);
});

/**
 * The workspace over stdio: closed bulletins are read from disk and checked; an edit to an
 * open bulletin re-checks the closed ones that depend on it; watcher events and settings
 * apply live.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unlinkSync } from 'node:fs';
import { DiskWorkspace, example, startOn, superseding, until } from './workspace-helpers';
import type { IndexResult } from '../../server/src/protocol';

const codes = (ds: { code?: string | number }[]) => ds.map((d) => d.code).sort();

test('an edit to an open bulletin changes the diagnostics of a closed one that includes it', async () => {
  const ws = new DiskWorkspace();
  ws.write('MS04-012.bulletin.yaml', example('MS04-012'));
  ws.write('MS04-030.bulletin.yaml', superseding);
  const { server, statuses } = await startOn(ws);
  try {
    await until('the index to be ready', () => statuses.find((s) => s.ready && s.bulletins === 2), 10_000, server);
    assert.equal(server.diagnostics.get(ws.uri('MS04-030.bulletin.yaml')), undefined, 'a clean closed file gets nothing');
    const open = ws.uri('MS04-012.bulletin.yaml');
    server.open(open, example('MS04-012'));
    // rpcproxy.dll 4.0.1381.7255 → 7256: the closed MS04-030 now ships it lower than what it includes.
    const line = example('MS04-012').split('\n').findIndex((l) => l.includes('4.0.1381.7255'));
    const character = example('MS04-012').split('\n')[line].indexOf('7255') + 3;
    server.change(open, [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: '6' }]);
    const closed = ws.uri('MS04-030.bulletin.yaml');
    const found = await server.waitForDiagnostics(closed, (ds) => ds.length > 0);
    assert.deepEqual(codes(found), ['file-version-conflict', 'incomplete-supersedence']);
    const incomplete = found.find((d) => d.code === 'incomplete-supersedence')!;
    assert.match(incomplete.message as string, /MS04-030 includes MS04-012, but ships rpcproxy\.dll \(nt4-server-sp6a\) at 4\.0\.1381\.7255, lower than 4\.0\.1381\.7256/);
    assert.equal(incomplete.relatedInformation![0].location.uri, open);
    assert.equal(incomplete.relatedInformation![0].location.range.start.line, line);
    // A comment line on top changes nothing the closed file's rules read, but moves what its
    // findings point at: they follow.
    server.change(open, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# moved\n' }]);
    const moved = await server.waitForDiagnostics(closed, (ds) => ds.some((d) => d.relatedInformation?.[0]?.location.range.start.line === line + 1));
    assert.deepEqual(codes(moved), ['file-version-conflict', 'incomplete-supersedence']);
    // Typing it back clears the closed file's findings.
    server.change(open, [{ range: { start: { line: line + 1, character }, end: { line: line + 1, character: character + 1 } }, text: '5' }]);
    await server.waitForDiagnostics(closed, (ds) => ds.length === 0);
  } finally {
    await server.stop();
    ws.dispose();
  }
});

test('deleting and creating files on disk (watcher events) updates findings', async () => {
  const ws = new DiskWorkspace();
  ws.write('MS04-012.bulletin.yaml', example('MS04-012'));
  ws.write('MS04-030.bulletin.yaml', superseding);
  const { server, statuses } = await startOn(ws);
  try {
    await until('the index to be ready', () => statuses.find((s) => s.ready && s.bulletins === 2), 10_000, server);
    const closed = ws.uri('MS04-030.bulletin.yaml');
    unlinkSync(ws.path('MS04-012.bulletin.yaml'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('MS04-012.bulletin.yaml'), type: 3 }] });
    const [missing] = await server.waitForDiagnostics(closed, (ds) => ds.length > 0);
    assert.equal(missing.code, 'unresolved-reference');
    assert.equal(missing.severity, 2);
    ws.write('MS04-012.bulletin.yaml', example('MS04-012'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('MS04-012.bulletin.yaml'), type: 1 }] });
    await server.waitForDiagnostics(closed, (ds) => ds.length === 0);
    // A changed file on disk: a duplicate id appears in a new file.
    ws.write('copy.bulletin.yaml', example('MS04-012').replace('published: 2004-04-14', 'published: 2004-04-15'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('copy.bulletin.yaml'), type: 1 }] });
    const [duplicate] = await server.waitForDiagnostics(ws.uri('copy.bulletin.yaml'), (ds) => ds.length > 0);
    assert.equal(duplicate.code, 'duplicate-id');
    assert.equal(duplicate.relatedInformation![0].location.uri, ws.uri('MS04-012.bulletin.yaml'));
  } finally {
    await server.stop();
    ws.dispose();
  }
});

test('bulletin.rules changes apply live, to closed files too', async () => {
  const ws = new DiskWorkspace();
  ws.write('MS04-030.bulletin.yaml', superseding);
  const { server } = await startOn(ws);
  try {
    const closed = ws.uri('MS04-030.bulletin.yaml');
    const [d] = await server.waitForDiagnostics(closed, (ds) => ds.length > 0);
    assert.equal(d.code, 'unresolved-reference');
    await server.changeSettings({ rules: { 'unresolved-reference': 'error' } });
    await server.waitForDiagnostics(closed, (ds) => ds.length === 1 && ds[0].severity === 1);
    await server.changeSettings({ rules: { 'unresolved-reference': 'off' } });
    await server.waitForDiagnostics(closed, (ds) => ds.length === 0);
  } finally {
    await server.stop();
    ws.dispose();
  }
});

test('bulletin.idPattern applies live: a widened pattern accepts a closed file\'s id, and the bulletin it names', async () => {
  const ws = new DiskWorkspace();
  ws.write('VENDOR-2024-1.bulletin.yaml', example('MS04-012').replace(/^id: MS04-012$/m, 'id: VENDOR-2024-1'));
  ws.write('MS04-030.bulletin.yaml', superseding.replace('includes: [MS04-012]', 'includes: [VENDOR-2024-1]'));
  const { server } = await startOn(ws);
  try {
    const vendor = ws.uri('VENDOR-2024-1.bulletin.yaml');
    const naming = ws.uri('MS04-030.bulletin.yaml');
    // The spec's pattern: the id breaks the schema, and the include naming it too.
    assert.deepEqual(codes(await server.waitForDiagnostics(vendor, (ds) => ds.length > 0)), ['schema']);
    await server.waitForDiagnostics(naming, (ds) => ds.some((d) => d.code === 'schema'));
    await server.changeSettings({ idPattern: '^([A-Z]+-\\d{4}-\\d+|MS\\d{2}-\\d{3})$' });
    await server.waitForDiagnostics(vendor, (ds) => ds.length === 0);
    await server.waitForDiagnostics(naming, (ds) => ds.length === 0);
    await server.changeSettings({});
    assert.deepEqual(codes(await server.waitForDiagnostics(vendor, (ds) => ds.length > 0)), ['schema']);
  } finally {
    await server.stop();
    ws.dispose();
  }
});

test('pull diagnostics: the workspace report carries closed files, the document report open ones', async () => {
  const ws = new DiskWorkspace();
  ws.write('MS04-030.bulletin.yaml', superseding);
  ws.write('MS04-029.bulletin.yaml', example('MS04-029'));
  const { server } = await startOn(ws, {
    capabilities: {
      workspace: { configuration: true, diagnostics: { refreshSupport: true } },
      textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
    },
  });
  try {
    const report = await server.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] }) as { items: { uri: string; kind: string; resultId?: string; items?: { code: string }[] }[] };
    const closed = report.items.find((i) => i.uri === ws.uri('MS04-030.bulletin.yaml'))!;
    assert.equal(closed.kind, 'full');
    assert.deepEqual(closed.items!.map((d) => d.code), ['unresolved-reference']);
    const again = await server.connection.sendRequest('workspace/diagnostic', { previousResultIds: [{ uri: closed.uri, value: closed.resultId }] }) as typeof report;
    assert.equal(again.items.find((i) => i.uri === closed.uri)!.kind, 'unchanged');
    const open = ws.uri('MS04-029.bulletin.yaml');
    server.open(open, example('MS04-029').replace('related:', 'includes:').replace(/^includes: \[\]\n/m, ''));
    const pulled = await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: open } }) as { kind: string; items: { code: string }[] };
    assert.equal(pulled.kind, 'full');
    assert.deepEqual(pulled.items.map((d) => d.code), ['unresolved-reference']);
    assert.equal(server.diagnostics.size, 0, 'nothing is pushed in pull mode');
  } finally {
    await server.stop();
    ws.dispose();
  }
});

/** A workspace of the two examples, its server started and its index ready. */
async function onExamples(run: (server: Awaited<ReturnType<typeof startOn>>['server']) => Promise<void>): Promise<void> {
  const ws = new DiskWorkspace();
  ws.write('MS04-012.bulletin.yaml', example('MS04-012'));
  ws.write('MS04-029.bulletin.yaml', example('MS04-029'));
  const { server, statuses } = await startOn(ws);
  try {
    await until('the index to be ready', () => statuses.find((s) => s.ready && s.bulletins === 2), 10_000, server);
    await run(server);
  } finally {
    await server.stop();
    ws.dispose();
  }
}

test('bulletin/index lists every bulletin that ships a file name, by platform, newest first', () =>
  onExamples(async (server) => {
    const result = await server.connection.sendRequest('bulletin/index', { file: 'RPCRT4.DLL' }) as IndexResult;
    assert.equal(result.bulletins, 2);
    assert.ok(result.files.includes('rpcproxy.dll'));
    assert.deepEqual(
      result.entries.map((e) => `${e.platform} ${e.bulletin} ${e.version}`),
      ['nt4-server-sp6a MS04-029 4.0.1381.7303', 'nt4-server-sp6a MS04-012 4.0.1381.7230', 'nt4-tse-sp6 MS04-029 4.0.1381.39794', 'nt4-tse-sp6 MS04-012 4.0.1381.39760'],
    );
  }));

test('bulletin/index with ids lists every bulletin id of the workspace (New Bulletin refuses one taken)', () =>
  onExamples(async (server) => {
    const result = await server.connection.sendRequest('bulletin/index', { ids: true }) as IndexResult;
    assert.deepEqual(result.ids, ['MS04-012', 'MS04-029']);
    const without = await server.connection.sendRequest('bulletin/index', {}) as IndexResult;
    assert.equal(without.ids, undefined);
  }));

test('the status totals are the published diagnostics, through edits that add, change and remove findings', async () => {
  const ws = new DiskWorkspace();
  ws.write('MS04-012.bulletin.yaml', example('MS04-012'));
  ws.write('MS04-030.bulletin.yaml', superseding.replace('includes: [MS04-012]', 'includes: [MS04-012, MS04-099]'));
  const { server, statuses } = await startOn(ws);
  const totals = () => {
    const all = [...server.diagnostics.values()].flatMap((p) => p.diagnostics);
    return { findings: all.length, errors: all.filter((d) => d.severity === 1).length, warnings: all.filter((d) => d.severity === 2).length };
  };
  const agrees = () => {
    const last = statuses.at(-1);
    return last?.ready === true && last.findings === totals().findings && last.errors === totals().errors && last.warnings === totals().warnings;
  };
  try {
    await until('the status to count the findings', () => statuses.some((s) => s.ready && s.bulletins === 2) && totals().findings > 0 && agrees(), 10_000, server);
    const uri = ws.uri('MS04-012.bulletin.yaml');
    server.open(uri, example('MS04-012'));
    server.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'severty: low\n' }]);
    await until('an added error to be counted', () => statuses.at(-1)?.errors === totals().errors && totals().errors > 0 && agrees(), 10_000, server);
    const before = statuses.at(-1)!.findings;
    server.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' }]);
    await until('the removed error to leave the count', () => agrees() && statuses.at(-1)!.findings === before - 1, 10_000, server);
    server.close(uri);
    ws.write('MS04-030.bulletin.yaml', superseding);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('MS04-030.bulletin.yaml'), type: 2 }] });
    await until('a fixed file to leave the count', () => agrees() && statuses.at(-1)!.findings < before - 1, 10_000, server);
  } finally {
    await server.stop();
    ws.dispose();
  }
});

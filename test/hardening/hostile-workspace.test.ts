/**
 * Hostile workspaces over stdio: 10,000 bulletins, include cycles of length 1 to 1,000,
 * symlink loops, entries that cannot be read as files (a FIFO, a folder, a dangling link),
 * non-UTF-8 bytes, files that vanish or change after listing, and a 5 MB bulletin. The server
 * finishes indexing, answers other requests meanwhile, and can be stopped in the middle.
 * (Latencies are measured by bench/responsiveness.bench.mjs, not asserted here.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { DiskWorkspace, example, startOn, until } from '../lsp/workspace-helpers';
import type { ServerProcess } from '../lsp/server-process';
// @ts-expect-error: a plain ES module shared with the benchmarks, without type declarations
import { generateWorkspace } from '../../bench/generate-workspace.mjs';
// @ts-expect-error: a plain ES module shared with the benchmarks, without type declarations
import { generateBulletin } from '../../bench/generate-bulletin.mjs';

const header = (id: string) => `bulletin: 1\nid: ${id}\ntitle: T\npublished: 2004-10-16\nseverity: important\n`;

async function hoverAnswered(server: ServerProcess, uri: string): Promise<void> {
  await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 2 } });
  await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 0 } });
}

test('10,000 bulletins: indexed in full, other requests answered meanwhile, and a stop in the middle is honoured', async () => {
  const ws = new DiskWorkspace();
  generateWorkspace(10_000, ws.folder);
  const { server, statuses } = await startOn(ws);
  try {
    const probe = ws.uri('probe.bulletin.yaml');
    server.open(probe, header('MS99-999'));
    let answeredWhileIndexing = 0;
    while (!statuses.some((s) => s.ready && s.bulletins >= 10_000)) {
      await hoverAnswered(server, probe);
      if (!statuses.some((s) => s.ready)) answeredWhileIndexing++;
      await until('an index status', () => statuses.length > 0 || undefined, 300_000, server);
      if (answeredWhileIndexing > 100_000) throw new Error('indexing never finished');
    }
    assert.ok(answeredWhileIndexing > 0, 'hover and completion were answered while the workspace was being read');
    assert.equal(statuses.at(-1)!.bulletins, 10_001);
  } finally {
    await server.stop();
  }
  // A second server on the same folder is asked to shut down as soon as it starts reading:
  // the request is answered before the reading is done, and the process exits.
  const second = await startOn(ws);
  try {
    await second.server.connection.sendRequest('shutdown');
    assert.ok(!second.statuses.some((s) => s.ready && s.bulletins >= 10_000), 'shutdown answered while the workspace was still being read');
    await second.server.connection.sendNotification('exit');
    await until('the process to exit', () => second.server.child.exitCode !== null || second.server.child.signalCode !== null || undefined, 60_000);
    assert.equal(second.server.child.exitCode, 0);
  } finally {
    await second.server.stop();
    ws.dispose();
  }
});

test('include cycles of length 1, 2, 3, 10, 100 and 1,000 are each reported, none hangs the server', async () => {
  const ws = new DiskWorkspace();
  const lengths = [1, 2, 3, 10, 100, 1000];
  const idOf = (length: number, i: number) => `Q${String(length).padStart(4, '0')}-${String(i).padStart(5, '0')}`;
  for (const length of lengths) {
    for (let i = 0; i < length; i++) {
      ws.write(`${idOf(length, i)}.bulletin.yaml`, `${header(idOf(length, i))}includes: [${idOf(length, (i + 1) % length)}]\n`);
    }
  }
  const { server, statuses } = await startOn(ws);
  try {
    const total = lengths.reduce((a, b) => a + b, 0);
    await until('the index to be ready', () => statuses.find((s) => s.ready && s.bulletins === total), 180_000, server);
    for (const length of lengths) {
      const uris = Array.from({ length }, (_, i) => ws.uri(`${idOf(length, i)}.bulletin.yaml`));
      await until(
        `a supersedence-cycle finding in the cycle of length ${length}`,
        () => uris.some((uri) => server.diagnostics.get(uri)?.diagnostics.some((d) => d.code === 'supersedence-cycle')),
        60_000,
        server,
      );
    }
    // Still answering.
    const probe = ws.uri('probe.bulletin.yaml');
    server.open(probe, `${header('MS99-998')}includes: [${idOf(1000, 0)}]\n`);
    await server.waitForDiagnostics(probe, () => true, 1, 60_000);
    await hoverAnswered(server, probe);
  } finally {
    await server.stop();
    ws.dispose();
  }
});

test('symlink loops, a FIFO, a folder and a dangling link named like bulletins, non-UTF-8 bytes, files that vanish or change', async () => {
  const ws = new DiskWorkspace();
  ws.write('MS04-012.bulletin.yaml', example('MS04-012'));
  symlinkSync('.', ws.path('loop'));
  mkdirSync(ws.path('sub'));
  symlinkSync('..', ws.path('sub/back'));
  symlinkSync(ws.path('sub'), ws.path('sub/self'));
  mkdirSync(ws.path('folder.bulletin.yaml'));
  ws.write('folder.bulletin.yaml/MS04-029.bulletin.yaml', example('MS04-029'));
  symlinkSync(ws.path('nowhere'), ws.path('dangling.bulletin.yaml'));
  const fifo = spawnSync('mkfifo', [ws.path('fifo.bulletin.yaml')]);
  assert.equal(fifo.status, 0, `mkfifo: ${fifo.stderr}`);
  // Latin-1 bytes (é, ü) where UTF-8 is expected, and a lone continuation byte.
  writeFileSync(ws.path('MS04-031.bulletin.yaml'), Buffer.concat([Buffer.from(header('MS04-031')), Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xe9, 0xfc, 0x80, 0x0a])]));
  const { server, statuses } = await startOn(ws);
  try {
    const ready = await until('the index to be ready', () => statuses.find((s) => s.ready), 60_000, server);
    assert.equal(ready.bulletins, 3, 'each real bulletin once, through every loop; nothing from the FIFO, folder or dangling link');
    const latin1 = ws.uri('MS04-031.bulletin.yaml');
    const [duplicateTitle] = await server.waitForDiagnostics(latin1, (ds) => ds.some((d) => d.code === 'yaml-syntax'), undefined, 30_000);
    assert.equal(duplicateTitle.code, 'yaml-syntax');
    // A file that vanished after it was listed: the change event finds nothing to read.
    unlinkSync(ws.path('MS04-012.bulletin.yaml'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('MS04-012.bulletin.yaml'), type: 2 }] });
    await until('the vanished file to leave the index', () => statuses.at(-1)!.bulletins === 2 || undefined, 30_000, server);
    // A file that changed after it was read: the new text is checked.
    ws.write('MS04-031.bulletin.yaml', header('MS04-031'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: latin1, type: 2 }] });
    await server.waitForDiagnostics(latin1, (ds) => ds.length === 0, undefined, 30_000);
    // An event for the FIFO must not block the server on it.
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('fifo.bulletin.yaml'), type: 2 }] });
    const probe = ws.uri('probe.bulletin.yaml');
    server.open(probe, header('MS99-997'));
    await server.waitForDiagnostics(probe, () => true, 1, 30_000);
    await hoverAnswered(server, probe);
  } finally {
    await server.stop();
    ws.dispose();
  }
});

test('a 5 MB bulletin is checked, and the server answers again once it is done', async () => {
  const ws = new DiskWorkspace();
  let big = generateBulletin(20_000) as string;
  while (big.length < 5_000_000) big += `# ${'padding '.repeat(12)}\n`.repeat(1000);
  const { server } = await startOn(ws);
  try {
    const uri = ws.uri('MS04-029.bulletin.yaml');
    const probe = ws.uri('probe.bulletin.yaml');
    server.open(probe, header('MS99-996'));
    await server.waitForDiagnostics(probe, () => true, 1, 30_000);
    server.open(uri, big);
    await hoverAnswered(server, probe);
    const found = await server.waitForDiagnostics(uri, () => true, 1, 120_000);
    assert.ok(found.every((d) => d.range.start.line >= 0), JSON.stringify(found.slice(0, 3)));
    // An edit at the end of the 5 MB document is checked too.
    const lines = big.split('\n').length;
    const version = server.change(uri, [{ range: { start: { line: lines - 1, character: 0 }, end: { line: lines - 1, character: 0 } }, text: 'severty: low\n' }]);
    const after = await server.waitForDiagnostics(uri, (ds) => ds.some((d) => d.code === 'schema'), version, 120_000);
    assert.ok(after.some((d) => d.range.start.line === lines - 1));
    await hoverAnswered(server, probe);
  } finally {
    await server.stop();
    ws.dispose();
  }
});

test('closed bulletins too big for a slice of the server’s thread are read by a worker, among small ones read here', async () => {
  // Two 200 KB bulletins with one id among 300 small ones: the server's thread reads the small
  // ones between requests and leaves the big ones to the index worker (or reads them itself
  // once the worker has stopped). Every one is indexed; the duplicate id is found, on one with
  // the other related, so both were read in full.
  const ws = new DiskWorkspace();
  generateWorkspace(300, ws.folder);
  const big = generateBulletin(7_000, { id: 'MS98-001', related: [] }) as string;
  assert.ok(big.length > 128 * 1024, 'the big bulletins are bigger than the server thread reads itself');
  ws.write('big-a.bulletin.yaml', big);
  mkdirSync(ws.path('zz'));
  ws.write('zz/big-b.bulletin.yaml', big);
  const { server, statuses } = await startOn(ws);
  try {
    const ready = await until('the index to be ready', () => statuses.find((s) => s.ready && s.bulletins === 302), 120_000, server);
    assert.equal(ready.bulletins, 302);
    const found = await server.waitForDiagnostics(ws.uri('zz/big-b.bulletin.yaml'), (d) => d.some((x) => x.code === 'duplicate-id'));
    const duplicate = found.find((x) => x.code === 'duplicate-id')!;
    assert.deepEqual(duplicate.relatedInformation?.map((r) => r.location.uri), [ws.uri('big-a.bulletin.yaml')]);
  } finally {
    await server.stop();
    ws.dispose();
  }
});

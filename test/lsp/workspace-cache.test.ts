/**
 * Start-up over stdio: the warm-start cache in the storage folder the client passes
 * (`initializationOptions.storagePath`) serves unchanged files and their findings, never a
 * changed file's old model, and a corrupt cache is ignored; and no open document is told of
 * a missing reference before the workspace has been read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { rewriteCache } from '../hardening/cache-files';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { DiskWorkspace, example, startOn, superseding, until } from './workspace-helpers';
// @ts-expect-error -- a plain .mjs module without types
import { generateBulletin } from '../../bench/generate-workspace.mjs';

const codes = (ds: { code?: string | number }[]) => ds.map((d) => d.code).sort();
/** MS04-012's text as a bulletin that names a bulletin nobody has: one unresolved reference. */
const dangling = example('MS04-012').replace(/^id: MS04-012$/m, 'id: MS04-031').replace(/^platforms:$/m, 'related: [MS04-099]\nplatforms:');

async function startWithCache(ws: DiskWorkspace, storagePath: string, bulletins: number) {
  const started = await startOn(ws, { initializationOptions: { storagePath } });
  await until('the index to be ready', () => started.statuses.find((s) => s.ready && s.bulletins === bulletins), 20_000, started.server);
  return started;
}

const cacheFiles = (storage: string) => readdirSync(storage).filter((name) => name.endsWith('.cache'));

test('a second start takes unchanged models and findings from the cache, and re-reads what changed', async () => {
  const ws = new DiskWorkspace();
  const storage = mkdtempSync(join(tmpdir(), 'bulletin-storage-'));
  ws.write('MS04-012.bulletin.yaml', example('MS04-012'));
  ws.write('MS04-030.bulletin.yaml', superseding);
  ws.write('MS04-031.bulletin.yaml', dangling);
  try {
    const first = await startWithCache(ws, storage, 3);
    try {
      assert.deepEqual(codes((await first.server.waitForDiagnostics(ws.uri('MS04-031.bulletin.yaml'), (ds) => ds.length > 0))), ['unresolved-reference']);
      await until('the log line of the start', () => first.server.logs.find((l) => l.includes('workspace: 3 bulletins, 0 models from the cache')), 10_000, first.server);
      await until('the cache to be written', () => cacheFiles(storage).length === 1, 10_000, first.server);
    } finally {
      await first.server.stop();
    }

    const second = await startWithCache(ws, storage, 3);
    try {
      await until('models and findings from the cache', () => second.server.logs.find((l) => l.includes('workspace: 3 bulletins, 3 models from the cache, findings from the cache')), 10_000, second.server);
      const restored = await second.server.waitForDiagnostics(ws.uri('MS04-031.bulletin.yaml'), (ds) => ds.length > 0);
      assert.deepEqual(codes(restored), ['unresolved-reference']);
      assert.match(restored[0].message as string, /MS04-099/);
      assert.equal(second.server.diagnostics.get(ws.uri('MS04-030.bulletin.yaml')), undefined, 'a clean file gets nothing');
    } finally {
      await second.server.stop();
    }

    // MS04-012 goes: MS04-030 now includes a bulletin nobody has. The cached findings are stale.
    unlinkSync(ws.path('MS04-012.bulletin.yaml'));
    const third = await startWithCache(ws, storage, 2);
    try {
      const log = await until('the log line of the start', () => third.server.logs.find((l) => l.includes('workspace: 2 bulletins')), 10_000, third.server);
      assert.ok(!log.includes('findings from the cache'), log);
      assert.deepEqual(codes(await third.server.waitForDiagnostics(ws.uri('MS04-030.bulletin.yaml'), (ds) => ds.length > 0)), ['unresolved-reference']);
    } finally {
      await third.server.stop();
    }

    // A changed text of the same size is read again (its mtime moved), not served from the cache.
    writeFileSync(ws.path('MS04-031.bulletin.yaml'), dangling.replace('MS04-099', 'MS04-098'));
    const fourth = await startWithCache(ws, storage, 2);
    try {
      const [finding] = await fourth.server.waitForDiagnostics(ws.uri('MS04-031.bulletin.yaml'), (ds) => ds.length > 0 && /MS04-098/.test(ds[0].message as string));
      assert.equal(finding.code, 'unresolved-reference');
    } finally {
      await fourth.server.stop();
    }
  } finally {
    ws.dispose();
    rmSync(storage, { recursive: true, force: true });
  }
});

test('closed bulletins read their records back from the cache file when a check needs them, and from their own files once it is damaged in place', async () => {
  const ws = new DiskWorkspace();
  const storage = mkdtempSync(join(tmpdir(), 'bulletin-storage-'));
  ws.write('MS04-012.bulletin.yaml', example('MS04-012'));
  ws.write('MS04-030.bulletin.yaml', superseding);
  const uri = ws.uri('MS04-030.bulletin.yaml');
  // MS04-030 opened without rpcproxy.dll, then without rpcss.exe too: what it lacks is read from MS04-012's record.
  const without = (text: string, file: string) => text.replace(new RegExp(`      - name: ${file.replace('.', '\\.')}\\n(?:        .*\\n)+`, 'g'), '');
  const versions = [without(superseding, 'rpcproxy.dll'), without(without(superseding, 'rpcproxy.dll'), 'rpcss.exe')];
  const shown = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line} ${d.code} ${d.message}`).sort();
  const lacking = (file: string) => (ds: Diagnostic[]) => ds.some((d) => String(d.message).includes(`lacks ${file}`));
  const typeInto = async (server: Awaited<ReturnType<typeof startWithCache>>['server']) => {
    server.open(uri, versions[0]);
    const first = shown(await server.waitForDiagnostics(uri, lacking('rpcproxy.dll')));
    const version = server.change(uri, [{ text: versions[1] }]);
    return [first, shown(await server.waitForDiagnostics(uri, lacking('rpcss.exe'), version))];
  };
  const warmStart = async () => {
    const warm = await startWithCache(ws, storage, 2);
    await until('models and findings from the cache', () => warm.server.logs.find((l) => l.includes('workspace: 2 bulletins, 2 models from the cache, findings from the cache')), 10_000, warm.server);
    return warm.server;
  };
  const fromFile = /cannot be read back from the cache file \(.+\); such records are read from their bulletins/;
  try {
    const cold = await startWithCache(ws, storage, 2);
    let expected: string[][];
    try {
      await until('the cache to be written', () => cacheFiles(storage).length === 1, 10_000, cold.server);
      // Nothing is shown for the closed files, so nothing reads MS04-012's record at a warm start before MS04-030 is opened.
      assert.deepEqual([cold.server.diagnostics.get(ws.uri('MS04-012.bulletin.yaml')) ?? [], cold.server.diagnostics.get(uri) ?? []], [[], []]);
      expected = await typeInto(cold.server);
    } finally {
      await cold.server.stop();
    }
    const warm = await warmStart();
    try {
      assert.deepEqual(await typeInto(warm), expected, 'MS04-012’s record read back from the cache');
      assert.ok(!warm.logs.some((l) => fromFile.test(l)), warm.logs.join('\n'));
    } finally {
      await warm.stop();
    }
    const damaged = await warmStart();
    try {
      // Every byte of the records zeroed where they lie (the same length), after the start read them.
      const path = join(storage, cacheFiles(storage)[0]);
      const size = statSync(path).size;
      writeFileSync(path, Buffer.concat([readFileSync(path).subarray(0, 200), Buffer.alloc(size - 200)]));
      assert.deepEqual(await typeInto(damaged), expected, 'MS04-012’s record read from its file');
      assert.equal(damaged.logs.filter((l) => fromFile.test(l)).length, 1, damaged.logs.join('\n'));
    } finally {
      await damaged.stop();
    }
  } finally {
    ws.dispose();
    rmSync(storage, { recursive: true, force: true });
  }
});

test('a corrupt or truncated cache is ignored and written again', async () => {
  const ws = new DiskWorkspace();
  const storage = mkdtempSync(join(tmpdir(), 'bulletin-storage-'));
  ws.write('MS04-012.bulletin.yaml', example('MS04-012'));
  ws.write('MS04-031.bulletin.yaml', dangling);
  try {
    const first = await startWithCache(ws, storage, 2);
    await until('the cache to be written', () => cacheFiles(storage).length === 1, 10_000, first.server);
    await first.server.stop();
    const [name] = cacheFiles(storage);
    for (const garbage of [Buffer.from('not a cache at all'), Buffer.from([255, 255, 255, 127, 1, 2, 3]), Buffer.alloc(0)]) {
      writeFileSync(join(storage, name), garbage);
      const again = await startWithCache(ws, storage, 2);
      try {
        assert.deepEqual(codes(await again.server.waitForDiagnostics(ws.uri('MS04-031.bulletin.yaml'), (ds) => ds.length > 0)), ['unresolved-reference']);
        await until('the log line of the start', () => again.server.logs.find((l) => l.includes('workspace: 2 bulletins, 0 models from the cache')), 10_000, again.server);
        await until('the cache to be written again', () => cacheFiles(storage).length === 1, 10_000, again.server);
      } finally {
        await again.server.stop();
      }
    }
  } finally {
    ws.dispose();
    rmSync(storage, { recursive: true, force: true });
  }
});

test('a wrong-shaped cache behind valid checksums, or a FIFO in its place: ready, the open bulletin’s errors shown, one line logged, the cache written anew', async () => {
  const ws = new DiskWorkspace();
  const storage = mkdtempSync(join(tmpdir(), 'bulletin-storage-'));
  ws.write('MS04-012.bulletin.yaml', example('MS04-012'));
  ws.write('MS04-031.bulletin.yaml', dangling);
  const broken = `${example('MS04-012').replace(/^id: MS04-012$/m, 'id: MS04-032')}\nseverty: low\nurgncy: x\n`;
  ws.write('MS04-032.bulletin.yaml', broken);
  try {
    const first = await startWithCache(ws, storage, 3);
    await until('the cache to be written', () => cacheFiles(storage).length === 1, 10_000, first.server);
    await first.server.stop();
    const path = join(storage, cacheFiles(storage)[0]);
    const damages: [string, () => Promise<void> | void][] = [
      ['"problems": 12', () => rewriteCache(path, (value, i) => i > 0 && (value.problems = 12))],
      ['a key renamed', () => rewriteCache(path, (value, i) => {
        if (i === 1) {
          value.uri2 = value.uri;
          delete value.uri;
        }
      })],
      ['a FIFO', () => {
        rmSync(path);
        execFileSync('mkfifo', [path]);
      }],
    ];
    for (const [name, damage] of damages) {
      await damage();
      const again = await startWithCache(ws, storage, 3);
      try {
        again.server.open(ws.uri('MS04-032.bulletin.yaml'), broken);
        const shown = await again.server.waitForDiagnostics(ws.uri('MS04-032.bulletin.yaml'), (ds) => ds.length >= 2);
        assert.deepEqual(codes(shown), ['schema', 'schema'], name);
        assert.deepEqual(codes(await again.server.waitForDiagnostics(ws.uri('MS04-031.bulletin.yaml'), (ds) => ds.length > 0)), ['unresolved-reference'], name);
        await until('one line saying the cache was discarded', () => again.server.logs.filter((l) => l.includes('the cache was discarded')).length === 1, 10_000, again.server);
        await until('the cache to be written anew', () => cacheFiles(storage).length === 1 && statSync(path).isFile(), 10_000, again.server);
      } finally {
        await again.server.stop();
      }
    }
    const last = await startWithCache(ws, storage, 3);
    try {
      await until('the rewritten cache to be used', () => last.server.logs.find((l) => l.includes('workspace: 3 bulletins, 3 models from the cache')), 10_000, last.server);
    } finally {
      await last.server.stop();
    }
  } finally {
    ws.dispose();
    rmSync(storage, { recursive: true, force: true });
  }
});

test('a document opened before the workspace is read is never told its related bulletin is missing', async () => {
  const ws = new DiskWorkspace();
  // Enough files that the scan is still running when the document opens.
  for (let i = 0; i < 300; i++) ws.write(`G${i}.bulletin.yaml`, generateBulletin(i + 1, 1000) as string);
  ws.write('MS04-012.bulletin.yaml', example('MS04-012'));
  const { server, statuses } = await startOn(ws);
  const uri = ws.uri('MS04-029.bulletin.yaml');
  const published: PublishDiagnosticsParams[] = [];
  server.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    server.diagnostics.set(params.uri, params);
    if (params.uri === uri) published.push(params);
  });
  try {
    // MS04-029 relates to MS04-012, a closed file on disk; it is opened at once.
    server.open(uri, example('MS04-029'));
    await until('the index to be ready', () => statuses.find((s) => s.ready && s.bulletins === 302), 30_000, server);
    await until('a publish for the open document', () => published.length > 0, 10_000, server);
    for (const params of published) {
      assert.ok(!params.diagnostics.some((d) => d.code === 'unresolved-reference'), `published: ${JSON.stringify(params.diagnostics)}`);
    }
    assert.deepEqual(published.at(-1)!.diagnostics, []);
  } finally {
    await server.stop();
    ws.dispose();
  }
});

/**
 * Issue 17, item 5: a catastrophic `bulletin.idPattern` (`^(a+)+$`, exponential on 30 `a`s and
 * a `b`) hangs nothing: the server says so once and checks ids with the format's pattern; the
 * CLI refuses `--id-pattern` with one line and exit 2. A safe custom pattern still applies.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ServerProcess, root } from '../lsp/server-process';
import { DiskWorkspace, until } from '../lsp/workspace-helpers';

const cli = join(root, 'dist', 'cli.js');
const attack = `${'a'.repeat(30)}b`;
const bulletin = (id: string) => `bulletin: 1\nid: ${id}\ntitle: T\npublished: 2004-10-16\nseverity: important\n`;

test('server: ^(a+)+$ is refused with a message, the format\'s pattern is used, and the server answers at once', async () => {
  const server = await ServerProcess.start({ settings: { idPattern: '^(a+)+$' } });
  try {
    const uri = 'file:///ws/attack.bulletin.yaml';
    server.open(uri, bulletin(attack));
    const diagnostics = await server.waitForDiagnostics(uri, (ds) => ds.length > 0, 1, 30_000);
    assert.ok(diagnostics.some((d) => d.code === 'schema' && d.range.start.line === 1), 'the id is judged by the format\'s pattern');
    await until('the refusal in the log', () => server.logs.some((line) => line.includes('bulletin.idPattern "^(a+)+$" can take exponential time')), 10_000, server);
    // A safe custom pattern is applied.
    await server.changeSettings({ idPattern: '^[a-z]+$' });
    await server.waitForDiagnostics(uri, (ds) => !ds.some((d) => d.range.start.line === 1), undefined, 30_000);
  } finally {
    await server.stop();
  }
});

test('CLI: --id-pattern ^(a+)+$ exits 2 with one line; a safe pattern is used', () => {
  const ws = new DiskWorkspace();
  try {
    ws.write('attack.bulletin.yaml', bulletin(attack));
    const r = spawnSync(process.execPath, [cli, 'check', '--id-pattern', '^(a+)+$', '.'], { cwd: ws.folder, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.error, undefined, 'the CLI finished');
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /^bulletin: --id-pattern can take exponential time to match/);
    const safe = spawnSync(process.execPath, [cli, 'check', '--id-pattern', '^a+b$', '.'], { cwd: ws.folder, encoding: 'utf8', timeout: 60_000 });
    assert.equal(safe.status, 0, safe.stdout + safe.stderr);
  } finally {
    ws.dispose();
  }
});

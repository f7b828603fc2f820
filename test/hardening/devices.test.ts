/**
 * Issue 17, item 4: devices and pipes on every read path. A `*.bulletin.yaml` link to
 * /dev/zero or a FIFO reported by the file watcher is refused without being read (the next
 * file in the same event is indexed: the watcher's loop is not stuck on it); the CLI given a
 * FIFO or /dev/zero by name says why it cannot read it and exits 2 at once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { DiskWorkspace, example, startOn, until } from '../lsp/workspace-helpers';
import { root } from '../lsp/server-process';
import { nodeRuntime } from '../../server/src/lsp/node-runtime';

const cli = join(root, 'dist', 'cli.js');

function mkfifo(path: string): void {
  const made = spawnSync('mkfifo', [path], { encoding: 'utf8' });
  assert.equal(made.status, 0, `mkfifo: ${made.stderr}`);
}

test('server: a link to /dev/zero and a FIFO reported by the watcher are refused, the file after them is indexed', async () => {
  const ws = new DiskWorkspace();
  ws.write('MS04-012.bulletin.yaml', example('MS04-012'));
  const { server, statuses } = await startOn(ws);
  try {
    await until('the index to be ready', () => statuses.find((s) => s.ready && s.bulletins === 1), 30_000, server);
    symlinkSync('/dev/zero', ws.path('zero.bulletin.yaml'));
    mkfifo(ws.path('fifo.bulletin.yaml'));
    ws.write('MS04-029.bulletin.yaml', example('MS04-029'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: ws.uri('zero.bulletin.yaml'), type: 1 },
        { uri: ws.uri('fifo.bulletin.yaml'), type: 1 },
        { uri: ws.uri('MS04-029.bulletin.yaml'), type: 1 },
      ],
    });
    await until('MS04-029 to be indexed after the device and the pipe', () => statuses.at(-1)!.ready && statuses.at(-1)!.bulletins === 2 || undefined, 30_000, server);
    // Opened and closed again: the closed document goes back to the disk, which is refused again.
    server.open(ws.uri('zero.bulletin.yaml'), 'bulletin: 1\n');
    server.close(ws.uri('zero.bulletin.yaml'));
    const index = await server.connection.sendRequest('bulletin/index', {});
    assert.ok(index, 'the server answers');
    assert.equal(server.child.exitCode, null);
  } finally {
    await server.stop();
    ws.dispose();
  }
});

test('CLI: a FIFO and /dev/zero given by name are refused at once with the reason, exit 2', () => {
  const ws = new DiskWorkspace();
  try {
    ws.write('MS04-012.bulletin.yaml', example('MS04-012'));
    mkfifo(ws.path('fifo.bulletin.yaml'));
    const r = spawnSync(process.execPath, [cli, 'check', 'fifo.bulletin.yaml', '/dev/zero', 'MS04-012.bulletin.yaml'], { cwd: ws.folder, encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.error, undefined, 'the CLI finished');
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /cannot read fifo\.bulletin\.yaml: not a regular file/);
    assert.match(r.stderr, /cannot read .*dev\/zero: not a regular file/);
    assert.match(r.stdout, /1 bulletin checked: 0 errors/);
  } finally {
    ws.dispose();
  }
});

test('server runtime: reading a file at once (rename, CSAF) refuses a FIFO and /dev/zero instead of blocking, and reads a bulletin', () => {
  const ws = new DiskWorkspace();
  try {
    ws.write('MS04-012.bulletin.yaml', example('MS04-012'));
    mkfifo(ws.path('fifo.bulletin.yaml'));
    const { files } = nodeRuntime(join(root, 'dist'));
    assert.equal(files.readNow(ws.path('fifo.bulletin.yaml')), undefined);
    assert.equal(files.readNow('/dev/zero'), undefined);
    assert.equal(files.readNow(ws.path('MS04-012.bulletin.yaml')), example('MS04-012'));
    assert.equal(files.readNow(ws.path('gone.bulletin.yaml')), undefined);
  } finally {
    ws.dispose();
  }
});

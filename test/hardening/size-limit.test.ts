/**
 * Issue 17, item 1: a bulletin above the size limit (`bulletin.maxFileSize`, CLI
 * `--max-file-size`, default 8 MiB) is not parsed and gets one finding on its first line, in the
 * server and the CLI alike; a file at the limit is read and checked as usual.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiskWorkspace, example, startOn, until } from '../lsp/workspace-helpers';
import { root } from '../lsp/server-process';
import { DEFAULT_MAX_FILE_SIZE } from '../../server/src/io/bounded-read';

const cli = join(root, 'dist', 'cli.js');
const runCli = (args: string[], cwd: string) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });

/** Two copies of MS04-012 under other ids: `at.bulletin.yaml` of exactly `limit` bytes, `over.bulletin.yaml` one byte more. */
function atAndOver(ws: DiskWorkspace): number {
  const text = (id: string) => example('MS04-012').replace(/^id: MS04-012$/m, `id: ${id}`);
  ws.write('at.bulletin.yaml', text('MS04-901'));
  ws.write('over.bulletin.yaml', text('MS04-902') + '\n');
  return statSync(ws.path('at.bulletin.yaml')).size;
}

test('server: a closed file one byte over bulletin.maxFileSize gets one finding on its first line; a file at the limit is checked', async () => {
  const ws = new DiskWorkspace();
  const limit = atAndOver(ws);
  const { server, statuses } = await startOn(ws, { settings: { maxFileSize: limit } });
  try {
    await until('the index to be ready', () => statuses.find((s) => s.ready && s.bulletins === 2), 60_000, server);
    const over = await server.waitForDiagnostics(ws.uri('over.bulletin.yaml'), (ds) => ds.length > 0, undefined, 30_000);
    assert.equal(over.length, 1, JSON.stringify(over));
    assert.equal(over[0].code, 'yaml-syntax');
    assert.equal(over[0].range.start.line, 0);
    assert.equal(over[0].range.end.line, 0);
    assert.match(String(over[0].message), new RegExp(`${limit + 1} bytes, larger than the size limit of ${limit} bytes`));
    const at = server.diagnostics.get(ws.uri('at.bulletin.yaml'));
    assert.deepEqual(at?.diagnostics ?? [], [], 'the file at the limit is read and checked: clean');
  } finally {
    await server.stop();
    ws.dispose();
  }
});

test('server: with the default limit, a file over 8 MiB is not parsed and does not take the server down', async () => {
  const ws = new DiskWorkspace();
  ws.write('MS04-012.bulletin.yaml', example('MS04-012'));
  // One long comment line: well-formed YAML the parser would read (and keep) in full.
  writeFileSync(ws.path('huge.bulletin.yaml'), `# ${'x'.repeat(DEFAULT_MAX_FILE_SIZE)}\n${example('MS04-029')}`);
  const { server, statuses } = await startOn(ws);
  try {
    await until('the index to be ready', () => statuses.find((s) => s.ready && s.bulletins === 2), 60_000, server);
    const [finding, ...rest] = await server.waitForDiagnostics(ws.uri('huge.bulletin.yaml'), (ds) => ds.length > 0, undefined, 30_000);
    assert.deepEqual(rest, []);
    assert.match(String(finding.message), /larger than the size limit of 8388608 bytes/);
    assert.equal(server.child.exitCode, null, 'the server is still running');
  } finally {
    await server.stop();
    ws.dispose();
  }
});

test('CLI: --max-file-size and the default limit give the same one finding; a file at the limit is checked', () => {
  const ws = new DiskWorkspace();
  try {
    const limit = atAndOver(ws);
    const r = runCli(['check', '--max-file-size', String(limit), '.'], ws.folder);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 2, r.stdout);
    assert.match(lines[0], new RegExp(`^over\\.bulletin\\.yaml:1:1 error yaml-syntax This file is ${limit + 1} bytes, larger than the size limit of ${limit} bytes`));
    assert.match(lines[1], /^2 bulletins checked: 1 error, 0 warnings/);
    const bad = runCli(['check', '--max-file-size', '8MB', '.'], ws.folder);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--max-file-size takes a positive whole number of bytes, not 8MB/);
    writeFileSync(ws.path('huge.bulletin.yaml'), `# ${'x'.repeat(DEFAULT_MAX_FILE_SIZE)}\n`);
    const huge = runCli(['check', 'huge.bulletin.yaml'], ws.folder);
    assert.equal(huge.status, 1, huge.stdout + huge.stderr);
    assert.match(huge.stdout, /^huge\.bulletin\.yaml:1:1 error yaml-syntax .*larger than the size limit of 8388608 bytes/);
  } finally {
    ws.dispose();
  }
});

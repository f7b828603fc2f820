/**
 * Issue 17, item 3: links out of the workspace. Links to /proc, to / and to a folder outside
 * the workspace are not followed (a link inside it is), by the server and the CLI alike, and
 * the status and the CLI's summary say how many were skipped; `bulletin.followLinksOutside`
 * widens that to the outside folder but never into /proc.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskWorkspace, example, startOn, until } from '../lsp/workspace-helpers';
import { root } from '../lsp/server-process';

const cli = join(root, 'dist', 'cli.js');

/** A workspace with MS04-012 in `inside/` (also reached by a link inside), links to /proc, / and to an outside folder holding MS04-029. */
function linkedWorkspace(): { ws: DiskWorkspace; outside: string } {
  const ws = new DiskWorkspace();
  const outside = mkdtempSync(join(tmpdir(), 'bulletin-outside-'));
  writeFileSync(join(outside, 'MS04-029.bulletin.yaml'), example('MS04-029'));
  mkdirSync(ws.path('inside'));
  ws.write('inside/MS04-012.bulletin.yaml', example('MS04-012'));
  symlinkSync(ws.path('inside'), ws.path('same-folder'));
  symlinkSync('/proc', ws.path('proc'));
  symlinkSync('/', ws.path('root'));
  symlinkSync(outside, ws.path('outside'));
  return { ws, outside };
}

test('server: links to /proc, / and outside the folder are skipped and counted; the setting follows the outside one only', async () => {
  const { ws, outside } = linkedWorkspace();
  try {
    const { server, statuses } = await startOn(ws);
    try {
      const ready = await until('the index to be ready', () => statuses.find((s) => s.ready), 60_000, server);
      assert.equal(ready.bulletins, 1, 'only MS04-012, once');
      assert.equal(ready.skippedLinks, 3);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(ws.path('root')); // never walked by the wider setting below
    const wide = await startOn(ws, { settings: { followLinksOutside: true } });
    try {
      const ready = await until('the index to be ready', () => wide.statuses.find((s) => s.ready), 60_000, wide.server);
      assert.equal(ready.bulletins, 2, 'MS04-012 and, through the link, MS04-029');
      assert.equal(ready.skippedLinks, 1, '/proc stays out');
    } finally {
      await wide.server.stop();
      ws.dispose();
      rmSync(outside, { recursive: true, force: true });
    }
  }
});

test('CLI: the same links are skipped under a folder argument and the summary says how many', () => {
  const { ws, outside } = linkedWorkspace();
  try {
    const r = spawnSync(process.execPath, [cli, 'check', '.'], { cwd: ws.folder, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.error, undefined, 'the CLI finished');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, '1 bulletin checked: 0 errors, 0 warnings, 0 other.\n3 symbolic links not followed (target outside the folder given, or in /proc, /sys or /dev).\n');
    const json = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '.'], { cwd: ws.folder, encoding: 'utf8', timeout: 60_000 });
    assert.equal(JSON.parse(json.stdout).skippedLinks, 3);
  } finally {
    ws.dispose();
    rmSync(outside, { recursive: true, force: true });
  }
});

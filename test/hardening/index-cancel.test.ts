/**
 * Indexing can be cancelled by the user: the scan shows work-done progress with a Cancel
 * button; cancelling stops it between files, keeps what was read, says so in the status, and
 * leaves the cross-file checks off (they would name bulletins not read yet) until
 * `bulletin/reindex` reads the workspace again.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { DiskWorkspace, example, startOn, until } from '../lsp/workspace-helpers';
import { rules } from '../../server/src/core/rules';
import type { ServerProcess } from '../lsp/server-process';
// @ts-expect-error: a plain ES module shared with the benchmarks, without type declarations
import { generateWorkspace } from '../../bench/generate-workspace.mjs';

const N = 1500;
const workspace = new DiskWorkspace();
generateWorkspace(N - 1, workspace.folder);
// MS04-029 names MS04-012, which this workspace does not have: an unresolved reference, once every bulletin is read.
workspace.write('zz-MS04-029.bulletin.yaml', example('MS04-029'));
const servers: ServerProcess[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  workspace.dispose();
});

const crossFile = new Set(rules.filter((rule) => rule.crossFile).map((rule) => rule.code));

test('cancelling the indexing progress stops the scan; a re-index reads the rest and the cross-file checks come back', async () => {
  const started = await startOn(workspace, {
    capabilities: {
      window: { workDoneProgress: true },
      workspace: { configuration: true },
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
    },
  });
  const server = started.server;
  servers.push(server);
  const { statuses } = started;
  const progress = server.progress;
  const begin = await until('the indexing progress', () => progress.find((p) => p.value.kind === 'begin'), 30_000, server);
  assert.equal(begin.value.cancellable, true);
  await server.connection.sendNotification('window/workDoneProgress/cancel', { token: begin.token });

  const cancelled = await until('a cancelled status', () => statuses.find((s) => s.cancelled), 60_000, server);
  assert.ok(cancelled.bulletins < N, `${cancelled.bulletins} of ${N} read before the cancel took effect`);
  assert.equal(cancelled.ready, false);
  await until('the progress to end', () => progress.some((p) => p.token === begin.token && p.value.kind === 'end'), 10_000, server);
  const crossFileFindings = () => [...server.diagnostics.values()].flatMap((p) => p.diagnostics).filter((d) => crossFile.has(String(d.code)));
  assert.deepEqual(crossFileFindings(), [], 'no cross-file finding from a partial index');

  const before = statuses.length;
  await server.connection.sendRequest('bulletin/reindex');
  const done = await until('the re-indexed status', () => statuses.slice(before).find((s) => s.ready && s.bulletins === N), 120_000, server);
  assert.equal(done.cancelled, undefined);
  await until('the unresolved reference of MS04-029', () => server.diagnostics.get(workspace.uri('zz-MS04-029.bulletin.yaml'))?.diagnostics.some((d) => d.code === 'unresolved-reference'), 30_000, server);
  const second = progress.filter((p) => p.value.kind === 'begin');
  assert.equal(second.length, 2, 'the re-index shows its own progress');
  assert.ok(progress.some((p) => p.token === second[1].token && p.value.kind === 'end'));
});

test('bulletin/cancelIndexing (the status bar and command in VS Code, whose window progress has no Cancel button) stops the scan too', async () => {
  const { server, statuses } = await startOn(workspace);
  servers.push(server);
  // Asked until a scan is there to cancel: the server first reads its settings.
  let cancelled = false;
  const deadline = Date.now() + 30_000;
  while (!cancelled && Date.now() < deadline && !statuses.some((s) => s.ready)) {
    cancelled = (await server.connection.sendRequest('bulletin/cancelIndexing')) as boolean;
  }
  assert.ok(cancelled, 'the request reached the scan while it was reading');
  const status = await until('the cancelled status', () => statuses.find((s) => s.cancelled), 60_000, server);
  assert.ok(status.bulletins < N, `${status.bulletins} of ${N}`);
  assert.equal(await server.connection.sendRequest('bulletin/cancelIndexing'), false, 'nothing left to cancel');
});

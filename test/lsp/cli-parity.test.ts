/**
 * The CLI `check` and the language server run the same index and rules: over the same folder,
 * the server's published diagnostics, written in the CLI's JSON shape, are exactly the CLI's
 * `--format json` findings (place, code, severity, message, related locations). Every fixture
 * workspace, each raising its rule, traps included.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { root, ServerProcess } from './server-process';
import { until } from './workspace-helpers';
import type { IndexStatus } from '../../server/src/protocol';
import type { Finding } from '../../server/src/cli/check';

const fixtures = join(root, 'test', 'fixtures', 'workspaces');
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

function cliFindings(folder: string): { files: number; findings: Finding[] } {
  const run = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '--format', 'json', '.'], { cwd: folder, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return JSON.parse(run.stdout);
}

function asFinding(folder: string, uri: string, d: Diagnostic): Finding {
  const file = (target: string) => relative(folder, fileURLToPath(target));
  return {
    file: file(uri),
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    code: String(d.code),
    severity: SEVERITY[d.severity ?? 1] as Finding['severity'],
    message: typeof d.message === 'string' ? d.message : d.message.value,
    related: (d.relatedInformation ?? []).map((r) => ({ file: file(r.location.uri), line: r.location.range.start.line + 1, column: r.location.range.start.character + 1, message: r.message })),
  };
}

const byPlace = (a: Finding, b: Finding) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code) || a.message.localeCompare(b.message);

test('the server and the CLI find the same, in the same places, over every fixture workspace', async () => {
  const folders = readdirSync(fixtures, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(fixtures, e.name));
  let compared = 0;
  for (const folder of folders) {
    const cli = cliFindings(folder);
    const server = await ServerProcess.start({ workspaceFolders: [folder] });
    const statuses: IndexStatus[] = [];
    server.connection.onNotification('bulletin/status', (status: IndexStatus) => void statuses.push(status));
    try {
      await until(`${folder} to be checked`, () => statuses.find((s) => s.ready && s.bulletins === cli.files && s.findings === cli.findings.length), 10_000, server);
      const served = [...server.diagnostics.entries()].flatMap(([uri, params]) => params.diagnostics.map((d) => asFinding(folder, uri, d)));
      assert.deepEqual(served.sort(byPlace), [...cli.findings].sort(byPlace), relative(root, folder));
      compared += served.length;
    } finally {
      await server.stop();
    }
  }
  assert.ok(compared > 20, `${compared} findings compared`);
});

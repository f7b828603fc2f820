/**
 * Neovim 0.7 (Debian) as an LSP client of the same `dist/server.js --stdio`: the diagnostics
 * it reads back through vim.diagnostic.get() and the completion items it receives must be the
 * ones the server gives VS Code, which shows the server is editor-agnostic. nvim and the server
 * it starts are stopped by PID, even when the check fails.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../scripts/e2e/lib/paths';
import { poll, stopGroup, track, waitFor } from '../../../scripts/e2e/lib/processes';
import { prepareWorkspace } from '../../../scripts/e2e/lib/workspace';

interface NeovimDiagnostic {
  lnum: number;
  col: number;
  end_col: number;
  severity: number;
  code?: string;
  message: string;
}

interface NeovimResult {
  diagnostics: NeovimDiagnostic[];
  completion: string[];
  errors: string[];
  server_pid?: number;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function runNeovimCheck(outDir: string, serverPath = join(repoRoot, 'dist', 'server.js')): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const workspace = prepareWorkspace(join(outDir, 'workspace'));
  const file = join(workspace, 'faults', 'MS99-001.bulletin.yaml');
  const resultFile = join(outDir, 'result.json');
  const child = spawn('nvim', ['--headless', '--clean', '-c', `luafile ${join(__dirname, 'lsp-client.lua')}`, file], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, BULLETIN_SERVER: serverPath, BULLETIN_ROOT: workspace, BULLETIN_RESULT: resultFile, BULLETIN_EXPECT_DIAGNOSTICS: '2' },
  });
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  if (child.pid === undefined) {
    await poll(() => spawnError !== undefined, 5_000, 50);
    throw new Error(`nvim did not start (${spawnError?.message ?? 'unknown'}); install Debian's neovim (scripts/debian-packages.txt)`);
  }
  const pid = track(child.pid, 'nvim');
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  let exitCode: number | null | undefined;
  child.once('exit', (code) => (exitCode = code));
  let result: NeovimResult | undefined;
  try {
    await waitFor('nvim to finish (log: stderr below)', () => exitCode !== undefined, 90_000);
    assert.ok(existsSync(resultFile), `nvim wrote no result (exit ${exitCode}): ${stderr}`);
    result = JSON.parse(readFileSync(resultFile, 'utf8')) as NeovimResult;
  } finally {
    await stopGroup(pid);
    // The server is nvim's child; nvim stops it on exit, and a straggler is stopped by PID.
    const serverPid = result?.server_pid;
    if (serverPid && !(await poll(() => !alive(serverPid), 5_000, 100))) {
      process.kill(serverPid, 'SIGKILL');
      assert.fail(`the language server (PID ${serverPid}) outlived nvim`);
    }
  }
  assert.deepEqual(result.errors, [], 'the lua client met no error');
  assert.equal(exitCode, 0, `nvim exit code; stderr: ${stderr}`);

  assert.equal(result.diagnostics.length, 2, `exactly the fixture's two findings: ${JSON.stringify(result.diagnostics)}`);
  const severity = result.diagnostics.find((d) => d.message.includes('`severity`'));
  assert.ok(severity, `the severity finding arrives in Neovim: ${JSON.stringify(result.diagnostics)}`);
  assert.deepEqual([severity.lnum, severity.col, severity.end_col, severity.severity, severity.code], [8, 10, 16, 1, 'schema']);
  const unknownKey = result.diagnostics.find((d) => d.message.includes('summry'));
  assert.ok(unknownKey, 'the unknown-key finding arrives in Neovim');
  assert.deepEqual([unknownKey.lnum, unknownKey.col, unknownKey.code], [9, 0, 'schema']);

  // Ids of the other bulletins of the workspace; not its own id, not an id already listed.
  assert.ok(result.completion.includes('MS04-012'), `completion offers MS04-012: ${JSON.stringify(result.completion)}`);
  assert.ok(result.completion.includes('MS99-002'), 'completion offers MS99-002');
  assert.ok(!result.completion.includes('MS99-001'), 'completion does not offer the bulletin its own id');
  assert.ok(!result.completion.includes('MS04-029'), 'completion does not offer an id already listed');
  console.log(`  Neovim: ${result.diagnostics.length} diagnostics, ${result.completion.length} completion items (${result.completion.join(', ')})`);
}

/**
 * The standard entry point: @vscode/test-electron's runTests() starts "VS Code" with the
 * extension and the in-host suite. Here that executable is the code-server stand-in
 * (scripts/e2e/code); BULLETIN_VSCODE=download lets runTests download a desktop VS Code where
 * that is possible, and BULLETIN_VSCODE=/path/to/code uses an installed one.
 */
import { runTests } from '@vscode/test-electron';
import { join } from 'node:path';
import { buildSuite } from './build-suite';
import { repoRoot, suiteEntry } from './paths';

export interface SuiteRun {
  extensionDevelopmentPath: string;
  workspace: string;
  userDataDir: string;
  extensionsDir: string;
  env?: Record<string, string>;
}

export function vscodeExecutable(): string | undefined {
  const choice = process.env.BULLETIN_VSCODE;
  if (choice === 'download') return undefined;
  return choice || join(repoRoot, 'scripts', 'e2e', 'code');
}

/** Resolves when every test passed; rejects (TestRunFailedError) otherwise. */
export async function runSuite(run: SuiteRun): Promise<void> {
  await buildSuite();
  const executable = vscodeExecutable();
  await runTests({
    ...(executable ? { vscodeExecutablePath: executable } : { version: 'stable' }),
    extensionDevelopmentPath: run.extensionDevelopmentPath,
    extensionTestsPath: suiteEntry,
    // Trust off, as code-server runs (lib/code-server.ts): the workspace counts as trusted, so git runs.
    launchArgs: [run.workspace, `--user-data-dir=${run.userDataDir}`, `--extensions-dir=${run.extensionsDir}`, '--disable-workspace-trust'],
    extensionTestsEnv: run.env,
  });
}

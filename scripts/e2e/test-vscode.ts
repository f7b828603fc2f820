/**
 * `npm run test:vscode`: the extension's own suite in a real VS Code extension host, through
 * the standard @vscode/test-electron entry point, on the working tree (dist/ must be built).
 */
import { join } from 'node:path';
import { outputDir, repoRoot } from './lib/paths';
import { runSuite } from './lib/run-suite';
import { prepareWorkspace, suiteWorkspace } from './lib/workspace';

async function main(): Promise<void> {
  const home = join(outputDir, 'test-vscode');
  await runSuite({
    extensionDevelopmentPath: repoRoot,
    workspace: prepareWorkspace(join(home, 'workspace'), suiteWorkspace),
    userDataDir: join(home, 'user-data'),
    extensionsDir: join(home, 'extensions'),
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

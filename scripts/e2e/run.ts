/**
 * `npm run test:e2e`: the extension proven in real editors.
 *  1. installs code-server + Node 24 (pinned, from the npm registry) into the cache;
 *  2. packages the .vsix and installs it into a fresh code-server;
 *  3. runs the extension's own mocha suite in that code-server's extension host through
 *     @vscode/test-electron's runTests() and the code-server stand-in;
 *  4. checks what only the screen shows (Problems panel, preview, its change marks) through the workbench UI;
 *  5. attaches dist/server.js to Neovim as a second, unrelated LSP client.
 * Every process started is stopped by its PID at the end, even on failure. Output, logs and
 * screenshots go to test-output/e2e/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbench } from '../../test/e2e/ui/workbench';
import { changeMarksWorkspace, checkChangeMarks } from '../../test/e2e/ui/change-marks';
import { runNeovimCheck } from '../../test/e2e/neovim/run';
import { launchBrowser, type LaunchedBrowser } from './lib/browser';
import { installExtension, startCodeServer, type CodeServer } from './lib/code-server';
import { workbenchUrl } from './lib/extension-tests';
import { extensionId, outputDir, repoRoot } from './lib/paths';
import { stopAll, stopAllOnSignals } from './lib/processes';
import { runSuite } from './lib/run-suite';
import { assertPackagedFiles } from './lib/vsix';
import { prepareWorkspace, suiteWorkspace } from './lib/workspace';

const timings: [string, number][] = [];
const failures: string[] = [];

async function step<T>(name: string, body: () => Promise<T> | T): Promise<T | undefined> {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  try {
    return await body();
  } catch (error) {
    failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    console.error(`✖ ${name}\n${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  } finally {
    timings.push([name, (Date.now() - started) / 1000]);
  }
}

function sh(command: string, args: string[]): void {
  execFileSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
}

async function main(): Promise<void> {
  stopAllOnSignals();
  rmSync(outputDir, { recursive: true, force: true });
  mkdirSync(outputDir, { recursive: true });
  const dirs = { home: join(outputDir, 'code-server'), userDataDir: join(outputDir, 'code-server', 'user-data'), extensionsDir: join(outputDir, 'code-server', 'extensions') };
  const vsix = join(repoRoot, 'bulletin.vsix');

  await step('install code-server 4.139.1 and Node 24 (scripts/e2e/install.sh)', () => sh('bash', ['scripts/e2e/install.sh']));
  const packaged = await step('package the extension (npm run package)', () => {
    rmSync(vsix, { force: true }); // never test a .vsix left over from an earlier build
    sh('npm', ['run', '--silent', 'package']);
    return true;
  });
  const installed = packaged && (await step('install the .vsix into a fresh code-server', () => {
    installExtension(dirs, vsix);
    const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    const folder = join(dirs.extensionsDir, `${extensionId}-${version}`);
    if (!existsSync(folder)) throw new Error(`${folder} missing after install; found ${readdirSync(dirs.extensionsDir).join(', ')}`);
    assertPackagedFiles(folder);
    return folder;
  }));

  if (installed) {
    await step('the extension suite in the extension host (runTests → code-server)', () =>
      runSuite({
        extensionDevelopmentPath: installed,
        workspace: prepareWorkspace(join(outputDir, 'workspace-suite'), suiteWorkspace),
        userDataDir: join(outputDir, 'suite', 'user-data'),
        extensionsDir: dirs.extensionsDir,
        env: { BULLETIN_E2E_EXPECT_EXTENSION_PATH: installed },
      }),
    );
    await step('the workbench UI: Problems panel and preview (playwright)', async () => {
      let server: CodeServer | undefined;
      let launched: LaunchedBrowser | undefined;
      try {
        server = await startCodeServer(dirs);
        launched = await launchBrowser();
        const screenshots = join(outputDir, 'screenshots');
        mkdirSync(screenshots, { recursive: true });
        const results = await checkWorkbench(launched.browser, workbenchUrl(server, prepareWorkspace(join(outputDir, 'workspace-ui'))), screenshots);
        // The change marks need a repository and a setting: a workspace of their own, so the checks above see the examples as they are.
        const changes = prepareWorkspace(join(outputDir, 'workspace-changes'), changeMarksWorkspace);
        results.push(...(await checkChangeMarks(launched.browser, workbenchUrl(server, changes), changes, screenshots)));
        for (const result of results) console.log(`  ${result.ok ? '✔' : '✖'} ${result.name}${result.error ? `\n    ${result.error.replace(/\n/g, '\n    ')}` : ''}`);
        const failed = results.filter((r) => !r.ok);
        if (failed.length > 0) throw new Error(`${failed.length} of ${results.length} workbench checks failed`);
      } finally {
        await launched?.stop();
        await server?.stop();
      }
    });
  }
  await step('Neovim as an LSP client of dist/server.js --stdio', () => runNeovimCheck(join(outputDir, 'neovim')));
}

const started = Date.now();
main()
  .catch((error: unknown) => failures.push(error instanceof Error ? error.stack ?? error.message : String(error)))
  .finally(async () => {
    await stopAll();
    console.log('\ne2e timings:');
    for (const [name, seconds] of timings) console.log(`  ${seconds.toFixed(1).padStart(6)} s  ${name}`);
    console.log(`  ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  total`);
    if (failures.length > 0) {
      console.error(`\ne2e FAILED (${failures.length}):\n- ${failures.join('\n- ')}`);
      process.exit(1);
    }
    console.log('\ne2e passed');
  });

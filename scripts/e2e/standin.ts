/**
 * Stands in for the desktop VS Code executable that @vscode/test-electron's runTests() starts
 * (`runTests({ vscodeExecutablePath: 'scripts/e2e/code' })`): it takes the same command line
 * (folder, --extensionDevelopmentPath, --extensionTestsPath, --user-data-dir, --extensions-dir)
 * and runs the suite in code-server's real extension host, driven by chromium. Exits with the
 * suite's exit code; code-server and chromium are stopped by PID whatever happens.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { launchBrowser, type LaunchedBrowser } from './lib/browser';
import { startCodeServer, type CodeServer } from './lib/code-server';
import { runExtensionTests } from './lib/extension-tests';
import { outputDir } from './lib/paths';
import { stopAll, stopAllOnSignals } from './lib/processes';

interface CommandLine {
  folder?: string;
  options: Map<string, string[]>;
}

/** VS Code's CLI shape: `--name=value`, `--name value` for the options that take one, flags. */
function parse(argv: string[]): CommandLine {
  const withValue = new Set(['user-data-dir', 'extensions-dir', 'extensionDevelopmentPath', 'extensionTestsPath', 'locale']);
  const options = new Map<string, string[]>();
  let folder: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      folder ??= arg;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    let value = eq >= 0 ? arg.slice(eq + 1) : '';
    if (eq < 0 && withValue.has(name) && i + 1 < argv.length) value = argv[++i]!;
    options.set(name, [...(options.get(name) ?? []), value]);
  }
  return { folder, options };
}

async function main(): Promise<number> {
  const cwd = process.env.BULLETIN_STANDIN_CWD ?? process.cwd();
  const { folder, options } = parse(process.argv.slice(2));
  const one = (name: string) => options.get(name)?.at(-1);
  const tests = one('extensionTestsPath');
  if (!tests) throw new Error('the stand-in only runs extension tests: --extensionTestsPath is required');
  // code-server's config, logs and the closing screenshot go beside the user data folder, so
  // that concurrent runs with their own folders do not meet.
  const userDataDir = resolve(cwd, one('user-data-dir') ?? join(outputDir, 'standin', 'user-data'));
  const home = join(dirname(userDataDir), 'standin');
  const dirs = { home, userDataDir, extensionsDir: resolve(cwd, one('extensions-dir') ?? join(home, 'extensions')) };
  mkdirSync(home, { recursive: true });
  stopAllOnSignals();
  let server: CodeServer | undefined;
  let launched: LaunchedBrowser | undefined;
  try {
    server = await startCodeServer(dirs);
    launched = await launchBrowser();
    return await runExtensionTests(server, launched, {
      folder: resolve(cwd, folder ?? '.'),
      extensionDevelopmentPaths: (options.get('extensionDevelopmentPath') ?? []).map((p) => resolve(cwd, p)),
      extensionTestsPath: resolve(cwd, tests),
      screenshotDir: home,
    });
  } finally {
    await launched?.stop();
    await server?.stop();
    await stopAll();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);

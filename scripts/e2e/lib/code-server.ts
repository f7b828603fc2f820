/**
 * A fresh code-server (a real VS Code workbench with a Node extension host): its own user
 * data, extensions and XDG folders, bound to 127.0.0.1 without auth, telemetry and updates
 * off. Started in its own process group (it forks an extension host, a pty host and a file
 * watcher), stopped by that group's PID.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { reportPrefix } from './extension-tests';
import { codeServerEntry, node24 } from './paths';
import { stopGroup, track, waitFor } from './processes';

export interface CodeServerDirs {
  /** Holds the config, logs and XDG folders of this instance. */
  home: string;
  userDataDir: string;
  extensionsDir: string;
}

export interface CodeServer {
  port: number;
  pid: number;
  origin: string;
  logFile: string;
  stop(): Promise<void>;
}

const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'editor.acceptSuggestionOnEnter': 'on',
};

export function requireInstalled(): void {
  if (!existsSync(node24) || !existsSync(codeServerEntry)) {
    throw new Error(`code-server is not installed: run scripts/e2e/install.sh (looked for ${codeServerEntry})`);
  }
}

function environment(home: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XDG_DATA_HOME: join(home, 'xdg-data'),
    XDG_CONFIG_HOME: join(home, 'xdg-config'),
    XDG_CACHE_HOME: join(home, 'xdg-cache'),
    NODE_OPTIONS: '',
    BULLETIN_E2E_REPORT_PREFIX: reportPrefix,
  };
}

function commonArgs(dirs: CodeServerDirs): string[] {
  return ['--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir, '--disable-telemetry', '--disable-update-check'];
}

function prepare(dirs: CodeServerDirs): void {
  for (const dir of [dirs.home, dirs.userDataDir, dirs.extensionsDir, join(dirs.userDataDir, 'User')]) mkdirSync(dir, { recursive: true });
  const settingsFile = join(dirs.userDataDir, 'User', 'settings.json');
  if (!existsSync(settingsFile)) writeFileSync(settingsFile, JSON.stringify(userSettings, null, 2));
}

/** `code-server --install-extension X.vsix` (works offline). */
export function installExtension(dirs: CodeServerDirs, vsix: string): void {
  requireInstalled();
  prepare(dirs);
  const result = spawnSync(node24, [codeServerEntry, ...commonArgs(dirs), '--install-extension', vsix], {
    env: environment(dirs.home),
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`installing ${vsix} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startCodeServer(dirs: CodeServerDirs): Promise<CodeServer> {
  requireInstalled();
  prepare(dirs);
  const port = await freePort();
  const config = join(dirs.home, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const logFile = join(dirs.home, 'code-server.log');
  const log = openSync(logFile, 'a');
  const args = [
    codeServerEntry,
    '--config', config,
    ...commonArgs(dirs),
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    // Without this, 1.139 silently ignores the extension-test payload of the URL.
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  const child = spawn(node24, args, { detached: true, stdio: ['ignore', log, log], env: environment(dirs.home) });
  const pid = track(child.pid, 'code-server');
  const origin = `http://127.0.0.1:${port}`;
  const stop = () => stopGroup(pid);
  try {
    let exited = false;
    child.once('exit', () => (exited = true));
    await waitFor(`code-server on ${origin}/healthz (log: ${logFile})`, async () => exited || (await fetch(`${origin}/healthz`)).ok, 60_000);
    if (exited) throw new Error(`code-server exited early; see ${logFile}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, pid, origin, logFile, stop };
}

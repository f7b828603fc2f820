/**
 * The workspace the editors open: a fresh copy of examples/ plus the e2e fault fixtures
 * (test/e2e/fixtures/faults → faults/), so that tests may type into files freely. Optionally a
 * git repository with some of its files committed (Compare with Last Commit, the preview's
 * change marks) and workspace settings.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths';

export interface WorkspaceOptions {
  /** Paths (relative to the workspace) committed to a new repository; the other files stay untracked. */
  commit?: string[];
  /** Written to `.vscode/settings.json`. */
  settings?: Record<string, unknown>;
}

/** Git as the tests need it: no global or system configuration read, so no signing, hooks or editor of the machine's. */
function git(cwd: string, args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Bulletin E2E', '-c', 'user.email=e2e@bulletin.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' },
  });
}

/** The in-host suite's workspace: the examples committed, faults/ untracked, so that Compare with Last Commit meets both. */
export const suiteWorkspace: WorkspaceOptions = { commit: ['MS04-012.bulletin.yaml', 'MS04-029.bulletin.yaml'] };

export function prepareWorkspace(target: string, options: WorkspaceOptions = {}): string {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const examples = join(repoRoot, 'examples');
  for (const name of readdirSync(examples)) cpSync(join(examples, name), join(target, name), { recursive: true });
  cpSync(join(repoRoot, 'test', 'e2e', 'fixtures', 'faults'), join(target, 'faults'), { recursive: true });
  if (options.settings) {
    mkdirSync(join(target, '.vscode'), { recursive: true });
    writeFileSync(join(target, '.vscode', 'settings.json'), JSON.stringify(options.settings, null, 2));
  }
  if (options.commit) {
    // Its own repository, although the folder lies inside this one's checkout (test-output/).
    git(target, ['init', '--quiet']);
    git(target, ['add', '--', ...options.commit]);
    git(target, ['commit', '--quiet', '--no-verify', '-m', 'The bulletins as published']);
  }
  return target;
}

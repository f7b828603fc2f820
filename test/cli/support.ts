/** Runs the built CLI (`node dist/cli.js`) as a user would, with a controlled environment. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = join(__dirname, '..', '..');
export const cli = join(root, 'dist', 'cli.js');
export const header = (id = 'MS04-029') => `bulletin: 1\nid: ${id}\ntitle: T\npublished: 2004-10-16\nseverity: important\n`;

/** The environment without anything that changes language or colour, plus `env`. */
export function cleanEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(LC_|LANG$|LANGUAGE$|NO_COLOR$|FORCE_COLOR$|NODE_DISABLE_COLORS$|TERM$)/.test(key)));
  return { ...clean, LANG: 'C', ...env };
}

export function run(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: options.cwd ?? root, encoding: 'utf8', env: cleanEnv(options.env) });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function workspace(files: Record<string, string>, prefix = 'bulletin-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** stderr is one line (a usage or I/O error says what is wrong in one line, not a wall of usage). */
export function oneLine(text: string): string {
  const lines = text.split('\n').filter((line) => line !== '');
  if (lines.length !== 1) throw new Error(`expected one line on stderr, got ${lines.length}:\n${text}`);
  return lines[0];
}

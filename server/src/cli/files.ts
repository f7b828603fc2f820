/** Finds bulletins under the paths the user gave: files as given, folders searched recursively. */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath } from './display';
import { CliError, describeError, ioError } from './errors';
import { LinkPolicy } from '../io/link-policy';

export const BULLETIN_FILE = /\.bulletin\.ya?ml$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export { UsageError } from './errors';

/** Absolute paths, sorted, each once; a symlink loop is visited once, not forever. */
export function findBulletins(paths: readonly string[], links?: { skipped: number }): string[] {
  const found = new Set<string>();
  const visited = new Set<string>();
  // A link under a folder argument is followed while its target stays inside that folder
  // (io/link-policy.ts), never into /proc, /sys or /dev.
  let policy = new LinkPolicy([]);
  const walk = (folder: string) => {
    let real: string;
    try {
      real = realpathSync(folder);
    } catch {
      return;
    }
    if (visited.has(real) || !LinkPolicy.allowedPlace(real)) return;
    visited.add(real);
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return; // unreadable folder: nothing to check in it
    }
    for (const entry of entries) {
      const full = join(folder, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          if (!policy.follow(realpathSync(full))) continue;
          const s = statSync(full);
          isDir = s.isDirectory();
          isFile = s.isFile();
        } catch {
          continue; // dangling link
        }
      }
      if (isDir && !SKIPPED_FOLDERS.has(entry.name)) walk(full);
      else if (isFile && BULLETIN_FILE.test(entry.name)) found.add(full);
    }
  };
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`no such file or folder: ${displayPath(path)}`);
      throw ioError('read', path, describeError(error));
    }
    if (stats.isDirectory()) {
      const before = policy.skipped;
      policy = new LinkPolicy([realOrSame(path)]);
      policy.skipped = before;
      walk(path);
    } else found.add(realOrSame(path));
  }
  if (links) links.skipped += policy.skipped;
  return [...found].sort();
}

function realOrSame(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * Reading the workspace from disk (the core never touches the file system): the bulletins
 * under each folder (their text: workspace-load.ts). A file or folder that vanishes or cannot be read while
 * we look is skipped, never an exception.
 */
import { promises as fs } from 'node:fs';
import { join, sep } from 'node:path';
import type { FileFilter } from './workspace-glob';
import { LinkPolicy } from '../io/link-policy';

/**
 * Absolute paths of every bulletin under `folder` the filter accepts. Symbolic links are
 * followed as `links` allows (io/link-policy.ts: inside the folder only by default, never into
 * /proc, /sys or /dev), and counted there when they are not.
 */
export async function listBulletins(folder: string, filter: FileFilter, followOutside = false, links?: { skipped: number }): Promise<string[]> {
  const found: string[] = [];
  const visited = new Set<string>();
  let policy: LinkPolicy;
  try {
    policy = new LinkPolicy([await fs.realpath(folder)], followOutside);
  } catch {
    return found; // the folder is gone
  }
  const walk = async (absolute: string, relative: string): Promise<void> => {
    let real: string;
    try {
      real = await fs.realpath(absolute);
    } catch {
      return;
    }
    if (visited.has(real) || !LinkPolicy.allowedPlace(real)) return; // a symlink loop is walked once
    visited.add(real);
    let entries;
    try {
      entries = await fs.readdir(absolute, { withFileTypes: true });
    } catch {
      return;
    }
    const folders: Promise<void>[] = [];
    for (const entry of entries) {
      const childRelative = relative ? `${relative}/${entry.name}` : entry.name;
      // `absolute` is normalized and an entry's name is one plain segment: what `join` would
      // make, without normalizing the whole path again for every file.
      const childAbsolute = absolute.endsWith(sep) ? absolute + entry.name : absolute + sep + entry.name;
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await fs.realpath(childAbsolute);
          if (!policy.follow(target)) continue;
          const stats = await fs.stat(target);
          isFolder = stats.isDirectory();
          isFile = stats.isFile();
        } catch {
          continue;
        }
      }
      if (isFolder) {
        if (!filter.excludesFolder(childRelative)) folders.push(walk(childAbsolute, childRelative));
      } else if (isFile && filter.matches(childRelative)) found.push(childAbsolute);
    }
    await Promise.all(folders);
  };
  await walk(join(folder, '.'), '');
  if (links) links.skipped += policy.skipped;
  return found.sort();
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(runners);
}

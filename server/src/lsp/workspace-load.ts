/**
 * Reading the workspace's closed bulletins into the index: a file whose size and mtime match
 * its cache entry is revived from the cache without being read; one whose content hash is in
 * the cache (touched, renamed) is revived after reading; the rest are parsed, on the index
 * workers when there are any. Open documents are only hashed (the editor's text is their model,
 * but the cache and its findings digest speak of the disk). Vanished or unreadable files are
 * skipped; a newer scan cancels this one between files.
 */
import { statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bulletin } from '../core/model';
import type { CheckOptions } from '../core/analyze';
import { hashOfRead, isRead, readBulletin, readBulletinUpTo, type FileRead } from '../io/bulletin-read';
import { closedModel } from './read-model';
import { withUri, type RecordSource } from '../core/record/record';
import { viewOf } from '../core/record/view';
import type { DiskInfo, LoadedEntry } from './workspace-cache';
import { forEachLimited } from './workspace-files';
import type { EditorActivity, IndexWorkers } from './index-workers';

export interface LoadContext {
  options: CheckOptions;
  cached?: Map<string, LoadedEntry>;
  /** Open in the editor: its model is the editor's text, only its disk hash is wanted. */
  isOpen(uri: string): boolean;
  /** Already indexed and not to be read again. */
  skip(uri: string): boolean;
  cancelled(): boolean;
  setModel(bulletin: Bulletin): void;
  onError(uri: string, error: unknown): void;
  workers?: IndexWorkers;
  /** What the author is doing: reading gives way to keystrokes. */
  editor?: EditorActivity;
  /**
   * A record revived from the cache is let go once indexed and read from the cache file when
   * next needed (`Bulletin.keepIn`): the server, which keeps the index for hours, does; the
   * CLI, which checks every bulletin and exits, does not.
   */
  keepInCache?: boolean;
}

/**
 * The path of a file URI. A URI made by `pathToFileURL` without any `%` escape (nor `?` or `#`)
 * is the path itself after `file://` (on POSIX): no URL parsing for each of 10,000 files at start.
 */
export function pathOf(uri: string): string {
  if (POSIX && uri.startsWith('file:///') && !/[%?#]/.test(uri)) return uri.slice(7);
  return fileURLToPath(uri);
}
const POSIX = process.platform !== 'win32';

/**
 * The file URI of an absolute path, as `pathToFileURL(path).href` gives it. A POSIX path of
 * letters, digits and `/._-` only, with no `//` or `/.` to normalize, is the URI itself after
 * `file://`: no URL object for each of 10,000 files at start.
 */
export function uriOf(path: string): string {
  if (POSIX && PLAIN_PATH.test(path) && !path.includes('//') && !path.includes('/.')) return `file://${path}`;
  return pathToFileURL(path).href;
}
const PLAIN_PATH = /^\/[A-Za-z0-9/._-]*$/;

/**
 * A file's text and size and mtime, read blocking (an index worker, or the server's thread in a
 * slice of a scan: a small file costs microseconds, far less than a promise), or `'large'`
 * when it is bigger than `largest` bytes, or undefined if it cannot be read (io/bulletin-read.ts:
 * regular files only, nothing past `limit`, the size limit). No hash: the model carries the
 * text's hash (analysis computes it once).
 */
export function readFileNow(path: string, largest = Infinity, limit?: number): FileRead | 'large' | undefined {
  const read = readBulletinUpTo(path, largest, limit);
  return read === 'large' || isRead(read) ? read : undefined;
}

/** A record from the cache under this URI (a renamed or copied file keeps its record); throws when it cannot be read back. */
export function revive(record: RecordSource, uri: string): Bulletin {
  return viewOf(withUri(record.load(), uri));
}

/** The file's text and what the file system says about it, or undefined if it cannot be read (io/bulletin-read.ts). */
export async function readWithInfo(path: string, limit?: number): Promise<(FileRead & { info: DiskInfo }) | undefined> {
  const read = await readBulletin(path, limit);
  if (!isRead(read)) return undefined;
  return { ...read, info: { size: read.size, mtimeMs: read.mtimeMs, ctimeMs: read.ctimeMs, ino: read.ino, hash: hashOfRead(read) } };
}

export interface Loaded {
  /** What was learnt of each file on disk (the cache's keys). */
  disk: Map<string, DiskInfo>;
  /** Models revived from the cache rather than parsed. */
  revived: number;
  /** Models parsed from their text. */
  parsed: number;
}

/** Indexes the cached record under `uri`; false when it cannot be read back. */
function reviveInto(context: LoadContext, record: RecordSource, uri: string): boolean {
  let bulletin: Bulletin;
  try {
    bulletin = revive(record, uri);
  } catch {
    return false;
  }
  context.setModel(bulletin);
  if (context.keepInCache) bulletin.keepIn(record);
  return true;
}

/** Loads every URI into the index. */
export async function loadWorkspace(uris: readonly string[], context: LoadContext): Promise<Loaded> {
  const disk = new Map<string, DiskInfo>();
  let revived = 0;
  let parsed = 0;
  const toParse: string[] = [];
  const toRead: string[] = [];
  // Files unchanged since the cache was written: one stat each (synchronous: a few microseconds,
  // against a promise round trip through the thread pool), yielding to requests between chunks.
  for (let i = 0; i < uris.length; i++) {
    if ((i & 255) === 255) await new Promise((resolve) => setImmediate(resolve));
    const uri = uris[i];
    if (context.cancelled()) return { disk, revived, parsed };
    if (context.skip(uri)) continue;
    const entry = context.cached?.get(uri);
    if (!entry) {
      toRead.push(uri);
      continue;
    }
    let stats;
    try {
      stats = statSync(pathOf(uri), { throwIfNoEntry: false });
    } catch {
      continue; // unreadable
    }
    if (!stats) continue; // vanished
    if (stats.size !== entry.size || stats.mtimeMs !== entry.mtimeMs || stats.ctimeMs !== entry.ctimeMs || stats.ino !== entry.ino) {
      toRead.push(uri);
      continue;
    }
    // An open document's model is the editor's text; a record that cannot be read back has its file read.
    if (!context.isOpen(uri)) {
      if (!reviveInto(context, entry.record, uri)) {
        toRead.push(uri);
        continue;
      }
      revived++;
    }
    disk.set(uri, { size: entry.size, mtimeMs: entry.mtimeMs, ctimeMs: entry.ctimeMs, ino: entry.ino, hash: entry.hash });
  }
  // Files changed or new since the cache was written may have the content of a cached one (a
  // renamed file): made only then, a map as large as the workspace is not built at every start.
  const byHash = new Map<string, LoadedEntry>();
  if (toRead.length > 0) for (const entry of context.cached?.values() ?? []) byHash.set(entry.hash, entry);
  await forEachLimited(toRead, 32, async (uri) => {
    if (context.cancelled()) return;
    const path = pathOf(uri);
    if (context.workers && !context.isOpen(uri) && byHash.size === 0) {
      toParse.push(uri); // nothing cached to match: the workers read it
      return;
    }
    const read = await readWithInfo(path, context.options.maxFileSize);
    if (!read || context.cancelled()) return;
    disk.set(uri, read.info);
    if (context.isOpen(uri)) return;
    const known = byHash.get(read.info.hash)?.record;
    if (known && reviveInto(context, known, uri)) {
      revived++;
      return;
    }
    if (context.workers) {
      toParse.push(uri);
      return;
    }
    try {
      context.setModel(closedModel(uri, read, context.options));
      parsed++;
    } catch (error) {
      context.onError(uri, error);
    }
  });
  if (toParse.length > 0 && context.workers && !context.cancelled()) {
    await context.workers.parse(toParse, context.options, context.cancelled, (uri, result) => {
      if (context.isOpen(uri) || context.cancelled()) return;
      if ('error' in result) {
        context.onError(uri, result.error);
        return;
      }
      disk.set(uri, result.info);
      context.setModel(viewOf(result.record));
      parsed++;
    }, context.editor);
  }
  return { disk, revived, parsed };
}

/**
 * The warm-start cache: the record of every closed bulletin (with its single-file problems),
 * keyed by the file's content hash and gated by size, mtime, ctime and inode, and the findings of
 * the whole workspace as they were when it was written, with a digest of every file's hash and
 * the settings. A second start revives unchanged files instead of parsing them, and when the
 * digest still matches, restores the findings instead of checking every file again.
 *
 * One file per set of workspace folders in the storage folder the client passes
 * (`initializationOptions.storagePath`), stamped with a hash of the server bundle so a new
 * build ignores an old cache. Written atomically (temp file + rename); a damaged, foreign or
 * older cache is discarded whole (the server logs why) and written anew.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync, promises as fs } from 'node:fs';
import { join } from 'node:path';
import { RecordWriter } from './cache-records';
import { CachedRecord, CacheFile, type CachedRecordInfo, type ReadFromFile } from './cached-record';
import type { Problem } from '../core/problems';
import type { BulletinRecord } from '../core/record/record';
import { isProblem } from '../core/record/check';

/** What the file system says about a file when it was read (all four must match to trust a record). */
export interface DiskInfo {
  size: number;
  mtimeMs: number;
  /** Changes with every write, and no tool can set it back (`cp -p` and `rsync -t` restore mtime only). */
  ctimeMs: number;
  ino: number;
  hash: string;
}

/** What `save` takes for each file. */
export interface CacheEntry extends DiskInfo {
  record: BulletinRecord;
  problems?: Problem[];
}

/** What `load` gives for each file: its record stays in the file until read (cached-record.ts). */
export interface LoadedEntry extends DiskInfo {
  problems?: Problem[];
  record: CachedRecord;
}

/** A cache read whole and found sound (its file stays open for its records), or the reason it was not used. */
export type LoadedCache = { entries: Map<string, LoadedEntry>; digest?: string; file: CacheFile } | { discarded: string };

/** What `save` wrote: each file's record where it now lies, in the cache file it left open. */
export interface SavedCache {
  records: Map<string, CachedRecord>;
  file: CacheFile;
}

interface Header {
  format: typeof FORMAT;
  stamp: string;
  /** Digest of every file's hash and the settings; absent when the findings were not saved. */
  digest?: string;
}
interface Stored extends DiskInfo {
  uri: string;
  textLength: number;
  intrinsic: Problem[];
  problems?: Problem[];
  /** The strings of the cache's table that this record uses first. */
  strings: string[];
}

// Layout: a header, then one record per file (cache-records.ts: JSON and typed arrays, each with
// a checksum): its disk info, findings and problems as JSON, its cells, line starts, numbers and
// string indices as arrays. The strings of every record are one table (file names, dates and
// descriptions repeat across thousands of bulletins): each is stored and decoded once.
// 9: a record's intrinsic problems include the file name and advisory labels left on another id (core/authoring/id-names.ts).
// 10: a record has a REVISION table and a TOP status column (issue #18).
// 12: a record's cells are 16 bits when they fit, and a file's hashes take two cells each.
const FORMAT = 'bulletin-workspace-cache-12';
const WRITE_CHUNK = 1 << 20;
/** Larger than any cache of a workspace the server can hold: a bigger file is not read. */
const MAX_CACHE_BYTES = 1 << 30;

let buildStamp: string | undefined;
/** A hash of the running server bundle: a new build (rules, schema, messages) has another. */
function stampOfBuild(): string {
  if (buildStamp !== undefined) return buildStamp;
  const hash = createHash('sha1').update(FORMAT);
  try {
    hash.update(readFileSync(typeof __filename === 'string' ? __filename : process.argv[1]));
  } catch {
    hash.update(String(Date.now())); // cannot identify the build: a cache of this run only
  }
  return (buildStamp = hash.digest('hex'));
}

export class WorkspaceCache {
  private readonly path: string | undefined;
  private readonly stamp: string;

  /**
   * `analysisKey` is whatever the models depend on besides the text (locale, id pattern);
   * `readFromFile` reads a bulletin whose cached record cannot be read back (cached-record.ts).
   */
  constructor(storagePath: string | undefined, folders: readonly string[], analysisKey: string, private readonly readFromFile?: ReadFromFile) {
    const key = createHash('sha1').update(JSON.stringify(folders)).digest('hex').slice(0, 16);
    this.path = storagePath ? join(storagePath, `workspace-${key}.cache`) : undefined;
    this.stamp = createHash('sha1').update(stampOfBuild()).update(analysisKey).digest('hex');
  }

  get enabled(): boolean {
    return this.path !== undefined;
  }

  /**
   * The cached entries and findings digest, or why the cache was not used (undefined when there
   * is none). The whole file is read, a window at a time, and every record checked (its
   * checksum, the lengths of its parts, then the shape of its values) before any is used: a
   * damaged, truncated, foreign or older cache is discarded whole, never half-trusted. The
   * records' arrays stay in the file, which stays open, until each is read (`CachedRecord`,
   * checked again then). It lets other work in every 256 records.
   */
  async load(): Promise<LoadedCache | undefined> {
    if (!this.path) return undefined;
    let fd: number;
    let size: number;
    try {
      ({ fd, size } = openRegularFile(this.path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ENOENT' ? undefined : { discarded: (error as Error).message };
    }
    let kept = false;
    try {
      const table: string[] = [];
      const file = new CacheFile(fd, size, table, this.readFromFile);
      const records = file.scan();
      const first = records.next();
      const header = (first.done ? undefined : first.value.value) as Header | undefined;
      if (!header || header.format !== FORMAT) return { discarded: 'written by another version' };
      if (header.stamp !== this.stamp) return { discarded: 'written by another build or with other settings' };
      const entries = new Map<string, LoadedEntry>();
      let count = 0;
      for (const { value, position, length } of records) {
        // Now and then the folders' listing (started beside it) goes on.
        if ((++count & 255) === 0) await new Promise((resolve) => setImmediate(resolve));
        const stored = value as Stored;
        if (!isStored(stored) || !stored.intrinsic.every((p) => isProblem(p, stored.textLength))) throw new Error('a record of the wrong shape');
        for (const text of stored.strings) table.push(text);
        const record = new CachedRecord(file, position, length, { uri: stored.uri, hash: stored.hash, textLength: stored.textLength, intrinsic: stored.intrinsic });
        entries.set(stored.uri, { size: stored.size, mtimeMs: stored.mtimeMs, ctimeMs: stored.ctimeMs, ino: stored.ino, hash: stored.hash, problems: stored.problems, record });
      }
      kept = true; // open for the records
      return { entries, digest: typeof header.digest === 'string' ? header.digest : undefined, file };
    } catch (error) {
      return { discarded: (error as Error).message };
    } finally {
      if (!kept) closeSync(fd);
    }
  }

  /**
   * Writes the cache anew (a temporary file renamed over the old one), and answers where each
   * record now lies, in the new file left open for reading them (undefined when it could not
   * be written). When the old file cannot be replaced, `closeOld` is called (to close it where
   * it is still open) and the rename tried once more.
   */
  async save(entries: Iterable<[string, CacheEntry]>, digest: string | undefined, closeOld?: () => void): Promise<SavedCache | undefined> {
    if (!this.path) return undefined;
    const temp = `${this.path}.${process.pid}.tmp`;
    let file: fs.FileHandle | undefined;
    /** Every string of the records written, once, in the order written: what their indices name, and the new file's table. */
    const table: string[] = [];
    /** Each string's place in `table`. */
    const indexOf = new Map<string, number>();
    const placed: [CachedRecordInfo, number, number][] = [];
    try {
      await fs.mkdir(join(this.path, '..'), { recursive: true });
      const handle = (file = await fs.open(temp, 'w'));
      const writer = new RecordWriter((bytes) => handle.write(bytes), WRITE_CHUNK);
      await writer.add({ format: FORMAT, stamp: this.stamp, digest } satisfies Header);
      for (const [uri, { record, problems, ...info }] of entries) {
        const fresh: string[] = [];
        const indices = Int32Array.from(record.strings, (text) => {
          let at = indexOf.get(text);
          if (at === undefined) {
            indexOf.set(text, (at = table.push(text) - 1));
            fresh.push(text);
          }
          return at;
        });
        const position = writer.position;
        await writer.add({ uri, ...info, textLength: record.textLength, intrinsic: record.intrinsic, problems, strings: fresh } satisfies Stored, [record.cells, record.lineStarts, record.numbers, indices, record.suppressions]);
        placed.push([{ uri, hash: info.hash, textLength: record.textLength, intrinsic: record.intrinsic }, position, writer.position - position]);
      }
      await writer.flush();
      await file.close();
      file = undefined;
      await fs.rename(temp, this.path).catch(async () => {
        // Windows may refuse to replace a file that is open (the old cache, which records are
        // read from): `closeOld` closes it (they are read from their files until re-pointed).
        if (!closeOld) throw new Error('the cache could not be replaced');
        closeOld();
        await fs.rename(temp, this.path!);
      });
    } catch {
      await file?.close().catch(() => undefined);
      await fs.rm(temp, { force: true }).catch(() => undefined);
      return undefined;
    }
    let opened: { fd: number; size: number };
    try {
      opened = openRegularFile(this.path);
    } catch {
      return undefined; // written, but gone already (another instance, a cleaner): the records stay where they are
    }
    const cacheFile = new CacheFile(opened.fd, opened.size, table, this.readFromFile);
    const records = new Map<string, CachedRecord>();
    for (const [info, position, length] of placed) records.set(info.uri, new CachedRecord(cacheFile, position, length, info));
    return { records, file: cacheFile };
  }
}

/** The digest the cached findings are valid for: every file's content hash and the settings. */
export function findingsDigest(hashes: Map<string, string>, settingsKey: string): string {
  const hash = createHash('sha1').update(settingsKey);
  for (const uri of [...hashes.keys()].sort()) hash.update(`\u0000${uri}\u0000${hashes.get(uri)}`);
  return hash.digest('hex');
}

const isNumber = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

function isStored(value: Stored): boolean {
  return (
    typeof value === 'object' && value !== null &&
    typeof value.uri === 'string' && typeof value.hash === 'string' &&
    isNumber(value.size) && isNumber(value.mtimeMs) && isNumber(value.ctimeMs) && isNumber(value.ino) && isNumber(value.textLength) &&
    Array.isArray(value.strings) && value.strings.every((text) => typeof text === 'string') &&
    Array.isArray(value.intrinsic) && (value.problems === undefined || (Array.isArray(value.problems) && value.problems.every((p) => typeof p === 'object' && p !== null && isNumber(p.offset) && isNumber(p.length) && typeof p.code === 'string' && typeof p.message === 'string')))
  );
}

/** A regular file opened for reading without blocking (a FIFO in its place never blocks), refused if it is anything else or too large. */
function openRegularFile(path: string): { fd: number; size: number } {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new Error('not a regular file');
    if (stats.size > MAX_CACHE_BYTES) throw new Error('too large');
    return { fd, size: stats.size };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/**
 * The warm-start cache: the compact model of every closed bulletin (with its single-file
 * problems), keyed by the file's content hash and gated by size + mtime, and the findings of
 * the whole workspace as they were when it was written, with a digest of every file's hash and
 * the settings. A second start revives unchanged files instead of parsing them, and when the
 * digest still matches, restores the findings instead of checking every file again.
 *
 * One file per set of workspace folders in the storage folder the client passes
 * (`initializationOptions.storagePath`), stamped with a hash of the server bundle so a new
 * build ignores an old cache. Written atomically (temp file + rename); a missing, corrupt or
 * foreign cache is simply not used.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync, promises as fs } from 'node:fs';
import { join } from 'node:path';
import { readRecord, RecordWriter } from './cacheRecords';
import type { Problem } from '../core/problems';
import type { SerialBulletin } from '../core/index/serial';
import { pooled } from '../core/index/compact';

/** What the file system says about a file when it was read. */
export interface DiskInfo {
  size: number;
  mtimeMs: number;
  hash: string;
}

/** What `save` takes for each file. */
export interface CacheEntry extends DiskInfo {
  model: SerialBulletin;
  problems?: Problem[];
}

/** What `load` gives for each file: the model is decoded when asked for. */
export interface LoadedEntry extends DiskInfo {
  problems?: Problem[];
  /** Undefined when it cannot be read after all (the file is read instead). */
  model(): SerialBulletin | undefined;
}

interface Header {
  format: typeof FORMAT;
  stamp: string;
  /** Digest of every file's hash and the settings; absent when the findings were not saved. */
  digest?: string;
}
interface Meta extends DiskInfo {
  uri: string;
  problems?: Problem[];
  /** The strings of the cache's table that this record's model uses first. */
  strings?: string[];
}

// Layout: a header, then per file a small record (URI, size, mtime, hash, findings, strings new
// to the table) and the model's own record (cacheRecords.ts: JSON and typed arrays): the models
// are read and decoded one at a time while they are revived. The strings of every model are one
// table (file names, dates and descriptions repeat across thousands of bulletins): each is
// decoded and pooled once, not once per model.
const FORMAT = 'bulletin-workspace-cache-7';
const WRITE_CHUNK = 1 << 20;
const READ_WINDOW = 1 << 20;

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

  /** `analysisKey` is whatever the models depend on besides the text (locale, id pattern). */
  constructor(storagePath: string | undefined, folders: readonly string[], analysisKey: string) {
    const key = createHash('sha1').update(JSON.stringify(folders)).digest('hex').slice(0, 16);
    this.path = storagePath ? join(storagePath, `workspace-${key}.cache`) : undefined;
    this.stamp = createHash('sha1').update(stampOfBuild()).update(analysisKey).digest('hex');
  }

  get enabled(): boolean {
    return this.path !== undefined;
  }

  /**
   * The cached entries and findings digest, or nothing when there is no usable cache. Only the
   * small records are read now; each model is read from the file when asked for (the cache is
   * never in memory whole), until `close`.
   */
  load(): { entries: Map<string, LoadedEntry>; digest?: string; close(): void } | undefined {
    if (!this.path) return undefined;
    let fd: number | undefined;
    const close = () => {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    };
    try {
      fd = openSync(this.path, 'r');
      const size = fstatSync(fd).size;
      let at = 0;
      // Records are read through a window of a few hundred of them (models are asked for in
      // about the order they were written): one read per window, not two per file.
      let window = Buffer.alloc(0);
      let windowAt = 0;
      const recordAt = (position: number, length: number): Buffer => {
        if (position >= windowAt && position + length <= windowAt + window.length) return window.subarray(position - windowAt, position - windowAt + length);
        if (fd === undefined) throw new Error('closed');
        const wanted = Math.min(Math.max(length, READ_WINDOW), size - position);
        if (wanted < length) throw new Error('truncated');
        window = Buffer.allocUnsafe(wanted);
        windowAt = position;
        if (readSync(fd, window, 0, wanted, position) !== wanted) throw new Error('truncated');
        return window.subarray(0, length);
      };
      const lengthAt = (position: number): number => recordAt(position, 4).readUInt32LE(0);
      const next = (): Buffer => {
        const length = lengthAt(at);
        const record = recordAt(at + 4, length);
        at += 4 + length;
        return record;
      };
      const header = readRecord(next()).value as Header;
      if (!header || header.format !== FORMAT || header.stamp !== this.stamp) {
        close();
        return undefined;
      }
      const entries = new Map<string, LoadedEntry>();
      const table: string[] = [];
      while (at < size) {
        const meta = readRecord(next()).value as Meta;
        if (typeof meta?.uri !== 'string' || typeof meta.hash !== 'string') throw new Error('not a cache record');
        for (const text of meta.strings ?? []) table.push(pooled(text)!);
        const length = lengthAt(at);
        const position = at + 4;
        if (position + length > size) throw new Error('truncated');
        at = position + length;
        const model = (): SerialBulletin | undefined => {
          try {
            const { value, arrays } = readRecord(recordAt(position, length));
            const [ranges, lineStarts, indices] = arrays;
            if (!(ranges instanceof Int32Array) || !(lineStarts instanceof Uint32Array) || !(indices instanceof Int32Array)) return undefined;
            const stored = value as Omit<SerialBulletin, 'strings' | 'ranges'>;
            const strings = Array.from(indices, (at) => table[at]);
            if (strings.some((text) => typeof text !== 'string')) return undefined;
            stored.top.lineStarts = lineStarts;
            return Object.assign(stored, { strings, ranges });
          } catch {
            return undefined;
          }
        };
        entries.set(meta.uri, { size: meta.size, mtimeMs: meta.mtimeMs, hash: meta.hash, problems: meta.problems, model });
      }
      return { entries, digest: typeof header.digest === 'string' ? header.digest : undefined, close };
    } catch {
      close();
      return undefined; // missing, unreadable or corrupt: start without it
    }
  }

  async save(entries: Iterable<[string, CacheEntry]>, digest: string | undefined): Promise<void> {
    if (!this.path) return;
    const temp = `${this.path}.${process.pid}.tmp`;
    let file: fs.FileHandle | undefined;
    try {
      await fs.mkdir(join(this.path, '..'), { recursive: true });
      const handle = (file = await fs.open(temp, 'w'));
      const writer = new RecordWriter((bytes) => handle.write(bytes), WRITE_CHUNK);
      await writer.add({ format: FORMAT, stamp: this.stamp, digest } satisfies Header);
      const table = new Map<string, number>();
      for (const [uri, { model, problems, ...info }] of entries) {
        const fresh: string[] = [];
        const indices = Int32Array.from(model.strings, (text) => {
          let at = table.get(text);
          if (at === undefined) {
            table.set(text, (at = table.size));
            fresh.push(text);
          }
          return at;
        });
        await writer.add({ uri, ...info, problems, strings: fresh } satisfies Meta);
        const { ranges, strings: _strings, top, ...rest } = model;
        const { lineStarts, ...topRest } = top;
        await writer.add({ ...rest, top: topRest }, [ranges, lineStarts, indices]);
      }
      await writer.flush();
      await file.close();
      file = undefined;
      await fs.rename(temp, this.path);
    } catch {
      await file?.close().catch(() => undefined);
      await fs.rm(temp, { force: true }).catch(() => undefined);
    }
  }
}

/** The digest the cached findings are valid for: every file's content hash and the settings. */
export function findingsDigest(hashes: Map<string, string>, settingsKey: string): string {
  const hash = createHash('sha1').update(settingsKey);
  for (const uri of [...hashes.keys()].sort()) hash.update(`\u0000${uri}\u0000${hashes.get(uri)}`);
  return hash.digest('hex');
}

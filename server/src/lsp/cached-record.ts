/**
 * A record that stays in the warm-start cache file until it is read: a closed bulletin's record
 * is needed to index it and whenever a check, a hover or the preview reads it, and the rest of
 * the time it need not be in memory. The index keeps its view, which lets the record go between
 * passes of checks (`Bulletin.keepIn`) and reads it again from here.
 *
 * The file stays open while records are read from it: a newer cache is written beside it and
 * renamed over it, so what was read stays what is read. Every read is checked again (its
 * checksum and its shape); a record that cannot be read back as it was is read from its
 * bulletin's file instead, when that file still has the same content.
 */
import { closeSync, readSync } from 'node:fs';
import { ReadWindow, readArraysAt, scanRecords, Slabs, type ScannedRecord } from './cache-records';
import type { Problem } from '../core/problems';
import type { BulletinRecord, RecordSource } from '../core/record/record';
import { isRecord } from '../core/record/check';

/**
 * The record of a bulletin's own file, for one whose cached bytes cannot be read back
 * (`reason`): undefined unless the file still has the content the cache had (`hash`).
 */
export type ReadFromFile = (uri: string, hash: string, reason: string) => BulletinRecord | undefined;

/** An open cache file, its string table, and where its records' arrays go once read. */
export class CacheFile {
  private readonly window: ReadWindow;
  private readonly slabs = new Slabs();
  private open = true;

  constructor(
    private readonly fd: number,
    size: number,
    /** Every string of the cache's records, once: a record's strings are indices into it. */
    readonly table: readonly string[],
    readonly readFromFile?: ReadFromFile,
  ) {
    this.window = new ReadWindow((buffer, offset, length, position) => this.readAt(buffer, offset, length, position), size);
  }

  private readAt(buffer: Buffer, offset: number, length: number, position: number): number {
    if (!this.open) throw new Error('the cache file was closed');
    let done = 0;
    for (let n = 1; done < length && n > 0; done += n) n = readSync(this.fd, buffer, offset + done, length - done, position + done);
    return done;
  }

  /** Every record of the file in turn, checked, its arrays left where they are (`scanRecords`). */
  scan(): Generator<ScannedRecord> {
    return scanRecords(this.window);
  }

  /** The arrays of the record at `position`, read and checked again. */
  arraysAt(position: number, length: number) {
    return readArraysAt(this.window, position, length, this.slabs);
  }

  /** Records read from it after this fall back to their bulletins' files. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    closeSync(this.fd);
  }
}

/** What a cache record says of itself besides its arrays (kept in memory: a few values). */
export interface CachedRecordInfo {
  uri: string;
  hash: string;
  textLength: number;
  intrinsic: Problem[];
}

export class CachedRecord implements RecordSource {
  constructor(
    private readonly file: CacheFile,
    /** Where the record lies in the file (its length prefix), and its length with the prefix. */
    private readonly position: number,
    private readonly length: number,
    readonly info: CachedRecordInfo,
  ) {}

  get uri(): string {
    return this.info.uri;
  }

  get hash(): string {
    return this.info.hash;
  }

  load(): BulletinRecord {
    let reason: string;
    try {
      const record = this.fromCache();
      if (record) return record;
      reason = 'a record of the wrong shape';
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
    const fromFile = this.file.readFromFile?.(this.info.uri, this.info.hash, reason);
    if (fromFile && fromFile.hash === this.info.hash) return fromFile;
    throw new Error(`the cached record of ${this.info.uri} cannot be read back (${reason}), nor read from its file`);
  }

  private fromCache(): BulletinRecord | undefined {
    const [cells, lineStarts, numbers, indices, suppressions] = this.file.arraysAt(this.position, this.length);
    if (!(indices instanceof Int32Array)) return undefined;
    const { table } = this.file;
    const strings = new Array<string>(indices.length);
    for (let i = 0; i < indices.length; i++) {
      const text = table[indices[i]];
      if (text === undefined) return undefined;
      strings[i] = text;
    }
    const { uri, hash, textLength, intrinsic } = this.info;
    const record = { uri, hash, textLength, lineStarts, strings, numbers, cells, intrinsic, suppressions };
    return isRecord(record) ? record : undefined;
  }
}

/**
 * A bulletin file read for the index (server) or a check (CLI): its text, or, above the size
 * limit, what the one finding of a too-large file needs. The read paths turn it into a model
 * with `closedModel` / `serialModel` (lsp/read-model.ts) or `modelOfRead` here.
 */
import type { CheckOptions } from '../core/analyze';
import { hashText } from '../core/analyze';
import type { Bulletin } from '../core/model';
import { extractBulletin } from '../core/index/extract';
import { oversizeBulletin, oversizeHash } from '../core/oversize';
import { decodeText, effectiveLimit, firstLineOf, readBounded, readBoundedSync, refusalReason, type BoundedRead } from './bounded-read';

export interface TooLarge {
  firstLine: string;
  limit: number;
}

export interface FileRead {
  /** The text ('' when `tooLarge`: nothing was parsed). */
  text: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  /** Set when the file is over the limit and is not to be parsed. */
  tooLarge?: TooLarge;
}

export type Refused = Exclude<BoundedRead, { kind: 'read' | 'too-large' }>;
export type BulletinRead = FileRead | Refused;

function toFileRead(read: BoundedRead, limit: number | undefined): BulletinRead {
  if (read.kind === 'read') return { text: decodeText(read.bytes), size: read.size, mtimeMs: read.mtimeMs, ctimeMs: read.ctimeMs, ino: read.ino };
  if (read.kind === 'too-large') return { text: '', size: read.size, mtimeMs: read.mtimeMs, ctimeMs: read.ctimeMs, ino: read.ino, tooLarge: { firstLine: firstLineOf(read.head), limit: effectiveLimit(limit) } };
  return read;
}

/** Reads a bulletin blocking; a refusal (not a regular file, vanished, unreadable) comes with its kind. */
export function readBulletinSync(path: string, limit?: number): BulletinRead {
  return toFileRead(readBoundedSync(path, limit), limit);
}

/**
 * As `readBulletinSync`, but a file bigger than `largest` bytes (and within the limit) is not
 * read: `'large'` (the server's thread leaves it to an index worker).
 */
export function readBulletinUpTo(path: string, largest: number, limit?: number): BulletinRead | 'large' {
  const max = effectiveLimit(limit);
  if (largest >= max) return readBulletinSync(path, max);
  const read = readBoundedSync(path, largest);
  if (read.kind === 'too-large' && read.size <= max) return 'large';
  return toFileRead(read, max);
}

/** Reads a bulletin without blocking the thread. */
export async function readBulletin(path: string, limit?: number): Promise<BulletinRead> {
  return toFileRead(await readBounded(path, limit), limit);
}

export function isRead(read: BulletinRead): read is FileRead {
  return !('kind' in read);
}

/** Why a file was refused or is not parsed, in words (the CLI's stderr, a log line). */
export function reasonOf(read: BulletinRead): string {
  if (!isRead(read)) return refusalReason(read);
  return read.tooLarge ? `larger than the size limit (${read.size} bytes; the limit is ${read.tooLarge.limit})` : 'read';
}

/** The hash the cache keys a read file by (a too-large file's is the hash of its model). */
export function hashOfRead(read: FileRead): string {
  return read.tooLarge ? oversizeHash(read.tooLarge.firstLine, read.size, read.tooLarge.limit) : hashText(read.text);
}

/** The full model of a read file (the CLI's): parsed, or the one finding of a too-large file. */
export function modelOfRead(uri: string, read: Pick<FileRead, 'text' | 'size' | 'tooLarge'>, options: CheckOptions): Bulletin {
  return read.tooLarge ? oversizeBulletin(uri, read.tooLarge.firstLine, read.size, read.tooLarge.limit, options) : extractBulletin(uri, read.text, options);
}

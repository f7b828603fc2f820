/**
 * Reading a bulletin file from disk, for every read path of the server and the CLI (scan,
 * watcher, a closed document, command-line arguments): regular files only, never more than a
 * size limit, and a reason when a file is refused.
 *
 * The file is opened with O_NONBLOCK, so that opening a FIFO returns at once instead of waiting
 * for a writer, and judged by `fstat` on the open descriptor (what is read is what was judged,
 * even if the path is swapped meanwhile). At most `limit + 1` bytes are read whatever the size
 * says: a file that grows, or one whose size is not its length, is still cut off.
 */
import { closeSync, constants, fstatSync, openSync, promises as fs, readSync } from 'node:fs';

/** The default of `bulletin.maxFileSize` and `--max-file-size`, in bytes (docs/benchmarks.md: "Size limit"). */
export const DEFAULT_MAX_FILE_SIZE = 8 * 1024 * 1024;

/** Bytes of a refused large file kept to name it: its first line (the finding stands there). */
const HEAD_BYTES = 4096;

export type BoundedRead =
  | { kind: 'read'; bytes: Buffer; size: number; mtimeMs: number; ctimeMs: number; ino: number }
  /** Bigger than the limit: only its first bytes were read. */
  | { kind: 'too-large'; head: Buffer; size: number; mtimeMs: number; ctimeMs: number; ino: number }
  /** A folder, FIFO, socket or device: never read. */
  | { kind: 'not-a-file' }
  | { kind: 'vanished' }
  | { kind: 'unreadable'; code: string };

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** The limit to apply: a positive whole number of bytes, else the default. */
export function effectiveLimit(limit: number | undefined): number {
  return limit !== undefined && Number.isSafeInteger(limit) && limit > 0 ? limit : DEFAULT_MAX_FILE_SIZE;
}

/** Reads `path` blocking (an index worker, the CLI, a slice of a scan on the server's thread). */
export function readBoundedSync(path: string, limit?: number): BoundedRead {
  const max = effectiveLimit(limit);
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    return refusedOpen(error);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { kind: 'not-a-file' };
    const wanted = stats.size > max ? Math.min(HEAD_BYTES, max) : max + 1;
    const buffer = Buffer.allocUnsafe(Math.min(wanted, stats.size + 1, max + 1) || 1);
    let chunks: Buffer[] | undefined;
    let filled = 0;
    let total = 0;
    let current = buffer;
    for (;;) {
      if (filled === current.length) {
        // The file is longer than its size said: go on in new chunks, up to the limit.
        if (total >= wanted) break;
        (chunks ??= []).push(current);
        current = Buffer.allocUnsafe(Math.min(64 * 1024, wanted - total));
        filled = 0;
      }
      const n = readSync(fd, current, filled, current.length - filled, null);
      if (n === 0) break;
      filled += n;
      total += n;
      if (total >= wanted) break;
    }
    const bytes = chunks ? Buffer.concat([...chunks, current.subarray(0, filled)]) : current.subarray(0, filled);
    if (stats.size > max || total > max) return { kind: 'too-large', head: bytes.subarray(0, HEAD_BYTES), size: Math.max(stats.size, total), mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
    return { kind: 'read', bytes, size: total, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
  } catch (error) {
    return refusedOpen(error);
  } finally {
    closeSync(fd);
  }
}

/** Reads `path` without blocking the thread (the server's watcher and closed documents). */
export async function readBounded(path: string, limit?: number): Promise<BoundedRead> {
  const max = effectiveLimit(limit);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, OPEN_FLAGS);
  } catch (error) {
    return refusedOpen(error);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { kind: 'not-a-file' };
    const wanted = stats.size > max ? Math.min(HEAD_BYTES, max) : max + 1;
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < wanted) {
      const chunk = Buffer.allocUnsafe(Math.min(wanted - total, Math.max(stats.size + 1 - total, 64 * 1024)));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    if (stats.size > max || total > max) return { kind: 'too-large', head: bytes.subarray(0, HEAD_BYTES), size: Math.max(stats.size, total), mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
    return { kind: 'read', bytes, size: total, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
  } catch (error) {
    return refusedOpen(error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function refusedOpen(error: unknown): BoundedRead {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'vanished' };
  // A socket cannot be opened (ENXIO); a folder opens but is not a file (EISDIR on read).
  if (code === 'ENXIO' || code === 'EISDIR') return { kind: 'not-a-file' };
  return { kind: 'unreadable', code };
}

/** Why a file was not read, in words for a log line or the CLI's stderr. */
export function refusalReason(read: Exclude<BoundedRead, { kind: 'read' | 'too-large' }>): string {
  switch (read.kind) {
    case 'not-a-file':
      return 'not a regular file (a folder, pipe, socket or device)';
    case 'vanished':
      return 'ENOENT'; // as the CLI has always said it
    case 'unreadable':
      return read.code;
  }
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/** Bytes as text; invalid UTF-8 becomes U+FFFD, which the parser then reports where it stands. */
export function decodeText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** The first line of a refused file's first bytes (a cut character at the end is dropped). */
export function firstLineOf(head: Uint8Array): string {
  const text = decoder.decode(head);
  const end = text.search(/[\r\n]/);
  const line = end < 0 ? text : text.slice(0, end);
  return line.endsWith('\uFFFD') && end < 0 ? line.slice(0, -1) : line;
}

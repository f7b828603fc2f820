/**
 * The CLI's two kinds of expected failure, each printed as one line on stderr with exit code 2:
 * a usage error (the command line is wrong: a hint to the command's help follows) and an
 * input/output error (a path cannot be read or written: the line says which and why).
 */
import { displayPath } from './display';

export class UsageError extends Error {}

export class CliError extends Error {}

const reasons: Record<string, string> = {
  ENOENT: 'it does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exhausted',
  EEXIST: 'it already exists',
  EBUSY: 'it is busy',
  EMFILE: 'too many open files',
  EXDEV: 'the output and its temporary file are on different devices',
};

/** `ENAMETOOLONG` → "the name is too long (ENAMETOOLONG)"; anything else → its message's first line. */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code && reasons[code]) return `${reasons[code]} (${code})`;
  if (code) return code;
  return String((error as Error)?.message ?? error).split('\n')[0];
}

/** A file system error from Node (it has an errno code and a system call). */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

/** "cannot write PATH: REASON" as a CliError. */
export function ioError(action: 'read' | 'write', path: string, reason: string): CliError {
  return new CliError(`cannot ${action} ${displayPath(path)}: ${reason}`);
}

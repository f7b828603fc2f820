/**
 * Writing the CLI's outputs (`render -o`/`--out-dir`, `csaf -o`) without overwriting what must
 * not be: an output is refused when it is a symbolic link (never followed), a folder or another
 * non-regular file, one of the inputs (same device and inode, so `./a/../a/X` and hard links
 * count), or a bulletin file. The bytes go to a new temporary file in the same folder, opened
 * with O_EXCL|O_NOFOLLOW, which is then renamed over the output: a link that appears in between
 * is replaced, not followed, and a failed write leaves the old output whole.
 */
import { closeSync, constants, fchmodSync, lstatSync, openSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { displayPath } from './display';
import { CliError, describeError, ioError } from './errors';
import { BULLETIN_FILE } from './files';

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw writeError(path, error);
  }
}

/** The reason a write failed, naming the folder when it is the folder that is wrong. */
function writeError(path: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException)?.code;
  const folder = dirname(path);
  if (code === 'ENOENT') return ioError('write', path, `the folder ${displayPath(folder)} does not exist`);
  if (code === 'ENOTDIR') {
    // Name the first part of the path that exists and is not a folder.
    for (let part = folder; part !== dirname(part); part = dirname(part)) {
      const stats = (() => {
        try {
          return statSync(part);
        } catch {
          return undefined;
        }
      })();
      if (stats && !stats.isDirectory()) return ioError('write', path, `${displayPath(part)} is not a folder`);
    }
  }
  if (code === 'EISDIR') return ioError('write', path, 'it is a folder');
  return ioError('write', path, describeError(error));
}

/**
 * Refuses an output path that must not be written; `inputs` are the files read (a bulletin
 * given or its neighbours). Checked for every output before the first is written.
 */
export function checkOutputPath(path: string, inputs: readonly string[]): void {
  const stats = lstatOrUndefined(path);
  if (stats?.isSymbolicLink()) throw new CliError(`refusing to write ${displayPath(path)}: it is a symbolic link (an output is never written through one)`);
  if (stats?.isDirectory()) throw ioError('write', path, 'it is a folder');
  if (stats && !stats.isFile()) throw new CliError(`refusing to write ${displayPath(path)}: it is not a regular file`);
  if (stats) {
    for (const input of inputs) {
      let inputStats: Stats;
      try {
        inputStats = statSync(input);
      } catch {
        continue;
      }
      if (inputStats.dev === stats.dev && inputStats.ino === stats.ino) throw new CliError(`refusing to overwrite the input ${displayPath(path)} with the output`);
    }
  }
  if (BULLETIN_FILE.test(basename(path))) throw new CliError(`refusing to write ${displayPath(path)}: an output must not be named like a bulletin (*.bulletin.yaml)`);
}

/** Writes `data` to `path` through a temporary file in the same folder and a rename (see the file comment). */
export function writeOutputFile(path: string, data: string, inputs: readonly string[]): void {
  checkOutputPath(path, inputs);
  const existing = lstatOrUndefined(path);
  // A short name of its own, so an output name near the length limit still gets a temporary file.
  const temporary = join(dirname(path), `.bulletin-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o666);
  } catch (error) {
    throw writeError(path, error);
  }
  try {
    try {
      if (existing) fchmodSync(fd, existing.mode & 0o777);
      const bytes = Buffer.from(data, 'utf8');
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
    } finally {
      closeSync(fd);
    }
    // Checked again just before the rename: the path may have changed since the first check.
    checkOutputPath(path, inputs);
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // already gone
    }
    throw error instanceof CliError ? error : writeError(path, error);
  }
}

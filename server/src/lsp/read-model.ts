/**
 * The index's bulletin of a file read from disk (io/bulletin-read.ts): parsed, or, above the size
 * limit, the one finding of a too-large file (core/oversize.ts) without parsing anything.
 */
import type { CheckOptions } from '../core/analyze';
import type { Bulletin } from '../core/model';
import type { BulletinRecord } from '../core/record/record';
import { modelOfRead, type FileRead } from '../io/bulletin-read';

type Read = Pick<FileRead, 'text' | 'size' | 'tooLarge'>;

/** The bulletin the server keeps for a closed file. */
export function closedModel(uri: string, read: Read, options: CheckOptions): Bulletin {
  return modelOfRead(uri, read, options);
}

/** Its record (what an index worker posts). */
export function recordOfRead(uri: string, read: Read, options: CheckOptions): BulletinRecord {
  return modelOfRead(uri, read, options).record;
}

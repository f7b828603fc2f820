/**
 * The index's model of a file read from disk (io/bulletinRead.ts): parsed, or, above the size
 * limit, the one finding of a too-large file (core/oversize.ts) without parsing anything.
 */
import type { CheckOptions } from '../core/analyze';
import type { Bulletin } from '../core/model';
import { extractClosedBulletin } from '../core/index/extract';
import { compactBulletin } from '../core/index/compact';
import { serialOf, type SerialBulletin, type StringTable } from '../core/index/serial';
import { extractSerial } from '../core/index/extract';
import { oversizeBulletin } from '../core/oversize';
import type { FileRead } from '../io/bulletinRead';

type Read = Pick<FileRead, 'text' | 'size' | 'tooLarge'>;

/** The compact model the server keeps for a closed file. */
export function closedModel(uri: string, read: Read, options: CheckOptions): Bulletin {
  if (!read.tooLarge) return extractClosedBulletin(uri, read.text, options);
  return compactBulletin(oversizeBulletin(uri, read.tooLarge.firstLine, read.size, read.tooLarge.limit, options));
}

/** The same model as plain data (what an index worker sends). */
export function serialModel(uri: string, read: Read, options: CheckOptions, shared?: StringTable): SerialBulletin {
  if (!read.tooLarge) return extractSerial(uri, read.text, options, shared);
  return serialOf(oversizeBulletin(uri, read.tooLarge.firstLine, read.size, read.tooLarge.limit, options), shared);
}

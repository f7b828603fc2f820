/**
 * The model of a bulletin that is not open in an editor: only the compact `Bulletin` is kept,
 * never the YAML document (10,000 of those would not fit in memory). `analyzeText` reads the
 * plain block YAML bulletins are written in with the quick reader (`quickParse.ts`, the same
 * result as the full parser at a fraction of its cost) and anything else with the full parser.
 */
import { analyzeText, type CheckOptions } from '../analyze';
import type { Bulletin } from '../model';
import { compactBulletin } from './compact';
import { serialOf, type SerialBulletin, type StringTable } from './serial';

export function extractBulletin(uri: string, text: string, options: CheckOptions = {}): Bulletin {
  return analyzeText(uri, text, options).bulletin;
}

/** The model the server keeps for a closed file: compact (see `compact.ts`). */
export function extractClosedBulletin(uri: string, text: string, options: CheckOptions = {}): Bulletin {
  return compactBulletin(extractBulletin(uri, text, options));
}

/** The model of a closed file as plain data, for the server's thread (an index worker's work); its strings in `shared` if given. */
export function extractSerial(uri: string, text: string, options: CheckOptions = {}, shared?: StringTable): SerialBulletin {
  return serialOf(extractBulletin(uri, text, options), shared);
}

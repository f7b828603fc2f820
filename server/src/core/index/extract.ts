/**
 * The record of a bulletin that is not open in an editor: only the record is kept, never the
 * YAML document (10,000 of those would not fit in memory).
 */
import { analyzeText, type CheckOptions } from '../analyze';
import type { Bulletin } from '../model';
import type { BulletinRecord } from '../record/record';
import { recordBeforeFirstError } from '../record/before-error';

export function extractBulletin(uri: string, text: string, options: CheckOptions = {}): Bulletin {
  // A closed file with a syntax error contributes what precedes the error.
  return recordBeforeFirstError(uri, analyzeText(uri, text, options), options.locale ?? 'en');
}

/** The record alone, as plain data (what an index worker posts and the cache stores). */
export function extractRecord(uri: string, text: string, options: CheckOptions = {}): BulletinRecord {
  return extractBulletin(uri, text, options).record;
}

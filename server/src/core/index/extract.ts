/**
 * The model of a bulletin that is not open in an editor: only the compact `Bulletin` is kept,
 * never the YAML document (10,000 of those would not fit in memory).
 */
import { analyzeText, type CheckOptions } from '../analyze';
import type { Bulletin } from '../model';

export function extractBulletin(uri: string, text: string, options: CheckOptions = {}): Bulletin {
  return analyzeText(uri, text, options).bulletin;
}

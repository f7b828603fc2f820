/**
 * The model of a bulletin that is not open in an editor: only the compact `Bulletin` is kept,
 * never the YAML document (10,000 of those would not fit in memory). The cheap reader of
 * `fastParse` yields the same values and node ranges for plain block YAML; a file it does not
 * read, or one with any schema problem, goes through the full parser, which places problems.
 */
import { analyzeText, hashText, type CheckOptions } from '../analyze';
import { readBulletin, type Bulletin } from '../model';
import type { ParsedDocument } from '../parse';
import { validateSchema } from '../schema/validate';
import { fastParse } from './fastParse';
import { compactBulletin } from './compact';
import { serialOf, type SerialBulletin } from './serial';

export function extractBulletin(uri: string, text: string, options: CheckOptions = {}): Bulletin {
  return extractFast(uri, text, options) ?? analyzeText(uri, text, options).bulletin;
}

/** The model by the fast reader, or undefined when the file needs the full parser. */
export function extractFast(uri: string, text: string, options: CheckOptions = {}): Bulletin | undefined {
  const fast = fastParse(text);
  if (!fast) return undefined;
  const parsed: ParsedDocument = { text, lineStarts: fast.lineStarts, value: fast.value, nodes: fast.nodes, problems: [] };
  if (validateSchema(parsed, { locale: options.locale ?? 'en', idPattern: options.idPattern }).length > 0) return undefined;
  return readBulletin(uri, parsed, [], hashText(text));
}

/** The model the server keeps for a closed file: compact (see `compact.ts`). */
export function extractClosedBulletin(uri: string, text: string, options: CheckOptions = {}): Bulletin {
  return compactBulletin(extractBulletin(uri, text, options));
}

/** The model of a closed file as plain data, for the server's thread (an index worker's work). */
export function extractSerial(uri: string, text: string, options: CheckOptions = {}): SerialBulletin {
  return serialOf(extractBulletin(uri, text, options));
}

/**
 * The quick reader's line tables (`quickParse.ts`), kept for the next read on this thread (a
 * read is synchronous, one at a time): growing four arrays line by line for each bulletin was
 * a fifth of what the reader allocated. Tables grown for a huge text are not kept.
 */
export interface LineTables {
  // Signed, all four: the reader's arithmetic on what it loads stays in small integers.
  starts: Int32Array;
  ends: Int32Array;
  /** Indentation of content lines; the reader's BLANK or COMMENT otherwise. */
  indents: Int32Array;
  commentIndents: Int32Array;
}
/** Tables for this many lines at most are kept (1 MB: a 40,000-line bulletin's). */
const KEPT_LINES = 1 << 16;
let spareTables: LineTables | undefined;

function newLineTables(lines: number): LineTables {
  return { starts: new Int32Array(lines), ends: new Int32Array(lines), indents: new Int32Array(lines), commentIndents: new Int32Array(lines) };
}

/** Tables for a text of `length` characters: the spare ones if they are likely big enough. */
export function takeLineTables(length: number): LineTables {
  // Bulletin lines average about 30 characters: most texts fit, the rest grow once or twice.
  const lines = Math.max(512, length >> 5);
  const tables = spareTables !== undefined && spareTables.starts.length >= lines ? spareTables : newLineTables(lines);
  spareTables = undefined; // a read inside this one (there is none) would make its own
  return tables;
}

export function releaseLineTables(tables: LineTables): void {
  if (tables.starts.length <= KEPT_LINES && (spareTables === undefined || spareTables.starts.length < tables.starts.length)) spareTables = tables;
}

/** Twice the lines, the first `used` copied. */
export function grownLineTables(tables: LineTables, used: number): LineTables {
  const grown = newLineTables(tables.starts.length * 2);
  grown.starts.set(tables.starts.subarray(0, used));
  grown.ends.set(tables.ends.subarray(0, used));
  grown.indents.set(tables.indents.subarray(0, used));
  grown.commentIndents.set(tables.commentIndents.subarray(0, used));
  return grown;
}

/**
 * The quick reader's line tables (`quick-parse.ts`): per line, where it starts, where its content
 * ends (no line break) and how it is indented. They are kept for the next read on this thread
 * (a read is synchronous, one at a time): growing four arrays line by line for each bulletin was
 * a fifth of what the reader allocated. Tables grown for a huge text are not kept.
 */
import { stepAside } from './quick-parse-values';

/** The indentation the tables give a blank line, and a line with only a comment. */
export const BLANK = -1;
export const COMMENT = -2;
const SPACE = 32;

export interface LineTables {
  // Signed, all four: the reader's arithmetic on what it loads stays in small integers.
  starts: Int32Array;
  ends: Int32Array;
  /** Indentation of content lines; BLANK or COMMENT otherwise. */
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
function grownLineTables(tables: LineTables, used: number): LineTables {
  const grown = newLineTables(tables.starts.length * 2);
  grown.starts.set(tables.starts.subarray(0, used));
  grown.ends.set(tables.ends.subarray(0, used));
  grown.indents.set(tables.indents.subarray(0, used));
  grown.commentIndents.set(tables.commentIndents.subarray(0, used));
  return grown;
}

export interface ScannedLines {
  /** The tables the lines are in (others than those given when the text needed more lines). */
  tables: LineTables;
  count: number;
}

/** The lines of `text` into `tables`; steps aside at a document marker or directive (the full parser decides). */
export function scanLines(text: string, tables: LineTables): ScannedLines {
  let line = 0;
  let start = 0;
  const length = text.length;
  for (;;) {
    let end = text.indexOf('\n', start);
    const next = end < 0 ? length + 1 : end + 1;
    if (end < 0) end = length;
    const contentEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    let indent = 0;
    while (start + indent < contentEnd && text.charCodeAt(start + indent) === SPACE) indent++;
    if (line === tables.starts.length) tables = grownLineTables(tables, line);
    tables.starts[line] = start;
    tables.ends[line] = contentEnd;
    if (start + indent >= contentEnd) {
      tables.indents[line] = BLANK;
      tables.commentIndents[line] = 0;
    } else if (text.charCodeAt(start + indent) === 35 /* # */) {
      tables.indents[line] = COMMENT;
      tables.commentIndents[line] = indent;
    } else {
      if (indent === 0) {
        const c = text.charCodeAt(start);
        if (c === 37 /* % */ || text.startsWith('---', start) || text.startsWith('...', start)) stepAside();
      }
      tables.indents[line] = indent;
      tables.commentIndents[line] = 0;
    }
    line++;
    if (next > length) break;
    start = next;
  }
  return { tables, count: line };
}

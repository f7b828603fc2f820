/**
 * The per-keystroke reader: for the plain block YAML bulletins are written in, exactly what the
 * full parser (`parse` with `reader: 'full'`) yields — the same value, the same node locations in the
 * same order (the order features walk them in), no problems — at a fraction of its cost; for
 * anything else `undefined`, and the full parser reads the text.
 *
 * It reads a conservative subset: block mappings of plain keys, block sequences, one-line
 * plain and quoted scalars, one-line flow sequences of scalars, and `|`/`>` block scalars
 * without indentation indicator or `+`. Anything the full parser could report a problem on,
 * or could read differently (anchors, tags, multi-line plain or quoted scalars, tabs, comments
 * that change where a collection ends, several documents, odd keys, deep nesting …), steps
 * aside. Ranges follow the `yaml` library: a scalar ends where its text does; a block
 * collection ends after the line break of its last entry.
 */
import { newLocation, type NodeLocation, type Range } from './locations';
import { ESCAPES, keyName, resolvePlain, sparseElements, StepAside, stepAside } from './quick-parse-values';
import { BLANK, COMMENT, releaseLineTables, scanLines, takeLineTables, type ScannedLines } from './quick-parse-lines';

export interface QuickParse {
  value: Record<string, unknown>;
  /** The root's location; every other node's is among its `children` (see `NodeLocation`). */
  root: NodeLocation;
  lineStarts: Uint32Array;
}

/** Characters the full parser treats specially, rejects or breaks lines on. */
const UNUSUAL = /[\u0000-\u0008\t\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF\uD800-\uDFFF]/;
const LONE_CR = /\r(?!\n)/;
/** The full parser's nesting bound (parse.ts `limits.depth`); deeper documents step aside. */
const MAX_DEPTH = 64;
const SPACE = 32;
/** Characters that start a value the reader leaves to the full parser: `{&*!%@\`]},?:#`. */
const INDICATORS = new Uint8Array(128);
for (const c of '{&*!%@`]},?:#') INDICATORS[c.charCodeAt(0)] = 1;
/** Mappings up to this many keys look for a repeated key by comparing names as they are read. */
const SHORT_MAPPING = 16;
/**
 * V8 keeps an object given more properties than about this many by computed keys as a
 * dictionary (a bulletin's top level has more): such a mapping is copied once read, and the
 * copy has them at fixed places, as the schema check and the record writer read them.
 */
const FAST_KEYS = 16;

/** Whether `text` has a character the quick reader leaves to the full parser (a tab, a lone CR …). */
export function hasUnusualCharacters(text: string): boolean {
  // Most files have no CR at all: a native search for one costs far less than the expression.
  return UNUSUAL.test(text) || (text.includes('\r') && LONE_CR.test(text));
}

export function quickParse(text: string): QuickParse | undefined {
  if (hasUnusualCharacters(text)) return undefined;
  let tables = takeLineTables(text.length);
  try {
    const lines = scanLines(text, tables);
    tables = lines.tables; // grown for a long text
    return new Reader(text, lines).read();
  } catch (error) {
    if (error instanceof StepAside) return undefined;
    throw error;
  } finally {
    releaseLineTables(tables);
  }
}

/** The range of a location whose node is not read yet (every path that reads it replaces it). */
const PENDING: Range = Object.freeze([0, 0]) as unknown as Range;

class Reader {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** Indentation of content lines; BLANK or COMMENT otherwise. */
  private readonly indents: Int32Array;
  private readonly commentIndents: Int32Array;
  private readonly count: number;
  private line = 0;
  /** End of the last entry read, after its line break (where an enclosing block collection ends). */
  private lastEnd = 0;

  constructor(
    private readonly text: string,
    { tables, count }: ScannedLines,
  ) {
    ({ starts: this.starts, ends: this.ends, indents: this.indents, commentIndents: this.commentIndents } = tables);
    this.count = count;
  }

  read(): QuickParse {
    this.skipBlank();
    if (this.line >= this.count || this.indents[this.line] !== 0 || this.isSeqItem(this.line, 0)) stepAside();
    const root = newLocation(undefined, PENDING, undefined);
    const value = this.mapping(0, root, 0);
    if (this.line < this.count) stepAside();
    return { value, root, lineStarts: new Uint32Array(this.starts.subarray(0, this.count)) };
  }

  /** Start of the line after `line` (the text's length after the last one). */
  private after(line: number): number {
    return line + 1 < this.count ? this.starts[line + 1] : this.text.length;
  }

  /**
   * Moves to the next content line. A comment line only passes where it cannot change a
   * range: before a line indented at least as deeply (the full parser counts a deeper
   * comment after a collection's last entry into that collection).
   */
  private skipBlank(): void {
    const { indents } = this;
    let deepestComment = -1;
    while (this.line < this.count && indents[this.line] < 0) {
      if (indents[this.line] === COMMENT) deepestComment = Math.max(deepestComment, this.commentIndents[this.line]);
      this.line++;
    }
    if (deepestComment > 0 && (this.line >= this.count || indents[this.line] < deepestComment)) stepAside();
  }

  private isSeqItem(line: number, indent: number): boolean {
    const at = this.starts[line] + indent;
    return this.text.charCodeAt(at) === 45 /* - */ && (at + 1 >= this.ends[line] || this.text.charCodeAt(at + 1) === SPACE);
  }

  /** A block collection whose first entry is on the current line at `indent`, at `location`. */
  private block(indent: number, location: NodeLocation, depth: number): unknown {
    return this.isSeqItem(this.line, indent) ? this.sequence(indent, location, depth) : this.mapping(indent, location, depth);
  }

  /**
   * The `location` of each collection is made by its holder (its key is known there) and
   * completed here: its range, and its entries as `children`.
   */
  private mapping(indent: number, location: NodeLocation, depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) stepAside();
    const { text, indents, starts, ends } = this;
    // Filled as a plain object and given the full parser's null prototype at the end: an
    // object made by `Object.create(null)` keeps its properties in a dictionary, which made
    // the schema check and the model reader markedly slower.
    const out: Record<string, unknown> = {};
    let sparse = false;
    const start = starts[this.line] + indent;
    const range: [number, number] = [start, start];
    location.value = range;
    const children: NodeLocation[] = (location.children = []);
    while (this.line < this.count && indents[this.line] === indent && !this.isSeqItem(this.line, indent)) {
      const line = this.line;
      const lineStart = starts[line] + indent;
      const lineEnd = ends[line];
      const colon = text.indexOf(':', lineStart);
      if (colon < 0 || colon >= lineEnd || (colon + 1 < lineEnd && text.charCodeAt(colon + 1) !== SPACE)) stepAside();
      const name = keyName(text, lineStart, colon);
      if (name === '__proto__') stepAside();
      // A repeated key: the full parser reports it. Names are interned, so a short mapping
      // compares references; a long one counts its keys at the end.
      if (children.length <= SHORT_MAPPING) for (let i = 0; i < children.length; i++) if (children[i].name === name) stepAside();
      const entry = newLocation([lineStart, colon], PENDING, name);
      children.push(entry);
      const first = name.charCodeAt(0);
      if (first >= 48 && first <= 57 && !sparse) sparse = sparseElements(out);
      out[name] = this.value(colon + 1, indent, entry, depth + 1, name === 'version');
    }
    if (children.length > SHORT_MAPPING && Object.keys(out).length !== children.length) stepAside();
    if (this.line < this.count && indents[this.line] > indent) stepAside();
    range[1] = this.lastEnd;
    location.block = this.lastEnd > start;
    return Object.setPrototypeOf(children.length > FAST_KEYS ? { ...out } : out, null) as Record<string, unknown>;
  }

  private sequence(indent: number, location: NodeLocation, depth: number): unknown[] {
    if (depth > MAX_DEPTH) stepAside();
    const { text, indents, starts, ends } = this;
    const out: unknown[] = [];
    const start = starts[this.line] + indent;
    const range: [number, number] = [start, start];
    location.value = range;
    const children: NodeLocation[] = (location.children = []);
    while (this.line < this.count && indents[this.line] === indent && this.isSeqItem(this.line, indent)) {
      const line = this.line;
      const item = newLocation(undefined, PENDING, undefined);
      children.push(item);
      let column = indent + 1;
      while (starts[line] + column < ends[line] && text.charCodeAt(starts[line] + column) === SPACE) column++;
      const at = starts[line] + column;
      if (at >= ends[line]) stepAside(); // `-` alone: the item is on the lines below
      if (this.startsMapping(at, ends[line])) {
        // `- key: value`: a mapping whose entries line up under its first key.
        indents[line] = column;
        out.push(this.mapping(column, item, depth + 1));
      } else {
        out.push(this.value(starts[line] + indent + 1, indent, item, depth + 1, false));
      }
    }
    if (this.line < this.count && indents[this.line] > indent) stepAside();
    range[1] = this.lastEnd;
    location.block = this.lastEnd > start;
    return out;
  }

  /** Whether a sequence item's content is `key: …` (a plain key, as `mapping` reads it). */
  private startsMapping(at: number, lineEnd: number): boolean {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === 45 /* - */ && (at + 1 >= lineEnd || text.charCodeAt(at + 1) === SPACE)) stepAside(); // `- - x`
    if (c === 34 || c === 39 || c === 91 || c === 123 || c === 35) return false; // " ' [ { #
    for (let i = at; i < lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 35 /* # */ && text.charCodeAt(i - 1) === SPACE) return false; // a colon in the comment does not count
      if (ch === 58 /* : */ && (i + 1 >= lineEnd || text.charCodeAt(i + 1) === SPACE)) return true;
    }
    return false;
  }

  /**
   * The value after `key:` or `- ` at `from` on the current line, at `location` (made by the
   * holder, with its key); `parentIndent` is the entry's indentation.
   */
  private value(from: number, parentIndent: number, location: NodeLocation, depth: number, isVersion: boolean): unknown {
    if (depth > MAX_DEPTH) stepAside();
    const { text } = this;
    const line = this.line;
    const lineEnd = this.ends[line];
    let at = from;
    while (at < lineEnd && text.charCodeAt(at) === SPACE) at++;
    if (at >= lineEnd) {
      this.line++;
      this.skipBlank();
      const next = this.line < this.count ? this.indents[this.line] : -1;
      if (next > parentIndent || (location.key !== undefined && next === parentIndent && this.isSeqItem(this.line, next))) return this.block(next, location, depth);
      return stepAside(); // an empty value: the full parser decides what it means
    }
    // By character code: `text[at]` makes a string of a character beyond Latin-1 (every
    // Japanese value) before it can be compared.
    const c = text.charCodeAt(at);
    let value: unknown;
    let end: number;
    if (c === 34 /* " */) [value, end] = this.doubleQuoted(at, lineEnd);
    else if (c === 39 /* ' */) [value, end] = this.singleQuoted(at, lineEnd);
    else if (c === 91 /* [ */) return this.flowSequence(at, lineEnd, parentIndent, location);
    else if (c === 124 /* | */ || c === 62 /* > */) return this.blockScalar(at, lineEnd, parentIndent, location);
    else if (INDICATORS[c] === 1 || (c === 45 /* - */ && text.charCodeAt(at + 1) === SPACE)) return stepAside();
    else {
      end = this.plainEnd(at, lineEnd);
      const source = text.slice(at, end);
      this.endOfLine(end, lineEnd, parentIndent);
      location.value = [at, end];
      location.source = source;
      return resolvePlain(source, isVersion);
    }
    this.endOfLine(end, lineEnd, parentIndent);
    location.value = [at, end];
    location.source = text.slice(at, end);
    return value;
  }

  /** After a one-line value: only a comment may follow on the line, and no deeper line below. */
  private endOfLine(end: number, lineEnd: number, parentIndent: number): void {
    const { text } = this;
    let at = end;
    while (at < lineEnd && text.charCodeAt(at) === SPACE) at++;
    if (at < lineEnd && (text.charCodeAt(at) !== 35 /* # */ || at === end)) stepAside();
    this.lastEnd = this.after(this.line);
    this.line++;
    this.skipBlank();
    // A deeper line would continue the value (or be an error).
    if (this.line < this.count && this.indents[this.line] > parentIndent) stepAside();
  }

  /** End of a one-line plain scalar in block context (trailing spaces and comment excluded). */
  private plainEnd(at: number, lineEnd: number): number {
    const { text } = this;
    let end = at;
    for (let i = at; i < lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 35 /* # */ && text.charCodeAt(i - 1) === SPACE) break;
      if (ch === 58 /* : */ && (i + 1 >= lineEnd || text.charCodeAt(i + 1) === SPACE)) stepAside();
      if (ch !== SPACE) end = i + 1;
    }
    return end;
  }

  private doubleQuoted(at: number, lineEnd: number): [string, number] {
    const { text } = this;
    let out = '';
    let run = at + 1;
    for (let i = at + 1; i < lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 34 /* " */) return [out + text.slice(run, i), i + 1];
      if (ch !== 92 /* \ */) continue;
      out += text.slice(run, i);
      const e = text[++i];
      const simple = ESCAPES[e];
      if (simple !== undefined) out += simple;
      else if (e === 'x' || e === 'u' || e === 'U') {
        const length = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = text.slice(i + 1, i + 1 + length);
        if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) stepAside();
        const code = parseInt(hex, 16);
        if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) stepAside();
        out += String.fromCodePoint(code);
        i += length;
      } else stepAside();
      run = i + 1;
    }
    return stepAside();
  }

  private singleQuoted(at: number, lineEnd: number): [string, number] {
    const { text } = this;
    let out = '';
    let run = at + 1;
    for (let i = at + 1; i < lineEnd; i++) {
      if (text.charCodeAt(i) !== 39 /* ' */) continue;
      if (text.charCodeAt(i + 1) === 39) {
        out += text.slice(run, i + 1);
        run = i + 2;
        i++;
      } else return [out + text.slice(run, i), i + 1];
    }
    return stepAside();
  }

  /** `[a, 'b', "c"]` on one line, of scalars only. */
  private flowSequence(at: number, lineEnd: number, parentIndent: number, location: NodeLocation): unknown[] {
    const { text } = this;
    const out: unknown[] = [];
    const children: NodeLocation[] = (location.children = []);
    let i = at + 1;
    for (;;) {
      while (i < lineEnd && text.charCodeAt(i) === SPACE) i++;
      if (i >= lineEnd) stepAside();
      const c = text[i];
      if (c === ']') {
        if (out.length > 0) stepAside(); // a trailing comma
        break;
      }
      let value: unknown;
      let end: number;
      if (c === '"') [value, end] = this.doubleQuoted(i, lineEnd);
      else if (c === "'") [value, end] = this.singleQuoted(i, lineEnd);
      else if ('[]{},#&*!%@`|>?:-\'"'.includes(c)) return stepAside();
      else {
        end = i;
        let j = i;
        for (; j < lineEnd; j++) {
          const ch = text[j];
          if (ch === ',' || ch === ']') break;
          if ('[{}#:'.includes(ch)) stepAside();
          if (ch !== ' ') end = j + 1;
        }
        value = resolvePlain(text.slice(i, end), false);
      }
      const item = newLocation(undefined, [i, end], undefined);
      item.source = text.slice(i, end);
      children.push(item);
      out.push(value);
      i = end;
      while (i < lineEnd && text.charCodeAt(i) === SPACE) i++;
      if (text[i] === ']') break;
      if (text[i] !== ',') stepAside();
      i++;
      while (i < lineEnd && text.charCodeAt(i) === SPACE) i++;
      if (text[i] === ']') stepAside(); // a trailing comma
    }
    location.value = [at, i + 1];
    this.endOfLine(i + 1, lineEnd, parentIndent);
    return out;
  }

  /**
   * `|`, `|-`, `>` or `>-`: the content is every following line indented deeper than the
   * entry, at the indentation of its first line. Leading or whitespace-only blank lines, and
   * folding anything but plain lines, step aside.
   */
  private blockScalar(at: number, lineEnd: number, parentIndent: number, location: NodeLocation): string {
    const { text, starts, ends, indents } = this;
    let headerEnd = at + 1;
    const strip = text.charCodeAt(headerEnd) === 45; /* - */
    if (strip) headerEnd++;
    this.endOfHeader(headerEnd, lineEnd);
    const folded = text[at] === '>';
    const lines: string[] = [];
    let blockIndent = -1;
    let last = this.line;
    let next = this.line + 1;
    for (; next < this.count; next++) {
      const indent = indents[next];
      if (indent === BLANK) {
        if (ends[next] > starts[next]) stepAside(); // spaces only: their meaning depends on the indentation
        if (blockIndent < 0) stepAside();
        lines.push('');
        continue;
      }
      const spaces = indent === COMMENT ? this.commentIndents[next] : indent;
      if (blockIndent < 0) {
        if (spaces <= parentIndent || indent === COMMENT) stepAside();
        blockIndent = spaces;
      }
      if (spaces < blockIndent) break;
      if (folded && spaces > blockIndent) stepAside();
      lines.push(text.slice(starts[next] + blockIndent, ends[next]));
      last = next;
    }
    if (blockIndent < 0) stepAside();
    // Trailing blank lines are not the block's: clip and strip drop them.
    lines.length = last - this.line;
    let body: string;
    if (folded) {
      if (lines.includes('')) stepAside();
      body = lines.join(' ');
    } else body = lines.join('\n');
    const value = strip ? body : `${body}\n`;
    const end = this.after(last);
    location.value = [at, end];
    location.source = text.slice(at, end);
    this.lastEnd = end;
    this.line = last + 1;
    this.skipBlank();
    if (this.line < this.count && indents[this.line] > parentIndent) stepAside();
    return value;
  }

  /** After `|` or `>` (and `-`): nothing but a comment. */
  private endOfHeader(at: number, lineEnd: number): void {
    if (at >= lineEnd) return;
    let i = at;
    while (i < lineEnd && this.text.charCodeAt(i) === SPACE) i++;
    if (i === at || (i < lineEnd && this.text.charCodeAt(i) !== 35)) stepAside();
  }
}


/**
 * A fast reader for the plain block YAML bulletins are written in: the same value and node
 * ranges `parseBulletinText` yields, at a fraction of the cost, for the workspace's closed
 * files. It reads only a conservative subset (block mappings and sequences, one-line plain,
 * quoted and flow-sequence scalars, block scalars) and answers `undefined` for anything else
 * (anchors, tags, multi-line flow or plain scalars, tabs, several documents, odd keys …), so
 * the caller falls back to the full parser. It never reports problems: a file with any problem
 * is read by the full parser, which places them.
 */
import type { NodeLocation, Range } from '../parse';

export interface FastParse {
  value: Record<string, unknown>;
  nodes: Map<string, NodeLocation>;
  /** As `computeLineStarts` gives them (this reader takes no lone `\r`, so every line ends in `\n`). */
  lineStarts: Uint32Array;
}

class Bail extends Error {}
const bail = (): never => {
  throw new Bail();
};

/** Characters the full parser treats specially or rejects: such files take the full path. */
const UNUSUAL = /[\u0000-\u0008\t\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\uFFFE\uFFFF\uD800-\uDFFF]/;
const LONE_CR = /\r(?!\n)/;
/** Whether `text[start, end)` is a key this reader takes: `[A-Za-z0-9_][A-Za-z0-9_.-]*`. */
function isKey(text: string, start: number, end: number): boolean {
  if (start >= end) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const word = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
    if (!word && (i === start || (c !== 46 && c !== 45))) return false;
  }
  return true;
}
const MAX_DEPTH = 64;
const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;

export function fastParse(text: string): FastParse | undefined {
  if (UNUSUAL.test(text)) return undefined;
  try {
    return new Reader(text).read();
  } catch (error) {
    if (error instanceof Bail) return undefined;
    throw error;
  }
}

class Reader {
  /** Per line: start offset, end offset (without the line break), indentation; -1 = blank or comment. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly indents: number[] = [];
  private line = 0;
  readonly nodes = new Map<string, NodeLocation>();

  constructor(private readonly text: string) {
    if (LONE_CR.test(text)) bail(); // a lone \r breaks lines too, as the full parser counts them
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const contentEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      let indent = 0;
      while (start + indent < contentEnd && text.charCodeAt(start + indent) === 32) indent++;
      const first = text[start + indent];
      const blank = start + indent >= contentEnd || first === '#';
      if (!blank && indent === 0 && (text.startsWith('---', start) || text.startsWith('...', start) || first === '%')) bail();
      this.starts.push(start);
      this.ends.push(contentEnd);
      this.indents.push(blank ? -1 : indent);
      if (end >= text.length) break;
      start = end + 1;
    }
  }

  read(): FastParse {
    this.skipBlank();
    if (this.line >= this.indents.length || this.indents[this.line] !== 0 || this.isSeqItem(this.line, 0)) bail();
    const value = this.mapping(0, '', 0) as Record<string, unknown>;
    this.skipBlank();
    if (this.line < this.indents.length) bail();
    return { value, nodes: this.nodes, lineStarts: Uint32Array.from(this.starts) };
  }

  private skipBlank(): void {
    while (this.line < this.indents.length && this.indents[this.line] < 0) this.line++;
  }

  private isSeqItem(line: number, indent: number): boolean {
    const at = this.starts[line] + indent;
    return this.text.charCodeAt(at) === DASH && (at + 1 >= this.ends[line] || this.text.charCodeAt(at + 1) === SPACE);
  }

  /** A block collection whose first entry is on the current line at `indent`. */
  private block(indent: number, pointer: string, key: Range | undefined, depth: number): unknown {
    if (depth > MAX_DEPTH) bail();
    return this.isSeqItem(this.line, indent) ? this.sequence(indent, pointer, key, depth) : this.mapping(indent, pointer, depth, key);
  }

  private mapping(indent: number, pointer: string, depth: number, key?: Range): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const start = this.starts[this.line] + indent;
    let end = start;
    while (this.line < this.indents.length && this.indents[this.line] === indent && !this.isSeqItem(this.line, indent)) {
      const line = this.line;
      const lineStart = this.starts[line] + indent;
      const lineEnd = this.ends[line];
      const colon = this.text.indexOf(':', lineStart);
      if (colon < 0 || colon >= lineEnd || (colon + 1 < lineEnd && this.text.charCodeAt(colon + 1) !== SPACE)) bail();
      const name = this.text.slice(lineStart, colon);
      if (!isKey(this.text, lineStart, colon) || name === '__proto__' || Object.prototype.hasOwnProperty.call(out, name) || name === 'null' || name === 'Null' || name === 'NULL') bail();
      const keyRange: Range = [lineStart, colon];
      // A key (isKey) has neither `~` nor `/`: it is its own pointer token.
      const childPointer = `${pointer}/${name}`;
      out[name] = this.value(colon + 1, indent, childPointer, keyRange, depth + 1, name === 'version');
      end = Math.max(end, this.lastEnd);
      this.skipBlank();
    }
    if (this.line < this.indents.length && this.indents[this.line] > indent) bail();
    this.nodes.set(pointer, { key, value: [start, end], block: end > start });
    this.lastEnd = end;
    return out;
  }

  private sequence(indent: number, pointer: string, key: Range | undefined, depth: number): unknown[] {
    const out: unknown[] = [];
    const start = this.starts[this.line] + indent;
    let end = start;
    while (this.line < this.indents.length && this.indents[this.line] === indent && this.isSeqItem(this.line, indent)) {
      const line = this.line;
      const itemPointer = `${pointer}/${out.length}`;
      let column = indent + 1;
      while (this.starts[line] + column < this.ends[line] && this.text.charCodeAt(this.starts[line] + column) === SPACE) column++;
      const at = this.starts[line] + column;
      if (at < this.ends[line] && this.text[at] !== '#' && this.looksLikeKey(at, this.ends[line])) {
        // `- key: value`: a mapping whose entries line up under its first key.
        this.indents[line] = column;
        out.push(this.mapping(column, itemPointer, depth + 1));
      } else {
        out.push(this.value(this.starts[line] + indent + 1, indent, itemPointer, undefined, depth + 1, false));
      }
      end = Math.max(end, this.lastEnd);
      this.skipBlank();
    }
    if (this.line < this.indents.length && this.indents[this.line] > indent) bail();
    this.nodes.set(pointer, { key, value: [start, end], block: end > start });
    this.lastEnd = end;
    return out;
  }

  private looksLikeKey(at: number, lineEnd: number): boolean {
    const colon = this.text.indexOf(':', at);
    if (colon < 0 || colon >= lineEnd || (colon + 1 < lineEnd && this.text[colon + 1] !== ' ')) return false;
    const c = this.text[at];
    if (c === '"' || c === "'" || c === '[' || c === '{') return false;
    if (c === '-' && (at + 1 >= lineEnd || this.text[at + 1] === ' ')) bail(); // `- - x`
    return true;
  }

  /** End offset of the last node read (a collection's range ends there). */
  private lastEnd = 0;

  /** The value after `key:` or `-` at `from` on the current line; `parentIndent` is the entry's indentation. */
  private value(from: number, parentIndent: number, pointer: string, key: Range | undefined, depth: number, isVersion: boolean): unknown {
    const line = this.line;
    const lineEnd = this.ends[line];
    let at = from;
    while (at < lineEnd && this.text.charCodeAt(at) === SPACE) at++;
    if (at >= lineEnd || this.text.charCodeAt(at) === HASH) {
      this.line++;
      this.skipBlank();
      const next = this.line < this.indents.length ? this.indents[this.line] : -1;
      if (next > parentIndent || (key && next === parentIndent && this.isSeqItem(this.line, next))) return this.block(next, pointer, key, depth);
      bail(); // an empty value: the full parser decides what it means
    }
    const c = this.text[at];
    let result: { value: unknown; end: number; plain?: boolean };
    if (c === '"') result = this.doubleQuoted(at, lineEnd);
    else if (c === "'") result = this.singleQuoted(at, lineEnd);
    else if (c === '[') result = this.flowSequence(at, lineEnd, pointer);
    else if (c === '|' || c === '>') return this.blockScalar(at, lineEnd, parentIndent, pointer, key);
    else if ('{&*!%@`]},?:'.includes(c) || (c === '-' && this.text[at + 1] === ' ')) return bail();
    else result = this.plain(at, lineEnd);
    this.restIsComment(result.end, lineEnd);
    const range: Range = [at, result.end];
    const source = this.text.slice(at, result.end);
    this.nodes.set(pointer, c === '[' ? { key, value: range, block: false } : { key, value: range, block: false, source });
    this.lastEnd = result.end;
    this.line++;
    this.skipBlank();
    // A more-indented line after a one-line value would continue it (or be an error).
    if (this.line < this.indents.length && this.indents[this.line] > parentIndent) bail();
    let value = result.value;
    if (result.plain) value = resolvePlain(source, isVersion);
    return value;
  }

  private restIsComment(end: number, lineEnd: number): void {
    let at = end;
    while (at < lineEnd && this.text.charCodeAt(at) === SPACE) at++;
    if (at < lineEnd && (this.text.charCodeAt(at) !== HASH || at === end)) bail();
  }

  private plain(at: number, lineEnd: number): { value: unknown; end: number; plain: true } {
    let end = at;
    const text = this.text;
    for (let i = at; i < lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch === HASH && text.charCodeAt(i - 1) === SPACE) break;
      if (ch === COLON && (i + 1 >= lineEnd || text.charCodeAt(i + 1) === SPACE)) bail();
      if (ch !== SPACE) end = i + 1;
    }
    return { value: undefined, end, plain: true };
  }

  private doubleQuoted(at: number, lineEnd: number): { value: string; end: number } {
    let out = '';
    for (let i = at + 1; i < lineEnd; i++) {
      const ch = this.text[i];
      if (ch === '"') return { value: out, end: i + 1 };
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const e = this.text[++i];
      const simple: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029' };
      if (e in simple) out += simple[e];
      else if (e === 'x' || e === 'u' || e === 'U') {
        const length = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = this.text.slice(i + 1, i + 1 + length);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== length) bail();
        const code = parseInt(hex, 16);
        if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) bail();
        out += String.fromCodePoint(code);
        i += length;
      } else bail();
    }
    return bail();
  }

  private singleQuoted(at: number, lineEnd: number): { value: string; end: number } {
    let out = '';
    for (let i = at + 1; i < lineEnd; i++) {
      const ch = this.text[i];
      if (ch !== "'") out += ch;
      else if (this.text[i + 1] === "'") {
        out += "'";
        i++;
      } else return { value: out, end: i + 1 };
    }
    return bail();
  }

  /** `[a, 'b', "c"]` on one line, of scalars only. */
  private flowSequence(at: number, lineEnd: number, pointer: string): { value: unknown[]; end: number } {
    const out: unknown[] = [];
    let i = at + 1;
    for (;;) {
      while (i < lineEnd && this.text[i] === ' ') i++;
      if (i >= lineEnd) bail();
      if (this.text[i] === ']') return { value: out, end: i + 1 };
      const c = this.text[i];
      let item: { value: unknown; end: number; plain?: boolean };
      if (c === '"') item = this.doubleQuoted(i, lineEnd);
      else if (c === "'") item = this.singleQuoted(i, lineEnd);
      else if ('[]{},#&*!%@`|>?:-'.includes(c)) return bail();
      else {
        let end = i;
        let j = i;
        for (; j < lineEnd; j++) {
          const ch = this.text[j];
          if (ch === ',' || ch === ']') break;
          if ('[{}#:'.includes(ch)) bail();
          if (ch !== ' ') end = j + 1;
        }
        item = { value: undefined, end, plain: true };
      }
      const source = this.text.slice(i, item.end);
      const itemPointer = `${pointer}/${out.length}`;
      this.nodes.set(itemPointer, { value: [i, item.end], block: false, source });
      out.push(item.plain ? resolvePlain(source, false) : item.value);
      i = item.end;
      while (i < lineEnd && this.text[i] === ' ') i++;
      if (this.text[i] === ',') i++;
      else if (this.text[i] !== ']') bail();
    }
  }

  /** `|` or `>` with optional chomping; the content is every following line indented deeper. */
  private blockScalar(at: number, lineEnd: number, parentIndent: number, pointer: string, key: Range | undefined): string {
    let header = this.text.slice(at, lineEnd);
    const hash = header.indexOf(' #');
    if (hash >= 0) header = header.slice(0, hash);
    header = header.trimEnd();
    if (!/^[|>][+-]?$/.test(header)) bail();
    const folded = header[0] === '>';
    const chomp = header[1] ?? '';
    const lines: string[] = [];
    let blockIndent = -1;
    let end = at + header.length;
    let next = this.line + 1;
    for (; next < this.indents.length; next++) {
      const start = this.starts[next];
      const raw = this.text.slice(start, this.ends[next]);
      const spaces = raw.length - raw.trimStart().length;
      if (raw.trim() === '') {
        lines.push('');
        continue;
      }
      if (blockIndent < 0) {
        if (spaces <= parentIndent) break;
        blockIndent = spaces;
      }
      if (spaces < blockIndent) break;
      lines.push(raw.slice(blockIndent));
      end = this.ends[next];
    }
    // Trailing blank lines belong to the block only for chomping; the lines after are not ours.
    while (next > this.line + 1 && lines.length > 0 && lines[lines.length - 1] === '' && this.isBlankLine(next - 1)) {
      next--;
      lines.pop();
    }
    const kept = countTrailingBlankLines(this.text, this.starts, this.ends, this.line + 1 + lines.length, next);
    let body = folded ? fold(lines) : lines.join('\n');
    if (lines.length > 0) body += '\n';
    const value = chomp === '-' ? body.replace(/\n+$/, '') : chomp === '+' ? body + '\n'.repeat(kept) : body.replace(/\n+$/, lines.length > 0 ? '\n' : '');
    this.nodes.set(pointer, { key, value: [at, end], block: false, source: this.text.slice(at, end) });
    this.lastEnd = end;
    this.line = next;
    this.skipBlank();
    if (this.line < this.indents.length && this.indents[this.line] > parentIndent) bail();
    return value;
  }

  private isBlankLine(line: number): boolean {
    return this.text.slice(this.starts[line], this.ends[line]).trim() === '';
  }
}

function countTrailingBlankLines(text: string, starts: number[], ends: number[], from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (text.slice(starts[i], ends[i]).trim() === '') count++;
  return count;
}

/** Folding of `>`: lines of one paragraph join with a space; blank lines and deeper lines keep breaks. */
function fold(lines: string[]): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (i === 0) {
      out = line;
      continue;
    }
    const previous = lines[i - 1];
    const joinable = line !== '' && previous !== '' && !line.startsWith(' ') && !previous.startsWith(' ');
    out += (joinable ? ' ' : '\n') + line;
  }
  return out;
}

const NULL = /^(?:~|null|Null|NULL)$/;
const TRUE = /^(?:true|True|TRUE)$/;
const FALSE = /^(?:false|False|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

/** YAML 1.2 core schema resolution of a plain scalar; a version keeps its written form. */
function resolvePlain(source: string, isVersion: boolean): unknown {
  // Each test runs only where its first (and last) character allows a match: dates, versions
  // and sizes are most of a bulletin's scalars, and nine failing expressions each cost more
  // than the rest of reading them.
  const first = source.charCodeAt(0);
  const last = source.charCodeAt(source.length - 1);
  if (first === 126 /* ~ */ || first === 110 /* n */ || first === 78 /* N */) return NULL.test(source) ? null : source;
  if (first === 116 /* t */ || first === 84 /* T */) return TRUE.test(source) ? true : source;
  if (first === 102 /* f */ || first === 70 /* F */) return FALSE.test(source) ? false : source;
  const digit = first >= 48 && first <= 57;
  if (!digit && first !== 43 /* + */ && first !== 45 /* - */ && first !== 46 /* . */) return source;
  let number: number | undefined;
  if (INT.test(source)) number = Number(source);
  else if (first === 48 && source.charCodeAt(1) === 111 /* o */ && OCT.test(source)) number = parseInt(source.slice(2), 8);
  else if (first === 48 && source.charCodeAt(1) === 120 /* x */ && HEX.test(source)) number = parseInt(source.slice(2), 16);
  else if (FLOAT.test(source)) number = parseFloat(source);
  else if ((last === 102 || last === 70) /* f, F */ && INF.test(source)) number = source.startsWith('-') ? -Infinity : Infinity;
  else if (first === 46 && (last === 110 || last === 78) /* n, N */ && NAN.test(source)) number = NaN;
  if (number === undefined) return source;
  return isVersion ? source : number;
}

/**
 * Where the cursor is in a bulletin being typed: which mapping (and so which keys are still
 * free), or which key's value, or which list item. Half-typed YAML rarely parses into the
 * tree the author means, so the structure is read from indentation, line by line, the way
 * the author reads it; the parsed tree only says which lines belong to multi-line scalars
 * (block text, where no completion belongs).
 */
import type { ParsedDocument, Range } from '../parse';
import { positionAt } from '../text';

export type PathStep = string | number;

interface Entry {
  col: number;
  kind: 'dash' | 'key' | 'text';
  key?: string;
  /** A key with something after its colon on the same line. */
  inline?: boolean;
}

export interface CursorContext {
  kind: 'key' | 'value';
  /** key: the path of the mapping the key goes into; value: the path of the value. */
  path: PathStep[];
  /** The characters the completion replaces (the word being typed). */
  replace: Range;
  /** What is typed of the word before the cursor. */
  prefix: string;
  /** Keys already present in the mapping (key contexts). */
  taken: Set<string>;
  /** Column of the keys of the mapping (key contexts), for multi-line inserts. */
  column: number;
  /** The line starts a list item of its own (`- …`), or key position right under a list key. */
  listItem: 'dash' | 'bare' | 'none';
  /** A colon already follows the word (an existing key is being edited). */
  colonFollows: boolean;
  /** Values already present in the list the cursor is in (value contexts in lists). */
  siblings: string[];
  eol: string;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\-?:,[\]{}][^#]*?|-[^\s#][^#]*?)\s*:(?=\s|$)/;

function unquote(key: string): string {
  if (key.startsWith('"') || key.startsWith("'")) return key.slice(1, -1);
  return key;
}

export function entriesOf(line: string): Entry[] {
  const out: Entry[] = [];
  let i = 0;
  while (line[i] === ' ') i++;
  for (;;) {
    if (i >= line.length || line[i] === '#') return out;
    if (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ')) {
      out.push({ col: i, kind: 'dash' });
      i++;
      while (line[i] === ' ') i++;
      continue;
    }
    break;
  }
  const m = KEY.exec(line.slice(i));
  if (m) {
    const after = line.slice(i + m[0].length).trim();
    out.push({ col: i, kind: 'key', key: unquote(m[1].trim()), inline: after.length > 0 && !after.startsWith('#') });
  } else {
    out.push({ col: i, kind: 'text' });
  }
  return out;
}

/**
 * Lines that continue a block, quoted or flow value: text, not structure. Read from the node
 * map the parser already made (no second walk of the tree). Plain scalars are left out: while
 * typing, a half-written key line is read as the start of a plain scalar that swallows the
 * next line, which is structure all the same.
 */
function continuationLines(parsed: ParsedDocument): Uint8Array {
  const flags = new Uint8Array(parsed.lineStarts.length);
  const { text } = parsed;
  for (const location of parsed.nodes.values()) {
    const [start, end] = location.value;
    if (end - start < 2) continue;
    const first = text[start];
    const multiline = location.source !== undefined ? '|>"\''.includes(first) : !location.block && (first === '[' || first === '{');
    if (!multiline) continue;
    const firstLine = positionAt(parsed.lineStarts, start).line;
    const lastLine = positionAt(parsed.lineStarts, end - 1).line;
    for (let l = firstLine + 1; l <= lastLine; l++) flags[l] = 1;
  }
  return flags;
}

const structures = new WeakMap<ParsedDocument, LineStructure>();

export class LineStructure {
  private readonly skip: Uint8Array;
  private readonly cache = new Map<number, Entry[]>();
  readonly eol: string;

  /** One structure per parsed document (a document version), shared by every request on it. */
  static of(parsed: ParsedDocument): LineStructure {
    let structure = structures.get(parsed);
    if (!structure) structures.set(parsed, (structure = new LineStructure(parsed)));
    return structure;
  }

  constructor(readonly parsed: ParsedDocument) {
    this.skip = continuationLines(parsed);
    const firstBreak = parsed.text.search(/[\r\n]/);
    this.eol = firstBreak >= 0 && parsed.text.startsWith('\r\n', firstBreak) ? '\r\n' : '\n';
  }

  lineText(line: number): string {
    const { text, lineStarts } = this.parsed;
    if (line < 0 || line >= lineStarts.length) return '';
    const end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
    return text.slice(lineStarts[line], end).replace(/\r?\n$|\r$/, '');
  }

  isContinuation(line: number): boolean {
    return this.skip[line] === 1;
  }

  entries(line: number): Entry[] {
    let e = this.cache.get(line);
    if (!e) {
      e = this.isContinuation(line) ? [] : entriesOf(this.stripBom(line));
      this.cache.set(line, e);
    }
    return e;
  }

  private stripBom(line: number): string {
    const text = this.lineText(line);
    // A BOM is not a column: the first line's keys start after it, at column 0 like any other.
    return line === 0 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  get lineCount(): number {
    return this.parsed.lineStarts.length;
  }

  /** The nearest structural entry above `line` that holds something at column `col`. */
  parentOf(line: number, col: number, isDash: boolean, sameLineEntries: Entry[] = []): { line: number; entry: Entry } | undefined {
    const probe = (l: number, entries: Entry[]) => {
      for (let k = entries.length - 1; k >= 0; k--) {
        const e = entries[k];
        if (e.col < col) return { line: l, entry: e };
        // `key:` followed by a list at the key's own column (compact notation).
        if (isDash && e.col === col && e.kind === 'key' && !e.inline) return { line: l, entry: e };
      }
      return undefined;
    };
    const own = probe(line, sameLineEntries);
    if (own) return own;
    for (let l = line - 1; l >= 0; l--) {
      const found = probe(l, this.entries(l));
      if (found) return found;
    }
    return undefined;
  }

  /** Path of the node an entry at (line, col) lives in, from the root. */
  pathOf(line: number, col: number, isDash: boolean, sameLineEntries: Entry[] = []): PathStep[] | undefined {
    const parent = this.parentOf(line, col, isDash, sameLineEntries);
    if (!parent) return col === 0 || !isDash ? [] : undefined;
    const { entry } = parent;
    const before = this.entries(parent.line).filter((e) => e.col < entry.col);
    if (entry.kind === 'key') {
      const up = this.pathOf(parent.line, entry.col, false, before);
      return up && [...up, entry.key!];
    }
    if (entry.kind === 'dash') {
      const list = this.pathOf(parent.line, entry.col, true, before);
      if (!list) return undefined;
      return [...list, this.itemIndex(parent.line, entry.col, before)];
    }
    return undefined;
  }

  /** Index of the list item whose dash is at (line, col): dashes at that column since the list began. */
  itemIndex(line: number, col: number, before: Entry[]): number {
    if (before.some((e) => e.kind === 'dash')) return 0; // `- - x`: first item of an inner list
    let index = 0;
    for (let l = line - 1; l >= 0; l--) {
      const entries = this.entries(l);
      if (entries.length === 0) continue;
      const at = entries.find((e) => e.col <= col);
      if (!at) continue;
      if (at.col === col && at.kind === 'dash') {
        index++;
        if (entries[0].col < col) break; // `- - x` opens the inner list on this line
        continue;
      }
      break;
    }
    return index;
  }

  /** Keys of the mapping whose keys sit at `col`, around `line` (excluding the line itself). */
  siblingKeys(line: number, col: number, ownLine: Entry[]): Set<string> {
    const keys = new Set<string>();
    const keyAt = (entries: Entry[]) => entries.find((e) => e.col === col && e.kind === 'key')?.key;
    // Upward: siblings until the line that opens the mapping (a parent key, or the item's dash line).
    if (!ownLine.some((e) => e.kind === 'dash')) {
      for (let l = line - 1; l >= 0; l--) {
        const entries = this.entries(l);
        if (entries.length === 0 || entries[0].col > col) continue;
        if (entries[0].col === col) {
          if (entries[0].kind === 'key') keys.add(entries[0].key!);
          continue;
        }
        const opener = keyAt(entries);
        if (opener !== undefined) keys.add(opener);
        break;
      }
    }
    // Downward: siblings until something less indented (the next item, the parent's next key).
    for (let l = line + 1; l < this.lineCount; l++) {
      const entries = this.entries(l);
      if (entries.length === 0 || entries[0].col > col) continue;
      if (entries[0].col < col) break;
      if (entries[0].kind === 'key') keys.add(entries[0].key!);
    }
    return keys;
  }
}

/** The completion context at `offset`, or undefined where nothing can be offered (comments, block text). */
export function cursorContext(parsed: ParsedDocument, offset: number, structure = LineStructure.of(parsed)): CursorContext | undefined {
  const position = positionAt(parsed.lineStarts, offset);
  const { line } = position;
  if (structure.isContinuation(line)) return undefined;
  const rawLine = structure.lineText(line);
  // Columns on the first line count from after a BOM, as on every other line.
  const bom = line === 0 && rawLine.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lineStart = parsed.lineStarts[line] + bom;
  const full = rawLine.slice(bom);
  if (position.character < bom) return undefined; // before the BOM: not a place to write
  const character = position.character - bom;
  const before = full.slice(0, character);
  if (/(^|\s)#/.test(stripQuoted(before))) return undefined;

  const entries = entriesOf(before);
  const dashes = entries.filter((e) => e.kind === 'dash');
  const last = entries[entries.length - 1];
  const indent = before.length - before.trimStart().length;
  const entryCol = last && last.kind !== 'dash' ? last.col : before.trim().length === 0 && dashes.length === 0 ? indent : before.length;
  const ownDash = dashes.length > 0 && (!last || last.kind === 'dash' || last.col > dashes[dashes.length - 1].col);
  const dashCol = dashes.length ? dashes[dashes.length - 1].col : -1;
  const eol = structure.eol;
  const restOfLine = full.slice(character);

  const containerPath = (): PathStep[] | undefined => {
    if (ownDash) {
      const outer = entries.filter((e) => e.col < dashCol);
      const list = structure.pathOf(line, dashCol, true, outer);
      return list && [...list, structure.itemIndex(line, dashCol, outer)];
    }
    return structure.pathOf(line, entryCol, false, entries.filter((e) => e.col < entryCol));
  };

  if (last && last.kind === 'key') {
    // Value position: `key: |`
    const valueStart = last.col + KEY.exec(before.slice(last.col))![0].length;
    const path = containerPath();
    if (!path) return undefined;
    const valueText = before.slice(valueStart);
    const flowOpen = valueText.lastIndexOf('[');
    if (flowOpen >= 0 && valueText.indexOf(']', flowOpen) < 0) {
      const items = valueText.slice(flowOpen + 1).split(',');
      const current = items[items.length - 1];
      const wordStart = character - current.trimStart().length;
      const tail = /^[^,\]\s#]*/.exec(restOfLine)![0];
      const siblings = [...items.slice(0, -1), ...restOfLine.split(']')[0].split(',').slice(1)].map((s) => s.trim()).filter(Boolean);
      return ctx('value', [...path, last.key!, items.length - 1], wordStart, character + tail.length, siblings);
    }
    const trimmed = valueText.trimStart();
    let wordStart = character - trimmed.length;
    let wordEnd = character;
    if (trimmed.startsWith('"') || trimmed.startsWith("'")) {
      wordStart++;
      const close = restOfLine.indexOf(trimmed[0]);
      wordEnd = character + (close >= 0 ? close : restOfLine.length);
    } else {
      const plain = restOfLine.split(/\s#/)[0].trimEnd();
      wordEnd = character + plain.length;
    }
    const result = ctx('value', [...path, last.key!], wordStart, wordEnd, []);
    result.column = last.col;
    result.taken = structure.siblingKeys(line, last.col, entries);
    return result;
  }

  let wordStart = last && last.kind === 'text' ? last.col : before.length;
  // A quoted list item (`- "MS04-0`): the word is inside the quotes, which stay.
  const quote = ownDash && last?.kind === 'text' && /^["']/.test(before.slice(wordStart)) ? before[wordStart] : undefined;
  if (quote) wordStart++;
  const typed = before.slice(wordStart);
  if (!/^[A-Za-z0-9_.\-]*$/.test(typed) && !(ownDash && last?.kind === 'text')) return undefined;
  const tail = quote ? restOfLine.slice(0, Math.max(0, restOfLine.indexOf(quote))) : /^[A-Za-z0-9_.\-]*/.exec(restOfLine)![0];
  const colonFollows = /^\s*:/.test(restOfLine.slice(tail.length));
  const path = containerPath();
  if (!path) return undefined;
  const column = ownDash ? (last && last.kind !== 'dash' ? last.col : dashCol + 2) : entryCol;
  const result = ctx('key', path, wordStart, character + tail.length, []);
  result.column = column;
  result.colonFollows = colonFollows;
  result.listItem = ownDash ? 'dash' : 'none';
  result.taken = structure.siblingKeys(line, column, entries);
  if (ownDash) {
    // A list of plain values (`includes:` items): the item is a value, not a key.
    result.siblings = listSiblings(parsed, path);
  }
  return result;

  function ctx(kind: 'key' | 'value', path: PathStep[], start: number, end: number, siblings: string[]): CursorContext {
    return {
      kind,
      path,
      replace: [lineStart + start, lineStart + end],
      prefix: full.slice(start, character),
      taken: new Set(),
      column: entryCol,
      listItem: 'none',
      colonFollows: false,
      siblings,
      eol,
    };
  }
}

/** Values of the other items of the list that holds the item at `path`. */
function listSiblings(parsed: ParsedDocument, path: PathStep[]): string[] {
  let value: unknown = parsed.value;
  for (const step of path.slice(0, -1)) {
    if (value === null || typeof value !== 'object') return [];
    value = (value as Record<string, unknown>)[String(step)];
  }
  if (!Array.isArray(value)) return [];
  const own = path[path.length - 1];
  return value.filter((v, i) => i !== own && typeof v === 'string') as string[];
}

function stripQuoted(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, (m) => ' '.repeat(m.length));
}

/**
 * What two versions of a bulletin have in common, found in their text before either is read:
 * a top-level entry (a key at column 0 and every line up to the next such key) whose text is
 * the same in both cannot hold a change, and neither can an item of a top-level list that is
 * the same in both when its identity appears once. `diffTexts` then reads only the rest.
 *
 * Both parsers end whatever a line at column 0 interrupts (an unclosed quote or bracket is an
 * error there, and the key starts a new entry), so an entry's value depends on its own text
 * alone; a list item's likewise ends at the next `- ` of its list. What is left out holds no
 * character the quick reader steps aside for (a tab, a lone CR, a control character …): the
 * full parser could read such a text otherwise than by its lines.
 */
import { hasUnusualCharacters } from '../parse';

/** A plain key at the start of a line, then `:` and a space or the end of the line. */
const KEY = /[A-Za-z_][A-Za-z0-9_.-]*(?=:(?:[ \r\n]|$))/y;
const SPACE = 32;

/** A text and where its lines start (`\n` ends a line), the text's length last. */
class Lines {
  readonly starts: number[] = [];
  constructor(readonly text: string) {
    for (let at = 0; at < text.length; ) {
      this.starts.push(at);
      const end = text.indexOf('\n', at);
      at = end < 0 ? text.length : end + 1;
    }
    this.starts.push(text.length);
  }

  get count(): number {
    return this.starts.length - 1;
  }

  /** Spaces at the start of `line`, and whether anything but a comment follows them. */
  indent(line: number): { spaces: number; content: boolean } {
    const { text } = this;
    const [at, end] = [this.starts[line], this.starts[line + 1]];
    let i = at;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    const c = text.charCodeAt(i);
    return { spaces: i - at, content: i < end && c !== 10 && !(c === 13 && text.charCodeAt(i + 1) === 10) && c !== 35 /* # */ };
  }
}

/** Pieces of a text by line: each one's first line and, last, the line after the last piece. */
interface Pieces {
  names: string[];
  lines: number[];
}

/**
 * The top-level entries of a text, or undefined where a column-0 line is none of a plain key,
 * a comment or a `- ` item (a document marker, a directive, a quoted or flow key …), a key
 * comes twice, or anything but comments comes before the first key: the caller then reads
 * the whole texts.
 */
function topLevelEntries(lines: Lines): Pieces | undefined {
  const { text, starts } = lines;
  const names: string[] = [];
  const entryLines: number[] = [];
  const count = lines.count;
  for (let line = 0; line < count; line++) {
    const at = starts[line];
    const c = text.charCodeAt(at);
    // Most lines are indented: one comparison passes them.
    if (c === SPACE && names.length > 0) continue;
    if (c === SPACE || c === 10 || (c === 13 && text.charCodeAt(at + 1) === 10) || c === 35 /* # */ || isItemAt(text, at)) {
      // Before the first key, only comments and blank lines (an indented first key is read whole).
      if (names.length === 0 && lines.indent(line).content) return undefined;
      continue;
    }
    KEY.lastIndex = at;
    const key = KEY.exec(text);
    if (!key || names.includes(key[0])) return undefined;
    names.push(key[0]);
    entryLines.push(line);
  }
  entryLines.push(count);
  return { names, lines: entryLines };
}

/** `-` followed by a space or the end of the line. */
function isItemAt(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 45 /* - */) return false;
  const next = text.charCodeAt(at + 1);
  return at + 1 === text.length || next === SPACE || next === 10 || next === 13;
}

/**
 * The items of the block sequence that is the value of the entry on lines [from, to) (`key:`
 * alone on its line, then `- ` items at one indentation), or undefined where it is anything
 * else. An item runs from its `- ` line to the next one; comments and blank lines go with the
 * item before them. `names` are empty (items are told apart by their text).
 */
function listItems(lines: Lines, from: number, to: number): { items: Pieces; indent: number } | undefined {
  const { text, starts } = lines;
  if (!/^[^:]*:[ \t]*(?:#.*)?\r?\n$/.test(text.slice(starts[from], starts[from + 1]))) return undefined;
  const itemLines: number[] = [];
  let indent = -1;
  for (let line = from + 1; line < to; line++) {
    const { spaces, content } = lines.indent(line);
    if (!content) continue;
    if (indent < 0) indent = spaces;
    if (spaces < indent) return undefined;
    if (spaces === indent) {
      if (!isItemAt(text, starts[line] + spaces)) return undefined;
      itemLines.push(line);
    }
  }
  if (itemLines.length === 0) return undefined;
  itemLines.push(to);
  return { items: { names: [], lines: itemLines }, indent };
}

/** A plain one-line text as an identity: no quotes, flow, anchors or tags, comment or `: `. */
const PLAIN_IDENTITY = /^[A-Za-z\u00a0-\u2027\u202a-\ufefe][^\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]*$/;
const NOT_TEXT = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

/**
 * The identity of the list item on lines [from, to) (`- id: nt4-server-sp6a`, or `id:` on a
 * line of its own at the item's key column), when it is a plain one-line text: undefined
 * otherwise (quoted, continued on the next line, absent …), and the item is then read.
 */
function identityOf(lines: Lines, from: number, to: number, listIndent: number, identityKey: string): string | undefined {
  const { text, starts } = lines;
  const dash = starts[from] + listIndent;
  let column = listIndent + 1;
  while (text.charCodeAt(dash + column - listIndent) === SPACE) column++;
  for (let line = from; line < to; line++) {
    if (line > from && lines.indent(line).spaces !== column) continue;
    const keyAt = starts[line] + column;
    const valueAt = keyAt + identityKey.length + 2;
    if (!text.startsWith(identityKey, keyAt) || text.charCodeAt(valueAt - 2) !== 58 /* : */ || text.charCodeAt(valueAt - 1) !== SPACE) continue;
    let value = text.slice(valueAt, starts[line + 1]).replace(/\r?\n$/, '');
    const comment = value.indexOf(' #');
    if (comment >= 0) value = value.slice(0, comment);
    value = value.trim();
    if (!PLAIN_IDENTITY.test(value) || value.includes(': ') || NOT_TEXT.test(value)) return undefined;
    // A deeper line after it would continue the text.
    for (let next = line + 1; next < to; next++) {
      const { spaces, content } = lines.indent(next);
      if (content) return spaces > column ? undefined : value;
    }
    return value;
  }
  return undefined;
}

const FILLER = ' '.repeat(256);
const spaces = (n: number) => (n <= FILLER.length ? FILLER.slice(0, n) : ' '.repeat(n));

/**
 * The text of lines [from, to) overwritten by `head` (nothing where `head` is empty) and, where
 * its offsets are kept, spaces up to its length; its last line break kept.
 */
function overwritten(lines: Lines, from: number, to: number, head: string, keepOffsets: boolean): string {
  const { text, starts } = lines;
  const [start, end] = [starts[from], starts[to]];
  if (end === start) return '';
  const lineEnd = text.charCodeAt(end - 1) === 10 ? '\n' : '';
  if (!keepOffsets) return head && head + lineEnd;
  const room = end - start - head.length - lineEnd.length;
  return room < 0 ? text.slice(start, end) : `${head}${spaces(room)}${lineEnd}`;
}

const textOf = (lines: Lines, from: number, to: number) => lines.text.slice(lines.starts[from], lines.starts[to]);

export interface CommonParts {
  /** The old text without what both have in common (where it was does not matter). */
  before: string;
  /** The new text with what both have in common overwritten: offsets of the rest do not move. */
  after: string;
  /**
   * The identities of the list items overwritten, by list: a read item with one of them means
   * an identity repeated, and the caller must read the whole texts.
   */
  itemsLeftOut: Map<string, Set<string>>;
}

/**
 * Both texts without every top-level entry that is the same in both (and whatever precedes the
 * first key: comments), and in the lists named in `lists` (list → the key of its items'
 * identity) every item that is the same in both and has a plain identity replaced by the
 * placeholder item `- 0` (indices stay). Only the new text's offsets matter (changes point
 * into it): there, what is left out is overwritten by a comment or a placeholder of the same
 * length. Entries named in `keep` stay. Undefined where either text's entries cannot be told
 * apart (see `topLevelEntries`).
 */
export function withoutCommonParts(beforeText: string, afterText: string, keep: ReadonlySet<string>, lists: Readonly<Record<string, string>>): CommonParts | undefined {
  const before = new Lines(beforeText);
  const after = new Lines(afterText);
  const a = topLevelEntries(before);
  const b = topLevelEntries(after);
  if (!a || !b) return undefined;
  // What is left out is not read: it must hold nothing the full parser could read otherwise.
  let unusual = false;
  const leftOut = (text: string) => {
    unusual ||= hasUnusualCharacters(text);
  };
  const parts = withoutParts(before, a, after, b, keep, lists, leftOut);
  return unusual ? undefined : parts;
}

function withoutParts(before: Lines, a: Pieces, after: Lines, b: Pieces, keep: ReadonlySet<string>, lists: Readonly<Record<string, string>>, leftOut: (text: string) => void): CommonParts {
  leftOut(textOf(before, 0, a.lines[0]));
  leftOut(textOf(after, 0, b.lines[0]));
  const beforeParts = [''];
  const afterParts = [overwritten(after, 0, b.lines[0], '#', true)];
  const itemsLeftOut = new Map<string, Set<string>>();
  for (let j = 0; j < b.names.length; j++) afterParts.push(textOf(after, b.lines[j], b.lines[j + 1]));
  for (let i = 0; i < a.names.length; i++) {
    const name = a.names[i];
    const [from, to] = [a.lines[i], a.lines[i + 1]];
    const text = textOf(before, from, to);
    beforeParts.push(text);
    const j = b.names.indexOf(name);
    if (j < 0 || keep.has(name)) continue;
    const [afterFrom, afterTo] = [b.lines[j], b.lines[j + 1]];
    // Equality of two slices compares memory (`startsWith` goes character by character).
    if (text === afterParts[j + 1]) {
      leftOut(text);
      beforeParts[i + 1] = '';
      afterParts[j + 1] = overwritten(after, afterFrom, afterTo, '#', true);
      continue;
    }
    const identityKey = lists[name];
    const items = identityKey === undefined ? undefined : commonItems(before, from, to, after, afterFrom, afterTo, identityKey, leftOut);
    if (!items) continue;
    itemsLeftOut.set(name, items.identities);
    beforeParts[i + 1] = items.before;
    afterParts[j + 1] = items.after;
  }
  return { before: beforeParts.join(''), after: afterParts.join(''), itemsLeftOut };
}

/** The two versions of a list entry with the items alike in both overwritten by `- 0`. */
function commonItems(
  before: Lines,
  from: number,
  to: number,
  after: Lines,
  afterFrom: number,
  afterTo: number,
  identityKey: string,
  leftOut: (text: string) => void,
): { before: string; after: string; identities: Set<string> } | undefined {
  const a = listItems(before, from, to);
  const b = listItems(after, afterFrom, afterTo);
  if (!a || !b || a.indent !== b.indent) return undefined;
  const head = `${spaces(a.indent)}- 0`;
  const afterItems: (string | undefined)[] = [];
  for (let k = 0; k + 1 < b.items.lines.length; k++) afterItems.push(textOf(after, b.items.lines[k], b.items.lines[k + 1]));
  const identities = new Set<string>();
  const beforeParts = [textOf(before, from, a.items.lines[0])];
  const afterParts = [textOf(after, afterFrom, b.items.lines[0]), ...afterItems];
  for (let k = 0; k + 1 < a.items.lines.length; k++) {
    const [itemFrom, itemTo] = [a.items.lines[k], a.items.lines[k + 1]];
    const text = textOf(before, itemFrom, itemTo);
    const twin = afterItems.indexOf(text);
    const identity = twin < 0 ? undefined : identityOf(before, itemFrom, itemTo, a.indent, identityKey);
    if (identity === undefined || identities.has(identity)) {
      beforeParts.push(text);
      continue;
    }
    leftOut(text);
    identities.add(identity);
    afterItems[twin] = undefined; // taken
    beforeParts.push(overwritten(before, itemFrom, itemTo, head, false));
    afterParts[twin + 1] = overwritten(after, b.items.lines[twin], b.items.lines[twin + 1], head, true);
  }
  return { before: beforeParts.join(''), after: afterParts.join(''), identities };
}

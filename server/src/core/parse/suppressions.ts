/**
 * The suppression comments of a bulletin (format "Additions": suppressing a finding where it is
 * known and accepted), read once per parse from the text and the node tree:
 *
 *     # bulletin-ignore CODE[, CODE…]: REASON        the findings of those codes that start on
 *                                                   the next line that is not blank or a comment
 *     # bulletin-ignore-file CODE[, CODE…]: REASON   at the top, before any key: the whole file
 *
 * One entry per code named (a comment that names none gives one entry without a code), so each
 * code of a comment can be judged alone (unknown, or suppressing nothing). Codes are separated
 * by commas (or spaces); the reason is what follows the first colon; a further ` # ` on the line
 * starts a note that is not part of the reason. A `#` line inside a block scalar is text, not a
 * comment. Nothing here knows the rules: which codes exist is the `suppression` rule's concern.
 */
import type { NodeLocation, Range } from './locations';
import type { Suppression } from '../model';
import type { LineStarts } from '../text';

export const SUPPRESS_LINE = 'bulletin-ignore';
export const SUPPRESS_FILE = 'bulletin-ignore-file';

const DIRECTIVE = /^#[ \t]*(bulletin-ignore(?:-file)?)(?=[\s:,]|$)/;
const NOTE = /[ \t]#(?:[ \t]|$)/;

/** Whether a line (without its end) is blank, a comment, or a document marker: none of them is a node. */
function isNodeLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('%')) return false;
  return !/^(---|\.\.\.)(\s|$)/.test(trimmed);
}

/** The text of line `i` without its line end (and without a BOM on the first line). */
function lineText(text: string, lineStarts: LineStarts, i: number): string {
  let end = i + 1 < lineStarts.length ? lineStarts[i + 1] : text.length;
  while (end > lineStarts[i] && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  const start = i === 0 && text.charCodeAt(0) === 0xfeff ? 1 : lineStarts[i];
  return text.slice(start, end);
}

/** Start offsets of the lines that lie inside a scalar spanning lines (block scalars, folded quotes): their `#` is text. */
function linesInsideScalars(root: NodeLocation | undefined, lineStarts: LineStarts): Set<number> {
  const inside = new Set<number>();
  const stack = root ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.children) {
      for (const child of node.children) stack.push(child);
      continue;
    }
    const [start, end] = node.value;
    // Lines that start after the scalar's first character and before its end.
    let lo = 0;
    let hi = lineStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lineStarts[mid] <= start) lo = mid + 1;
      else hi = mid;
    }
    for (let line = lo; line < lineStarts.length && lineStarts[line] < end; line++) inside.add(lineStarts[line]);
  }
  return inside;
}

/** Every suppression comment of the text, in document order. One pass: a line comment waits for the next node line. */
export function readSuppressions(text: string, lineStarts: LineStarts, root: NodeLocation | undefined): Suppression[] {
  // Almost no bulletin has one: the cheap test first.
  if (!text.includes(SUPPRESS_LINE)) return [];
  let inside: Set<number> | undefined;
  const out: Suppression[] = [];
  /** Line comments read since the last node line: their target is the next one. */
  let waiting: Suppression[] = [];
  let top = true;
  for (let i = 0; i < lineStarts.length; i++) {
    const line = lineText(text, lineStarts, i);
    const lineStart = i === 0 && text.charCodeAt(0) === 0xfeff ? 1 : lineStarts[i];
    const indent = line.length - line.trimStart().length;
    const directive = line[indent] === '#' ? DIRECTIVE.exec(line.slice(indent)) : null;
    if (!directive || (inside ??= linesInsideScalars(root, lineStarts)).has(lineStarts[i])) {
      if (isNodeLine(line)) {
        top = false;
        for (const s of waiting) s.target = [lineStart, lineStart + line.length];
        waiting = [];
      }
      continue;
    }
    const at = lineStart + indent;
    let body = line.slice(indent + directive[0].length);
    const note = NOTE.exec(body);
    if (note) body = body.slice(0, note.index);
    body = body.trimEnd();
    const bodyAt = at + directive[0].length;
    const colon = body.indexOf(':');
    const codesPart = colon < 0 ? body : body.slice(0, colon);
    const reason = colon < 0 ? '' : body.slice(colon + 1).trim();
    const range: Range = [at, bodyAt + body.length];
    const kind = directive[1] === SUPPRESS_FILE ? (top ? 'file' : 'misplaced') : 'line';
    const base = { kind, range, reason: reason === '' ? undefined : reason } as const;
    const entries: Suppression[] = [...codesPart.matchAll(/[^\s,]+/g)].map((code) => {
      const start = bodyAt + code.index;
      return { ...base, code: code[0], codeRange: [start, start + code[0].length] };
    });
    if (entries.length === 0) entries.push({ ...base });
    out.push(...entries);
    if (kind === 'line') waiting.push(...entries);
  }
  return out;
}

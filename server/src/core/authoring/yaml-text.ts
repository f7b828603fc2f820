/** Small reading and writing helpers over the parsed document's text, for minimal edits. */
import { stringify } from 'yaml';
import type { NodeLocation, ParsedDocument, Range } from '../parse';
import { lineEndAt } from '../text';

export interface NodeHit {
  pointer: string;
  part: 'key' | 'value';
  range: Range;
  location: NodeLocation;
}

const within = (range: Range | undefined, offset: number) => !!range && range[0] <= offset && offset <= range[1];

/** The innermost key or scalar value under `offset`. */
export function nodeAt(parsed: ParsedDocument, offset: number): NodeHit | undefined {
  let best: NodeHit | undefined;
  for (const [pointer, location] of parsed.nodes) {
    const candidates: [NodeHit['part'], Range | undefined][] = [
      ['key', location.key],
      ['value', location.source !== undefined ? location.value : undefined],
    ];
    for (const [part, range] of candidates) {
      if (!range || !within(range, offset) || range[1] === range[0]) continue;
      if (!best || range[1] - range[0] < best.range[1] - best.range[0]) best = { pointer, part, range, location };
    }
  }
  return best;
}

/** The characters of a scalar's content: inside the quotes of a quoted scalar. */
export function innerRange(text: string, range: Range): Range {
  const first = text[range[0]];
  if ((first === '"' || first === "'") && range[1] - range[0] >= 2 && text[range[1] - 1] === first) return [range[0] + 1, range[1] - 1];
  return range;
}

/** The same, knowing only the value and its range (closed documents, no text kept). */
export function innerRangeOf(value: string, range: Range): Range {
  return range[1] - range[0] === value.length + 2 ? [range[0] + 1, range[1] - 1] : range;
}

/** A string as a one-line YAML scalar: plain where YAML reads it back as the same string, quoted otherwise. */
export function yamlScalar(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return stringify(value, { lineWidth: 0, defaultStringType: 'PLAIN' }).trimEnd();
}

export function pointerTokens(pointer: string): string[] {
  return pointer === '' ? [] : pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Pointer → schema path: list indices become `*`. */
export function schemaPath(pointer: string): string[] {
  return pointerTokens(pointer).map((t) => (/^\d+$/.test(t) ? '*' : t));
}

export function columnOf(parsed: ParsedDocument, offset: number): number {
  let line = 0;
  for (let lo = 0, hi = parsed.lineStarts.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    if (parsed.lineStarts[mid] <= offset) {
      line = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return offset - parsed.lineStarts[line];
}

/** End of the last non-blank character at or under `pointer` (its last value, comments on that line aside). */
export function contentEnd(parsed: ParsedDocument, pointer: string): number {
  let end = -1;
  const prefix = `${pointer}/`;
  for (const [p, location] of parsed.nodes) {
    if (p !== pointer && !p.startsWith(prefix)) continue;
    end = Math.max(end, location.value[1], location.key?.[1] ?? -1);
  }
  const text = parsed.text;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

/** Offset where new lines go after a node: the end of the line that holds its last content. */
export function insertionAfter(parsed: ParsedDocument, pointer: string): number {
  return lineEndAt(parsed.text, Math.max(0, contentEnd(parsed, pointer) - 1));
}

export function eolOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

/** The indentation step the author uses (the first nested key's offset), 2 when unknown. */
export function indentStep(text: string): number {
  const m = /^([ ]*)[^\s#-][^\n]*:[ ]*\r?\n([ ]+)[^\s#]/m.exec(text.replace(/^\uFEFF/, ''));
  if (m) {
    const step = m[2].length - m[1].length;
    if (step > 0 && step <= 8) return step;
  }
  return 2;
}

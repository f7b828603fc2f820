/** Offsets ↔ line/character (UTF-16 code units, as LSP counts by default). */
export interface Position {
  line: number;
  character: number;
}

/**
 * Start offset of every line. A record keeps them in 16 bits when its text is shorter than
 * 65,536 characters (record/write.ts), a parse in 32.
 */
export type LineStarts = Uint32Array | Uint16Array;

/** Start offset of every line; "\r\n", "\n" and a lone "\r" all end a line, as in VS Code. */
export function computeLineStarts(text: string): Uint32Array {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return Uint32Array.from(starts);
}

/** The index of the line that holds `offset` (binary search over the line starts). */
export function lineIndexAt(lineStarts: LineStarts, offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The start offset of the line that holds `offset`. */
export function lineStartAt(lineStarts: LineStarts, offset: number): number {
  return lineStarts[lineIndexAt(lineStarts, offset)] ?? 0;
}

export function positionAt(lineStarts: LineStarts, offset: number): Position {
  const line = lineIndexAt(lineStarts, offset);
  return { line, character: offset - lineStarts[line] };
}

export function offsetAt(lineStarts: LineStarts, textLength: number, position: Position): number {
  if (position.line >= lineStarts.length) return textLength;
  if (position.line < 0) return 0;
  const lineStart = lineStarts[position.line];
  const nextStart = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1] : textLength;
  return Math.max(lineStart, Math.min(lineStart + position.character, nextStart));
}

/** End offset of the line that holds `offset`, without its line break. */
export function lineEndAt(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}

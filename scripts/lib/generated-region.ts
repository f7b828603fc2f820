/**
 * A generated piece inside a hand-written file: the lines between a marker line that starts
 * with `begin` and one that starts with `end` belong to a generator; everything else is the
 * author's. Generators rewrite the piece in place; drift tests compare it.
 */
export function generatedRegion(text: string, begin: string, end: string): { before: string; body: string; after: string } {
  const start = text.indexOf(begin);
  if (start < 0) throw new Error(`marker not found: ${begin}`);
  const bodyStart = text.indexOf('\n', start) + 1;
  const stop = text.indexOf(end, bodyStart);
  if (bodyStart === 0 || stop < 0) throw new Error(`end marker not found after ${begin}: ${end}`);
  return { before: text.slice(0, bodyStart), body: text.slice(bodyStart, stop), after: text.slice(stop) };
}

/** The text with the piece between the markers replaced by `lines`. */
export function withGeneratedRegion(text: string, begin: string, end: string, lines: readonly string[]): string {
  const { before, after } = generatedRegion(text, begin, end);
  return before + lines.map((line) => line + '\n').join('') + after;
}

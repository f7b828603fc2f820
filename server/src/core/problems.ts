/** What the core reports: offsets into one document's text; positions are made at the edge. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface RelatedLocation {
  /** The other document's key in the workspace (a URI in the server, a path in the CLI). */
  uri: string;
  offset: number;
  length: number;
  message: string;
}

export interface Problem {
  offset: number;
  length: number;
  code: string;
  severity: Severity;
  message: string;
  related?: RelatedLocation[];
  /** Free data a quick fix needs (the suggested key, the missing file's pointer …). */
  data?: Record<string, unknown>;
}

export function problem(
  code: string,
  severity: Severity,
  range: readonly [number, number],
  message: string,
  extra?: Pick<Problem, 'related' | 'data'>,
): Problem {
  const [start, end] = range;
  return { offset: start, length: Math.max(0, end - start), code, severity, message, ...extra };
}

export function compareProblems(a: Problem, b: Problem): number {
  return a.offset - b.offset || a.length - b.length || a.code.localeCompare(b.code) || a.message.localeCompare(b.message);
}

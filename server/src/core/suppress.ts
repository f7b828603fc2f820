/**
 * Where suppression comments take effect: the one place (`checkBulletin`) through which the
 * server, the CLI and the preview receive findings, so a suppressed finding is shown nowhere.
 * A comment suppresses a finding when it names the finding's code, gives a reason, and is either
 * file-level or on the line before the one where the finding starts (parse/suppressions.ts).
 * What cannot be suppressed: `yaml-syntax` (the spec), and `suppression` itself (a suppression
 * must not hide that another one is stale or has no reason).
 */
import type { Suppression } from './model';
import type { Problem } from './problems';
import { lineStartAt, type LineStarts } from './text';

export const UNSUPPRESSIBLE: ReadonlySet<string> = new Set(['yaml-syntax', 'suppression']);

/** A finding that a comment accepted, with the comment's reason (`check --show-suppressed`, SARIF). */
export interface SuppressedProblem {
  problem: Problem;
  reason: string;
  kind: 'line' | 'file';
  /** The comment that accepted it. */
  offset: number;
  length: number;
}

export interface SuppressionOutcome {
  kept: Problem[];
  suppressed: SuppressedProblem[];
  /** Per entry of the bulletin's `suppressions`: whether it accepted a finding. */
  used: boolean[];
  /** Per entry: how many findings it accepted (a finding under a line and a file comment counts for both; the hover says it). */
  accepted: number[];
}

/** Whether a suppression can take effect at all (a code that may be suppressed, a reason, a place). */
export function isEffective(s: Suppression): boolean {
  return s.code !== undefined && s.reason !== undefined && !UNSUPPRESSIBLE.has(s.code) && (s.kind === 'file' || (s.kind === 'line' && s.target !== undefined));
}

/**
 * The findings split into those still reported and those accepted in place. The comments are
 * looked up by code (file-level) and by code and line (line comments), so many findings and many
 * comments cost no product of the two.
 */
export function applySuppressions(findings: Problem[], suppressions: readonly Suppression[], lineStarts: LineStarts): SuppressionOutcome {
  const accepted = suppressions.map(() => 0);
  const byFile = new Map<string, number[]>();
  const byLine = new Map<string, number[]>();
  suppressions.forEach((s, i) => {
    if (!isEffective(s)) return;
    const key = s.kind === 'file' ? s.code! : `${s.code}\u0000${s.target![0]}`;
    const map = s.kind === 'file' ? byFile : byLine;
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  });
  if (byFile.size === 0 && byLine.size === 0) return { kept: findings, suppressed: [], used: accepted.map(() => false), accepted };
  const kept: Problem[] = [];
  const suppressed: SuppressedProblem[] = [];
  for (const p of findings) {
    const onLine = UNSUPPRESSIBLE.has(p.code) ? undefined : byLine.get(`${p.code}\u0000${lineStartAt(lineStarts, p.offset)}`);
    const inFile = UNSUPPRESSIBLE.has(p.code) ? undefined : byFile.get(p.code);
    for (const i of onLine ?? []) accepted[i]++;
    for (const i of inFile ?? []) accepted[i]++;
    // The comment closest to the finding gives the reason: a line's before the file's.
    const by = onLine ? suppressions[onLine[0]] : inFile ? suppressions[inFile[0]] : undefined;
    if (by) suppressed.push({ problem: p, reason: by.reason!, kind: by.kind as 'line' | 'file', offset: by.range[0], length: by.range[1] - by.range[0] });
    else kept.push(p);
  }
  return { kept, suppressed, used: accepted.map((n) => n > 0), accepted };
}

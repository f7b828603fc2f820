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
}

/** Whether a suppression can take effect at all (a code that may be suppressed, a reason, a place). */
export function isEffective(s: Suppression): boolean {
  return s.code !== undefined && s.reason !== undefined && !UNSUPPRESSIBLE.has(s.code) && (s.kind === 'file' || (s.kind === 'line' && s.target !== undefined));
}

function covers(s: Suppression, p: Problem): boolean {
  if (s.code !== p.code) return false;
  if (s.kind === 'file') return true;
  return s.target !== undefined && p.offset >= s.target[0] && p.offset <= s.target[1];
}

/** The findings split into those still reported and those accepted in place. */
export function applySuppressions(findings: Problem[], suppressions: readonly Suppression[]): SuppressionOutcome {
  const used = suppressions.map(() => false);
  const effective = suppressions.map((s, i) => [s, i] as const).filter(([s]) => isEffective(s));
  if (effective.length === 0) return { kept: findings, suppressed: [], used };
  const kept: Problem[] = [];
  const suppressed: SuppressedProblem[] = [];
  for (const p of findings) {
    let by: Suppression | undefined;
    if (!UNSUPPRESSIBLE.has(p.code)) {
      for (const [s, i] of effective) {
        if (!covers(s, p)) continue;
        used[i] = true;
        // The comment closest to the finding gives the reason: a line's before the file's.
        if (!by || (by.kind === 'file' && s.kind === 'line')) by = s;
      }
    }
    if (by) suppressed.push({ problem: p, reason: by.reason!, kind: by.kind as 'line' | 'file', offset: by.range[0], length: by.range[1] - by.range[0] });
    else kept.push(p);
  }
  return { kept, suppressed, used };
}

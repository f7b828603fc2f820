/**
 * Scores and severities of valid vectors, computed by `ae-cvss-calculator` (FIRST's formulas
 * for 3.0 and 3.1, FIRST's macro-vector lookup for 4.0). Only a vector the strict reader
 * (`parse.ts`) accepts is given to the library: it is lenient with malformed vectors, and
 * writes to the console on some of them, which a language server over stdio must never do.
 */
import { Cvss3P0, Cvss3P1, Cvss4P0 } from 'ae-cvss-calculator';
import { parseVector, type ParsedVector } from './parse';
import type { CvssVersion } from './metrics';

export type CvssSeverity = 'none' | 'low' | 'medium' | 'high' | 'critical';
export const CVSS_SEVERITIES: readonly CvssSeverity[] = ['none', 'low', 'medium', 'high', 'critical'];

export interface CvssScore {
  version: CvssVersion;
  vector: string;
  /** The base score (3.x); for 4.0 the score of the vector as written (CVSS-B, -BT, -BE or -BTE). */
  score: number;
  severity: CvssSeverity;
  /** FIRST's JSON form (3.0 and 3.1: CSAF `scores[].cvss_v3`). */
  json?: Record<string, unknown>;
  /** 4.0 nomenclature: CVSS-B, CVSS-BT, CVSS-BE or CVSS-BTE. */
  nomenclature?: string;
}

/** The qualitative rating of a score, the same scale in 3.x and 4.0. */
export function severityOf(score: number): CvssSeverity {
  if (score === 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
}

/** A bulletin severity's step on the CVSS scale (critical ↔ critical, important ↔ high, moderate ↔ medium, low ↔ low). */
export const BULLETIN_SEVERITY_OF: Readonly<Record<CvssSeverity, string | undefined>> = { none: undefined, low: 'low', medium: 'moderate', high: 'important', critical: 'critical' };
const STEP: Readonly<Record<string, number>> = { low: 0, moderate: 1, important: 2, critical: 3 };

/** Steps between a bulletin severity and a CVSS severity (undefined where either has no step). */
export function severityDistance(bulletinSeverity: string, cvss: CvssSeverity): number | undefined {
  const a = STEP[bulletinSeverity];
  const mapped = BULLETIN_SEVERITY_OF[cvss];
  const b = mapped === undefined ? undefined : STEP[mapped];
  return a === undefined || b === undefined ? undefined : Math.abs(a - b);
}

// Vectors repeat across a workspace and across keystrokes; a score never changes.
const MEMO_LIMIT = 4096;
const memo = new Map<string, CvssScore | null>();

/** The score of a vector, or undefined when the strict reader finds a fault in it. */
export function scoreVector(vector: string, parsed?: ParsedVector): CvssScore | undefined {
  const known = memo.get(vector);
  if (known !== undefined) return known ?? undefined;
  const result = compute(vector, parsed ?? parseVector(vector));
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(vector, result ?? null);
  return result;
}

function compute(vector: string, parsed: ParsedVector): CvssScore | undefined {
  if (!parsed.version || parsed.faults.length > 0) return undefined;
  try {
    if (parsed.version === '4.0') {
      const score = new Cvss4P0(vector).calculateScores().base;
      if (score === undefined || !Number.isFinite(score)) return undefined;
      const keys = new Set(parsed.metrics.filter((m) => m.value !== 'X').map((m) => m.key));
      const threat = keys.has('E');
      const environmental = ['CR', 'IR', 'AR', 'MAV', 'MAC', 'MAT', 'MPR', 'MUI', 'MVC', 'MVI', 'MVA', 'MSC', 'MSI', 'MSA'].some((k) => keys.has(k));
      return { version: '4.0', vector, score, severity: severityOf(score), nomenclature: `CVSS-B${threat ? 'T' : ''}${environmental ? 'E' : ''}` };
    }
    const calc = parsed.version === '3.1' ? new Cvss3P1(vector) : new Cvss3P0(vector);
    const json = calc.createJsonSchema() as unknown as Record<string, unknown>;
    const score = json.baseScore;
    if (typeof score !== 'number' || !Number.isFinite(score)) return undefined;
    return { version: parsed.version, vector, score, severity: severityOf(score), json: firstJson(json, vector) };
  } catch {
    return undefined;
  }
}

/**
 * FIRST's JSON for 3.x with only what the vector says: the library writes every metric it
 * does not see as NOT_DEFINED and spells the vector with all of them; here a metric absent
 * from the vector stays absent and `vectorString` is the vector as the author wrote it.
 */
function firstJson(json: Record<string, unknown>, vector: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    if (value === 'NOT_DEFINED' || value === undefined || value === null) continue;
    out[key] = key === 'vectorString' ? vector : value;
  }
  return out;
}

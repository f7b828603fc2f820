/** What the CVSS rules share: where a vector's parts are in the text, and each vector's reading, made once per bulletin. */
import type { Bulletin, CvssEntry, Vulnerability } from '../model';
import type { Range } from '../parse';
import { parseVector, type ParsedVector } from '../cvss/parse';
import { scoreVector, type CvssScore } from '../cvss/score';

export interface ReadVector {
  vulnerability: Vulnerability;
  entry: CvssEntry;
  vector: string;
  parsed: ParsedVector;
  score?: CvssScore;
}

const READ = {};

// A vector is read and scored once: the same vectors come back on every keystroke.
const MEMO_LIMIT = 4096;
const memo = new Map<string, { parsed: ParsedVector; score?: CvssScore }>();

function readVector(vector: string): { parsed: ParsedVector; score?: CvssScore } {
  let known = memo.get(vector);
  if (!known) {
    const parsed = parseVector(vector);
    known = { parsed, score: scoreVector(vector, parsed) };
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(vector, known);
  }
  return known;
}

/** Every `cvss` vector of the bulletin, read and scored once (kept with the bulletin). */
export function vectorsOf(bulletin: Bulletin): readonly ReadVector[] {
  return bulletin.derived(READ, () => {
    const out: ReadVector[] = [];
    for (const vulnerability of bulletin.vulnerabilities) {
      for (const entry of vulnerability.cvss) {
        if (entry.vector === undefined) continue;
        out.push({ vulnerability, entry, vector: entry.vector, ...readVector(entry.vector) });
      }
    }
    return out;
  });
}

/** The range in the text of [start, end) inside the entry's vector: exact where the scalar spells the vector as is, else the whole value. */
export function rangeInVector(entry: CvssEntry, start: number, end: number): Range {
  if (entry.vectorAt !== undefined) return [entry.vectorAt + start, entry.vectorAt + end];
  return entry.vectorRange ?? entry.range;
}

/** A score as people write it: one decimal. */
export function formatScore(score: number): string {
  return score.toFixed(1);
}

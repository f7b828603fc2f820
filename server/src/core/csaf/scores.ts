/**
 * A vulnerability's CVSS and CWE in CSAF 2.0: the 3.x vector as `scores[].cvss_v3` (FIRST's
 * JSON, for every product the vulnerability affects; with both 3.0 and 3.1, the 3.1 one, since
 * CSAF allows one cvss_v3 per product), any other vector (4.0, which CSAF 2.0 cannot hold, or
 * the 3.0 beside a 3.1) in a note with its computed score; `cwe {id, name}` from the list the
 * validator checks against.
 */
import { scoreVector, type CvssScore } from '../cvss/score';
import { severityLabel } from '../cvss/labels';
import { weaknessOf } from '../cwe';
import { msg, registerMessages, type Locale } from '../messages';
import { isObj, list, str, type Obj } from './json';

registerMessages({
  en: {
    'csaf.note.cvss': 'CVSS',
    'csaf.note.cvssLine': '{vector} — {what} {score} ({severity}{nomenclature})',
    'csaf.reference.self': 'Canonical URL of this advisory',
  },
  ja: {
    'csaf.note.cvss': 'CVSS',
    'csaf.note.cvssLine': '{vector} — {what} {score} ({severity}{nomenclature})',
    'csaf.reference.self': 'このアドバイザリの正規 URL',
  },
});

export interface VulnerabilityScores {
  scores?: Obj[];
  cwe?: { id: string; name: string };
  /** A note with the vectors CSAF's scores do not hold. */
  note?: { category: 'other'; title: string; text: string };
  /** Bulletin pointers of what was written (for the source map). */
  scorePointer?: string;
  notePointer?: string;
  cwePointer?: string;
}

export function vulnerabilityScores(v: Obj, pointer: string, productIds: string[], lang: Locale): VulnerabilityScores {
  const scored: { score: CvssScore; at: string }[] = [];
  list(v.cvss).forEach((entry, i) => {
    const vector = isObj(entry) ? str(entry.vector) : undefined;
    const score = vector ? scoreVector(vector) : undefined;
    if (score) scored.push({ score, at: `${pointer}/cvss/${i}/vector` });
  });
  const v3 = [...scored].filter((s) => s.score.json).sort((a, b) => b.score.version.localeCompare(a.score.version))[0];
  const out: VulnerabilityScores = {};
  if (v3 && productIds.length > 0) {
    out.scores = [{ cvss_v3: v3.score.json, products: productIds }];
    out.scorePointer = v3.at;
  }
  const others = scored.filter((s) => s !== v3 || !out.scores);
  if (others.length > 0) {
    out.note = {
      category: 'other',
      title: msg(lang, 'csaf.note.cvss'),
      text: others
        .map(({ score }) =>
          msg(lang, 'csaf.note.cvssLine', {
            vector: score.vector,
            what: msg(lang, score.version === '4.0' ? 'cvss.label.score4' : 'cvss.label.baseScore'),
            score: score.score.toFixed(1),
            severity: severityLabel(score.severity, lang),
            nomenclature: score.nomenclature ? `, ${score.nomenclature}` : '',
          }),
        )
        .join('\n'),
    };
    out.notePointer = others[0].at;
  }
  const cwe = str(v.cwe) ? weaknessOf(v.cwe as string) : undefined;
  if (cwe) {
    out.cwe = { id: cwe.id, name: cwe.name };
    out.cwePointer = `${pointer}/cwe`;
  }
  return out;
}

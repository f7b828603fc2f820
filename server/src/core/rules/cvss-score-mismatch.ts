import type { Rule } from './types';
import { problem, type Problem } from '../problems';
import { msg, registerMessages } from '../messages';
import { formatScore, vectorsOf } from './cvss-support';
import { severityLabel } from '../cvss/labels';

registerMessages({
  en: { 'rule.cvssScoreMismatch': 'The score is {written}, but the vector’s {what} is {computed} ({severity}).' },
  ja: { 'rule.cvssScoreMismatch': 'score は {written} ですが、ベクトルから計算した{what}は {computed} ({severity}) です。' },
});

/** A written `score` that is not the score computed from its vector. */
export const cvssScoreMismatch: Rule = {
  code: 'cvss-score-mismatch',
  defaultSeverity: 'error',
  title: { en: 'The CVSS score does not match its vector', ja: 'CVSS の値がベクトルと合わない' },
  crossFile: false,
  description:
    'A `cvss` entry\'s `score` differs from the base score computed from its `vector` (for 4.0, the score of the vector as written). Reported on `score`; the message gives both. A vector with a `cvss-vector` finding is not scored.',
  check: ({ bulletin, locale }) => {
    const out: Problem[] = [];
    for (const { entry, score } of vectorsOf(bulletin)) {
      if (!score || entry.score === undefined || !entry.scoreRange) continue;
      if (Math.round(entry.score * 10) === Math.round(score.score * 10)) continue;
      const what = msg(locale, score.version === '4.0' ? 'cvss.label.score4' : 'cvss.label.baseScore');
      out.push(
        problem('cvss-score-mismatch', 'error', entry.scoreRange, msg(locale, 'rule.cvssScoreMismatch', { written: String(entry.score), computed: formatScore(score.score), severity: severityLabel(score.severity, locale), what }), {
          data: { suggestion: formatScore(score.score) },
        }),
      );
    }
    return out;
  },
};

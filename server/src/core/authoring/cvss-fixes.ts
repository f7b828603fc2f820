/**
 * Quick fixes of the CVSS rules, where the intent is clear: a value, metric or prefix in the
 * wrong case, an empty part, 4.0 metrics out of the specification's order, a metric of the
 * other CVSS generation with a counterpart (`C` → `VC`), a valid vector under the other
 * generation's prefix (`cvss-vector` carries the replacement); a written score that is not the computed one (`cvss-score-mismatch`).
 */
import type { Problem } from '../problems';
import { registerMessages } from '../messages';
import { msg } from './messages';
import type { Fix, FixInput } from './fixes';

registerMessages({
  en: {
    'fix.cvssRemoveSlash': 'Remove the extra /',
    'fix.cvssOrder': 'Put the metrics in the CVSS 4.0 order',
    'fix.cvssScore': 'Change the score to the computed {score}',
    'fix.cvssVersion': 'Change the prefix to {prefix}',
  },
  ja: {
    'fix.cvssRemoveSlash': '余分な / を削除',
    'fix.cvssOrder': 'メトリクスを CVSS 4.0 の順序に並べ替え',
    'fix.cvssScore': 'score を計算値 {score} に変更',
    'fix.cvssVersion': '接頭辞を {prefix} に変更',
  },
});

export function cvssFixes(problem: Problem, { analysis, locale }: FixInput): Fix[] {
  const text = analysis.parsed.text;
  if (problem.code === 'cvss-vector') {
    const replace = problem.data?.replace;
    const replacement = problem.data?.with;
    if (!Array.isArray(replace) || typeof replacement !== 'string') return [];
    const [start, end] = replace as [number, number];
    if (!(start >= 0 && end >= start && end <= text.length)) return [];
    const fault = problem.data?.fault;
    const title =
      fault === 'order' ? msg(locale, 'fix.cvssOrder')
      : fault === 'version' ? msg(locale, 'fix.cvssVersion', { prefix: replacement })
      : replacement === '' ? msg(locale, 'fix.cvssRemoveSlash')
      : msg(locale, 'fix.replace', { suggestion: replacement });
    return [{ title, edits: [{ start, end, newText: replacement }], preferred: true }];
  }
  if (problem.code === 'cvss-score-mismatch') {
    const score = problem.data?.suggestion;
    if (typeof score !== 'string') return [];
    return [{ title: msg(locale, 'fix.cvssScore', { score }), edits: [{ start: problem.offset, end: problem.offset + problem.length, newText: score }], preferred: true }];
  }
  return [];
}

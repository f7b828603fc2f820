import type { Rule } from './types';
import { problem } from '../problems';
import { msg, registerMessages } from '../messages';
import { CVSS_SEVERITIES, severityDistance } from '../cvss/score';
import { severityLabel } from '../cvss/labels';
import { formatScore, vectorsOf, type ReadVector } from './cvss-support';
import { relatedAt } from './support';

registerMessages({
  en: {
    'rule.cvssSeverityMismatch': '`severity: {severity}` is {steps} steps away from the highest CVSS severity of the vulnerabilities: {cvss} ({score}, {id}).',
    'rule.cvssSeverityMismatch.related': 'The highest CVSS severity: {cvss} ({score}).',
  },
  ja: {
    'rule.cvssSeverityMismatch': '`severity: {severity}` は、脆弱性の CVSS の最も高い深刻度 {cvss} ({score}、{id}) から {steps} 段階離れています。',
    'rule.cvssSeverityMismatch.related': 'CVSS の最も高い深刻度: {cvss} ({score})。',
  },
});

/** The bulletin's `severity` two or more steps from the highest CVSS base severity of its vulnerabilities. */
export const cvssSeverityMismatch: Rule = {
  code: 'cvss-severity-mismatch',
  defaultSeverity: 'information',
  title: { en: 'The severity is far from the CVSS severity', ja: '深刻度が CVSS の深刻度とかけ離れている' },
  crossFile: false,
  description:
    'The bulletin\'s `severity` is two or more steps away from the highest CVSS base severity among its vulnerabilities (CVSS critical ↔ `critical`, high ↔ `important`, medium ↔ `moderate`, low ↔ `low`; a score of 0.0, severity none, is ignored). Reported on `severity`.',
  check: ({ bulletin, locale }) => {
    if (!bulletin.severity || !bulletin.severityRange) return [];
    let highest: ReadVector | undefined;
    for (const read of vectorsOf(bulletin)) {
      if (!read.score || read.score.severity === 'none') continue;
      if (!highest || CVSS_SEVERITIES.indexOf(read.score.severity) > CVSS_SEVERITIES.indexOf(highest.score!.severity)) highest = read;
    }
    if (!highest) return [];
    const steps = severityDistance(bulletin.severity, highest.score!.severity);
    if (steps === undefined || steps < 2) return [];
    return [
      problem('cvss-severity-mismatch', 'information', bulletin.severityRange, msg(locale, 'rule.cvssSeverityMismatch', { severity: bulletin.severity, steps: String(steps), cvss: severityLabel(highest.score!.severity, locale), score: formatScore(highest.score!.score), id: highest.vulnerability.id ?? highest.vulnerability.pointer }), {
        related: [relatedAt(bulletin, highest.entry.vectorRange ?? highest.entry.range, msg(locale, 'rule.cvssSeverityMismatch.related', { cvss: severityLabel(highest.score!.severity, locale), score: formatScore(highest.score!.score) }))],
      }),
    ];
  },
};

/** Words for CVSS scores and severities, in both languages (hover, inlay hints, preview, messages). */
import { msg, registerMessages, type Locale } from '../messages';
import type { CvssSeverity } from './score';

registerMessages({
  en: {
    'cvss.severity.none': 'None',
    'cvss.severity.low': 'Low',
    'cvss.severity.medium': 'Medium',
    'cvss.severity.high': 'High',
    'cvss.severity.critical': 'Critical',
    'cvss.label.baseScore': 'base score',
    'cvss.label.score4': 'score',
  },
  ja: {
    'cvss.severity.none': 'なし',
    'cvss.severity.low': '注意',
    'cvss.severity.medium': '警告',
    'cvss.severity.high': '重要',
    'cvss.severity.critical': '緊急',
    'cvss.label.baseScore': '基本値',
    'cvss.label.score4': '評価値',
  },
});

export function severityLabel(severity: CvssSeverity, locale: Locale): string {
  return msg(locale, `cvss.severity.${severity}`);
}

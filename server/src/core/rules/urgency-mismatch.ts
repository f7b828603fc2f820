import type { Rule } from './types';
import { problem, type Problem } from '../problems';
import { msg, registerMessages } from '../messages';

registerMessages({
  en: {
    'rule.urgencyMismatch.exploit': '`urgency: wait-for-sp` although the exploit is in the wild.',
    'rule.urgencyMismatch.severity': '`urgency: wait-for-sp` although the severity is critical.',
  },
  ja: {
    'rule.urgencyMismatch.exploit': '悪用が確認されている (in-the-wild) のに、緊急対応度が `urgency: wait-for-sp` (SP 待ち) になっています。',
    'rule.urgencyMismatch.severity': '深刻度が緊急 (critical) なのに、緊急対応度が `urgency: wait-for-sp` (SP 待ち) になっています。',
  },
});

/** `exploit: in-the-wild` or `severity: critical` with `urgency: wait-for-sp`. */
export const urgencyMismatch: Rule = {
  code: 'urgency-mismatch',
  defaultSeverity: 'information',
  title: { en: 'Waiting for a service pack does not fit the risk', ja: 'SP 待ちが危険度に見合わない' },
  crossFile: false,
  description:
    '`exploit: in-the-wild` or `severity: critical` together with `urgency: wait-for-sp`. Reported on `urgency`.',
  check: ({ bulletin, locale }) => {
    if (bulletin.urgency !== 'wait-for-sp' || !bulletin.urgencyRange) return [];
    const out: Problem[] = [];
    if (bulletin.exploit === 'in-the-wild') out.push(problem('urgency-mismatch', 'information', bulletin.urgencyRange, msg(locale, 'rule.urgencyMismatch.exploit'), { data: { suggestion: 'urgent' } }));
    else if (bulletin.severity === 'critical') out.push(problem('urgency-mismatch', 'information', bulletin.urgencyRange, msg(locale, 'rule.urgencyMismatch.severity'), { data: { suggestion: 'urgent' } }));
    return out;
  },
};

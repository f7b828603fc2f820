import type { Rule } from './types';
import { problem, type Problem } from '../problems';
import { msg, registerMessages } from '../messages';
import { weaknessOf } from '../cwe';

registerMessages({
  en: { 'rule.unknownCwe': '{id} is not in the CWE list (the one csaf-validator-lib checks CSAF against).' },
  ja: { 'rule.unknownCwe': '{id} は CWE の一覧 (csaf-validator-lib が CSAF の検査に使う一覧) にありません。' },
});

const CWE_ID = /^CWE-[1-9][0-9]*$/;

/** A `cwe` id that is not in the CWE list. */
export const unknownCwe: Rule = {
  code: 'unknown-cwe',
  defaultSeverity: 'warning',
  title: { en: 'Unknown CWE id', ja: '不明な CWE 番号' },
  crossFile: false,
  description:
    'A vulnerability\'s `cwe` (written `CWE-<number>`) that is not in the CWE list `@secvisogram/csaf-validator-lib` ships, the list CSAF exports are validated against. Reported on `cwe`; an id of the wrong form is a `schema` finding instead.',
  check: ({ bulletin, locale }) => {
    const out: Problem[] = [];
    for (const v of bulletin.vulnerabilities) {
      if (!v.cwe || !v.cweRange || !CWE_ID.test(v.cwe) || weaknessOf(v.cwe)) continue;
      out.push(problem('unknown-cwe', 'warning', v.cweRange, msg(locale, 'rule.unknownCwe', { id: v.cwe })));
    }
    return out;
  },
};

import type { Rule } from './types';
import { problem, type Problem } from '../problems';
import { msg, registerMessages } from '../messages';
import { closest } from '../schema/suggest';
import { UNSUPPRESSIBLE } from '../suppress';

registerMessages({
  en: {
    'rule.suppression.noCode': 'This suppression names no rule code: write `# bulletin-ignore CODE: REASON`.',
    'rule.suppression.noReason': 'This suppression gives no reason: write it after a colon (`# bulletin-ignore {code}: REASON`). Without one it suppresses nothing.',
    'rule.suppression.unknown': '`{code}` is not a rule code.',
    'rule.suppression.unknownSuggest': '`{code}` is not a rule code; did you mean `{suggestion}`?',
    'rule.suppression.unsuppressible': '`{code}` findings cannot be suppressed.',
    'rule.suppression.misplaced': '`# bulletin-ignore-file` applies only at the top of the file, before the first key: this one suppresses nothing.',
    'rule.suppression.staleLine': 'This suppression suppresses nothing: no `{code}` finding starts on the next line.',
    'rule.suppression.staleFile': 'This suppression suppresses nothing: the file has no `{code}` finding.',
  },
  ja: {
    'rule.suppression.noCode': 'この抑制は規則のコードを指定していません。`# bulletin-ignore CODE: REASON` の形で書いてください。',
    'rule.suppression.noReason': 'この抑制には理由がありません。コロンの後に書いてください (`# bulletin-ignore {code}: REASON`)。理由がない抑制は何も抑制しません。',
    'rule.suppression.unknown': '`{code}` は規則のコードではありません。',
    'rule.suppression.unknownSuggest': '`{code}` は規則のコードではありません。`{suggestion}` のことですか?',
    'rule.suppression.unsuppressible': '`{code}` の指摘は抑制できません。',
    'rule.suppression.misplaced': '`# bulletin-ignore-file` はファイルの先頭 (最初のキーより前) でのみ有効です。この抑制は何も抑制しません。',
    'rule.suppression.staleLine': 'この抑制は何も抑制していません。次の行から始まる `{code}` の指摘はありません。',
    'rule.suppression.staleFile': 'この抑制は何も抑制していません。このファイルに `{code}` の指摘はありません。',
  },
});

/**
 * Suppression comments that are wrong or stale: no code, no reason, an unknown code or one that
 * cannot be suppressed, a file-level comment below the first key, and (when the check that
 * applied them says what they accepted: `RuleContext.suppressionUse`) one that accepts nothing.
 */
export const suppression: Rule = {
  code: 'suppression',
  defaultSeverity: 'warning',
  title: { en: 'A suppression comment is incomplete, unknown or stale', ja: '抑制コメントが不完全・不明・不要' },
  crossFile: false,
  description:
    'A suppression comment (`# bulletin-ignore CODE[, CODE…]: REASON` on its own line, for the findings of those codes that start on the next line that is not blank or a comment; `# bulletin-ignore-file CODE…: REASON` at the top, before any key, for the whole file) that names no code, gives no reason (it then suppresses nothing), names an unknown code or one that cannot be suppressed (`yaml-syntax`, `suppression`), is a file-level comment below the first key, or suppresses nothing (stale: the finding it accepted is gone). Reported on the code at fault, else on the comment. A stale suppression of a code whose rule is turned off is not reported, nor one below a YAML syntax error while that error stands.',
  check: ({ bulletin, locale, suppressionUse }) => {
    const out: Problem[] = [];
    const warn = (range: readonly [number, number], message: string, data?: Record<string, unknown>) => out.push(problem('suppression', 'warning', range, message, data && { data }));
    const codes = suppressionUse?.codes;
    const reported = new Set<number>();
    bulletin.suppressions.forEach((s, i) => {
      // Faults of the whole comment: once per comment, however many codes it names.
      const comment = s.range[0];
      if (!reported.has(comment)) {
        if (s.kind === 'misplaced') warn(s.range, msg(locale, 'rule.suppression.misplaced'));
        else if (s.code === undefined) warn(s.range, msg(locale, 'rule.suppression.noCode'));
        else if (s.reason === undefined) warn(s.range, msg(locale, 'rule.suppression.noReason', { code: s.code }));
        reported.add(comment);
      }
      if (s.code === undefined || !s.codeRange) return;
      if (codes && !codes.includes(s.code)) {
        const suggestion = closest(s.code, codes);
        warn(s.codeRange, suggestion ? msg(locale, 'rule.suppression.unknownSuggest', { code: s.code, suggestion }) : msg(locale, 'rule.suppression.unknown', { code: s.code }), suggestion ? { suggestion } : undefined);
      } else if (UNSUPPRESSIBLE.has(s.code)) {
        warn(s.codeRange, msg(locale, 'rule.suppression.unsuppressible', { code: s.code }));
      } else if (s.kind !== 'misplaced' && s.reason !== undefined && suppressionUse?.judged[i] && !suppressionUse.used[i]) {
        warn(s.codeRange, msg(locale, s.kind === 'file' ? 'rule.suppression.staleFile' : 'rule.suppression.staleLine', { code: s.code }), { stale: s.code });
      }
    });
    return out;
  },
};

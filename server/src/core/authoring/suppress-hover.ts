/**
 * Hover inside a suppression comment (`# bulletin-ignore CODE[, CODE…]: REASON`). On a code:
 * the rule's code, title, default severity and description (what the rule link opens), or
 * that the code is unknown. Elsewhere on the comment: what it does (the next node line, or the
 * whole file), how many findings each code suppresses now, and the reason. The counts come
 * from checking the bulletin as the server does (same severities and history), so they agree
 * with the Problems panel; while the workspace is still being read a cross-file code that
 * suppresses nothing yet is not called stale (lsp/validation.ts holds such findings back too).
 */
import type { Analysis, CheckOptions } from '../analyze';
import { checkBulletinWithSuppressed } from '../analyze';
import type { WorkspaceIndex } from '../index/workspace-index';
import type { Locale } from '../messages';
import { msg, registerMessages } from '../messages';
import type { Suppression } from '../model';
import { ruleByCode, rules } from '../rules';
import '../rules/suppression'; // `rule.suppression.*`
import { closest } from '../schema/suggest';
import { UNSUPPRESSIBLE } from '../suppress';
import { positionAt } from '../text';
import type { HoverResult } from './hover';

registerMessages({
  en: {
    'hover.rule.severity': 'Default severity: {severity}',
    'hover.suppress.line': '**{directive}** accepts the findings of the codes it names that start on the next line that is not blank or a comment (line {line}).',
    'hover.suppress.lineNoTarget': '**{directive}** accepts the findings of the codes it names that start on the next line that is not blank or a comment; no such line follows, so it suppresses nothing.',
    'hover.suppress.file': '**{directive}** accepts the findings of the codes it names in the whole file.',
    'hover.suppress.one': '`{code}`: suppresses 1 finding now',
    'hover.suppress.many': '`{code}`: suppresses {count} findings now',
    'hover.suppress.nothing': '`{code}`: suppresses nothing now',
    'hover.suppress.reading': '`{code}`: suppresses nothing yet; the workspace is still being read',
    'hover.suppress.off': '`{code}`: the rule is turned off (`bulletin.rules`)',
    'hover.suppress.unknown': '`{code}`: not a rule code',
    'hover.suppress.cannot': '`{code}`: cannot be suppressed',
    'hover.suppress.noCode': 'It names no rule code, so it suppresses nothing.',
    'hover.suppress.reason': 'Reason: {reason}',
    'hover.suppress.noReason': 'No reason is given: it suppresses nothing until one is written after a colon.',
  },
  ja: {
    'hover.rule.severity': '既定の重大度: {severity}',
    'hover.suppress.line': '**{directive}** は、次の行 (空行とコメントを除く、{line} 行目) から始まる、指定したコードの指摘を受け入れます。',
    'hover.suppress.lineNoTarget': '**{directive}** は、次の行 (空行とコメントを除く) から始まる、指定したコードの指摘を受け入れます。後に続く行がないため、何も抑制しません。',
    'hover.suppress.file': '**{directive}** は、ファイル全体で、指定したコードの指摘を受け入れます。',
    'hover.suppress.one': '`{code}`: 現在 1 件の指摘を抑制しています',
    'hover.suppress.many': '`{code}`: 現在 {count} 件の指摘を抑制しています',
    'hover.suppress.nothing': '`{code}`: 現在は何も抑制していません',
    'hover.suppress.reading': '`{code}`: ワークスペースの読み込み中のため、まだ何も抑制していません',
    'hover.suppress.off': '`{code}`: この規則は無効にされています (`bulletin.rules`)',
    'hover.suppress.unknown': '`{code}`: 規則のコードではありません',
    'hover.suppress.cannot': '`{code}`: 抑制できない規則です',
    'hover.suppress.noCode': '規則のコードを指定していないため、何も抑制しません。',
    'hover.suppress.reason': '理由: {reason}',
    'hover.suppress.noReason': '理由がありません。コロンの後に理由を書くまで、何も抑制しません。',
  },
});

export interface SuppressionHoverInput {
  analysis: Analysis;
  index: WorkspaceIndex;
  offset: number;
  /** The author's language: the rule pages' (setting, else the bulletin's `lang`, else the editor's). */
  locale: Locale;
  /** How the server checks the bulletin (severities, history): the counts must agree with its findings. */
  check: CheckOptions;
  /** False while the workspace is still being read: cross-file findings may be missing yet. */
  workspaceRead: boolean;
}

const DIRECTIVE = /^#[ \t]*(bulletin-ignore(?:-file)?)/;
const CROSS_FILE = new Set(rules.filter((r) => r.crossFile).map((r) => r.code));

export function suppressionHover(input: SuppressionHoverInput): HoverResult | undefined {
  const { analysis, offset, locale } = input;
  const all = analysis.bulletin.suppressions;
  const at = all.find((s) => s.range[0] <= offset && offset <= s.range[1]);
  if (!at) return undefined;
  const onCode = all.find((s) => s.codeRange && s.codeRange[0] <= offset && offset <= s.codeRange[1]);
  if (onCode?.code !== undefined) return { markdown: codeHover(onCode.code, locale), range: onCode.codeRange! };
  return { markdown: commentHover(input, at), range: at.range };
}

/** What the rule finds, as its documentation says; or that the code is none. */
export function codeHover(code: string, locale: Locale): string {
  const rule = ruleByCode.get(code);
  if (!rule) {
    const suggestion = closest(code, rules.map((r) => r.code));
    return suggestion ? msg(locale, 'rule.suppression.unknownSuggest', { code, suggestion }) : msg(locale, 'rule.suppression.unknown', { code });
  }
  const parts = [`**${rule.code}** — ${rule.title[locale]}`, msg(locale, 'hover.rule.severity', { severity: rule.defaultSeverity }), rule.description];
  if (UNSUPPRESSIBLE.has(code)) parts.push(msg(locale, 'rule.suppression.unsuppressible', { code }));
  return parts.join('\n\n');
}

function commentHover(input: SuppressionHoverInput, at: Suppression): string {
  const { analysis, index, locale, check, workspaceRead } = input;
  const { bulletin, parsed } = analysis;
  const directive = DIRECTIVE.exec(parsed.text.slice(at.range[0], at.range[1]))?.[1] ?? 'bulletin-ignore';
  // Every code of this comment (the model has one entry per code, sharing the comment's range).
  const entries = bulletin.suppressions.map((s, i) => ({ s, i })).filter(({ s }) => s.range[0] === at.range[0]);
  const parts: string[] = [];
  if (at.kind === 'misplaced') parts.push(msg(locale, 'rule.suppression.misplaced'));
  else if (at.kind === 'file') parts.push(msg(locale, 'hover.suppress.file', { directive }));
  else if (at.target) parts.push(msg(locale, 'hover.suppress.line', { directive, line: positionAt(parsed.lineStarts, at.target[0]).line + 1 }));
  else parts.push(msg(locale, 'hover.suppress.lineNoTarget', { directive }));
  if (entries.every(({ s }) => s.code === undefined)) parts.push(msg(locale, 'hover.suppress.noCode'));
  else {
    const { accepted } = checkBulletinWithSuppressed(bulletin, index, check);
    const lines = entries.filter(({ s }) => s.code !== undefined).map(({ s, i }) => `- ${countLine(s.code!, accepted[i] ?? 0, locale, check, workspaceRead)}`);
    parts.push(lines.join('\n'));
  }
  parts.push(at.reason !== undefined ? msg(locale, 'hover.suppress.reason', { reason: at.reason }) : msg(locale, 'hover.suppress.noReason'));
  return parts.join('\n\n');
}

function countLine(code: string, count: number, locale: Locale, check: CheckOptions, workspaceRead: boolean): string {
  if (!ruleByCode.has(code)) return msg(locale, 'hover.suppress.unknown', { code });
  if (UNSUPPRESSIBLE.has(code)) return msg(locale, 'hover.suppress.cannot', { code });
  if (check.severities?.[code] === 'off') return msg(locale, 'hover.suppress.off', { code });
  if (count === 1) return msg(locale, 'hover.suppress.one', { code });
  if (count > 1) return msg(locale, 'hover.suppress.many', { code, count });
  return msg(locale, !workspaceRead && CROSS_FILE.has(code) ? 'hover.suppress.reading' : 'hover.suppress.nothing', { code });
}

/** `bulletin check`'s text and JSON reports. */
import { msg, registerMessages, type Locale } from '../core/messages';
import type { CheckReport } from './check';
import { plainStyle, type TextStyle } from './colour';
import { displayPath, escapeControl } from './display';

registerMessages({
  en: {
    'cli.summary': '{files} checked: {errors}, {warnings}, {other} other.',
    'cli.summary.bulletin': '{count} bulletin',
    'cli.summary.bulletins': '{count} bulletins',
    'cli.summary.error': '{count} error',
    'cli.summary.errors': '{count} errors',
    'cli.summary.warning': '{count} warning',
    'cli.summary.warnings': '{count} warnings',
    'cli.suppressed': '{message} (suppressed at line {line}: {reason})',
    'cli.summary.suppressed': 'Suppressed in place: {count}.',
    'cli.summary.skippedLinks': '{count} symbolic links not followed (target outside the folder given, or in /proc, /sys or /dev).',
  },
  ja: {
    'cli.summary': '{files}を検査しました: {errors}、{warnings}、その他 {other} 件。',
    'cli.summary.bulletin': '{count} 件のセキュリティ情報',
    'cli.summary.bulletins': '{count} 件のセキュリティ情報',
    'cli.summary.error': 'エラー {count} 件',
    'cli.summary.errors': 'エラー {count} 件',
    'cli.summary.warning': '警告 {count} 件',
    'cli.summary.warnings': '警告 {count} 件',
    'cli.suppressed': '{message} ({line} 行目で抑制: {reason})',
    'cli.summary.suppressed': 'コメントで抑制: {count} 件。',
    'cli.summary.skippedLinks': 'シンボリック リンク {count} 件はたどっていません (リンク先が指定したフォルダーの外か、/proc、/sys、/dev の中です)。',
  },
});

/**
 * One line per finding (`file:line:column severity code message`, for tools), then a summary in
 * the reader's language. A file name with a control character is printed as a JSON string and
 * a message's control characters are escaped, so every finding stays one line. With
 * `--show-suppressed`, the findings comments accepted follow, `suppressed` in the severity's
 * place and the comment's line and reason after the message.
 */
export function formatText(report: CheckReport, locale: Locale = 'en', style: TextStyle = plainStyle): string {
  const lines = report.findings.map(
    (f) => `${style.location(`${displayPath(f.file)}:${f.line}:${f.column}`)} ${style.severity(f.severity, f.severity)} ${style.code(f.code)} ${escapeControl(f.message)}`,
  );
  for (const f of report.suppressed ?? []) {
    const message = msg(locale, 'cli.suppressed', { message: f.message, line: f.suppression.line, reason: f.suppression.reason });
    lines.push(`${style.location(`${displayPath(f.file)}:${f.line}:${f.column}`)} suppressed ${style.code(f.code)} ${escapeControl(message)}`);
  }
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  const count = (n: number, one: string, many: string) => msg(locale, n === 1 ? one : many, { count: n });
  lines.push(
    msg(locale, 'cli.summary', {
      files: count(report.files, 'cli.summary.bulletin', 'cli.summary.bulletins'),
      errors: count(errors, 'cli.summary.error', 'cli.summary.errors'),
      warnings: count(warnings, 'cli.summary.warning', 'cli.summary.warnings'),
      other: report.findings.length - errors - warnings,
    }),
  );
  if (report.suppressed) lines.push(msg(locale, 'cli.summary.suppressed', { count: report.suppressed.length }));
  if (report.skippedLinks) lines.push(msg(locale, 'cli.summary.skippedLinks', { count: report.skippedLinks }));
  return lines.join('\n') + '\n';
}

export function formatJson(report: CheckReport): string {
  return JSON.stringify({ files: report.files, findings: report.findings, ...(report.suppressed ? { suppressed: report.suppressed } : {}), ...(report.skippedLinks ? { skippedLinks: report.skippedLinks } : {}) }, null, 2) + '\n';
}

/**
 * `bulletin diff`'s reports: text (a terminal), JSON (tools) and Markdown (a pull request
 * comment). The changes' sentences are in each bulletin's own language; the headings in the
 * reader's (`--lang`).
 */
import { msg, registerMessages, type Locale } from '../core/messages';
import type { DiffReport, EffectFinding, FileDiff } from './diff';
import { displayPath, escapeControl } from './display';

registerMessages({
  en: {
    'cli.diff.since': 'Bulletin changes since {ref} ({commit})',
    'cli.diff.files': 'Bulletin changes',
    'cli.diff.status.changed': 'changed',
    'cli.diff.status.added': 'new',
    'cli.diff.status.removed': 'deleted',
    'cli.diff.status.renamed': 'renamed from {from}',
    'cli.diff.noChange': 'No bulletin changed in a way a reader would notice.',
    'cli.diff.whole.added': 'A new bulletin.',
    'cli.diff.whole.removed': 'The bulletin was deleted.',
    'cli.diff.renamedOnly': 'Renamed; its content is unchanged.',
    'cli.diff.effect': 'Effect on the workspace',
    'cli.diff.effect.none': 'No finding appears or goes.',
    'cli.diff.effect.added': 'new',
    'cli.diff.effect.removed': 'gone',
    'cli.diff.summary': '{files} changed; findings: {added} new ({errors} errors), {removed} gone. {checked} bulletins checked, {read} read at the ref.',
    'cli.diff.summaryFiles': '{files} changed; findings: {added} new ({errors} errors), {removed} gone.',
    'cli.diff.table': '| | File | Line | Severity | Rule | Message |',
    'cli.diff.line': 'line {line}',
  },
  ja: {
    'cli.diff.since': '{ref} ({commit}) からのセキュリティ情報の変更',
    'cli.diff.files': 'セキュリティ情報の変更',
    'cli.diff.status.changed': '変更',
    'cli.diff.status.added': '新規',
    'cli.diff.status.removed': '削除',
    'cli.diff.status.renamed': '{from} から名前を変更',
    'cli.diff.noChange': '読者が気づく変更はありません。',
    'cli.diff.whole.added': '新しいセキュリティ情報です。',
    'cli.diff.whole.removed': 'セキュリティ情報が削除されました。',
    'cli.diff.renamedOnly': '名前の変更のみで、内容は同じです。',
    'cli.diff.effect': 'ワークスペースへの影響',
    'cli.diff.effect.none': '検査結果の増減はありません。',
    'cli.diff.effect.added': '新規',
    'cli.diff.effect.removed': '解消',
    'cli.diff.summary': '{files} 件を変更。検査結果: 新規 {added} 件 (エラー {errors} 件)、解消 {removed} 件。{checked} 件を検査し、{read} 件を ref の時点で読みました。',
    'cli.diff.summaryFiles': '{files} 件を変更。検査結果: 新規 {added} 件 (エラー {errors} 件)、解消 {removed} 件。',
    'cli.diff.table': '| | ファイル | 行 | 重大度 | ルール | メッセージ |',
    'cli.diff.line': '{line} 行目',
  },
});

function statusText(file: FileDiff, locale: Locale): string {
  if (file.status === 'renamed') return msg(locale, 'cli.diff.status.renamed', { from: file.from ?? '' });
  return msg(locale, file.status === 'added' ? 'cli.diff.status.added' : file.status === 'removed' ? 'cli.diff.status.removed' : 'cli.diff.status.changed');
}

function wholeText(file: FileDiff, locale: Locale): string | undefined {
  if (file.status === 'added') return msg(locale, 'cli.diff.whole.added');
  if (file.status === 'removed') return msg(locale, 'cli.diff.whole.removed');
  if (file.status === 'renamed' && file.changes.length === 0) return msg(locale, 'cli.diff.renamedOnly');
  return undefined;
}

const mark = (kind: string) => (kind === 'added' ? '+' : kind === 'removed' ? '-' : '~');

function summary(report: DiffReport, locale: Locale): string {
  // OLD NEW: two versions of one bulletin, nothing read at a ref; the counts of the workspace would mislead.
  return msg(locale, report.ref ? 'cli.diff.summary' : 'cli.diff.summaryFiles', {
    files: report.files.length,
    added: report.added.length,
    errors: report.added.filter((f) => f.severity === 'error').length,
    removed: report.removed.length,
    checked: report.checked,
    read: report.readAtRef,
  });
}

function title(report: DiffReport, locale: Locale): string {
  return report.ref ? msg(locale, 'cli.diff.since', { ref: report.ref, commit: report.commit?.slice(0, 7) ?? '' }) : msg(locale, 'cli.diff.files');
}

export function formatDiffText(report: DiffReport, locale: Locale): string {
  const lines = [title(report, locale)];
  if (report.files.length === 0) lines.push(`  ${msg(locale, 'cli.diff.noChange')}`);
  for (const file of report.files) {
    lines.push(`${displayPath(file.file)} (${statusText(file, locale)})`);
    const whole = wholeText(file, locale);
    if (whole) lines.push(`  ${whole}`);
    for (const c of file.changes) lines.push(`  ${mark(c.kind)} ${escapeControl(c.label)}  [${displayPath(file.file)}:${c.line}]`);
  }
  lines.push('', `${msg(locale, 'cli.diff.effect')}:`);
  if (report.added.length + report.removed.length === 0) lines.push(`  ${msg(locale, 'cli.diff.effect.none')}`);
  const finding = (f: EffectFinding, word: string) => `  ${word}: ${displayPath(f.file)}:${f.line} ${f.severity} ${f.code} ${escapeControl(f.message)}`;
  for (const f of report.added) lines.push(finding(f, msg(locale, 'cli.diff.effect.added')));
  for (const f of report.removed) lines.push(finding(f, msg(locale, 'cli.diff.effect.removed')));
  lines.push(summary(report, locale));
  return lines.join('\n') + '\n';
}

export function formatDiffJson(report: DiffReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** Markdown text in a table cell or a list item: no pipe, no line break, no HTML, no link syntax that was not meant. */
function md(text: string): string {
  return escapeControl(text).replace(/[\\`*_{}[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

export function formatDiffMarkdown(report: DiffReport, locale: Locale): string {
  const out = [`## ${md(title(report, locale))}`, ''];
  if (report.files.length === 0) out.push(md(msg(locale, 'cli.diff.noChange')), '');
  for (const file of report.files) {
    out.push(`### \`${file.file.replace(/`/g, "'")}\` — ${md(statusText(file, locale))}`, '');
    const whole = wholeText(file, locale);
    if (whole) out.push(md(whole), '');
    for (const c of file.changes) out.push(`- ${c.kind === 'added' ? '➕' : c.kind === 'removed' ? '➖' : '✎'} ${md(c.label)} (${md(msg(locale, 'cli.diff.line', { line: c.line }))})`);
    if (file.changes.length > 0) out.push('');
  }
  out.push(`### ${md(msg(locale, 'cli.diff.effect'))}`, '');
  if (report.added.length + report.removed.length === 0) out.push(md(msg(locale, 'cli.diff.effect.none')), '');
  else {
    out.push(msg(locale, 'cli.diff.table'), '|---|---|---|---|---|---|');
    const row = (f: EffectFinding, word: string) => `| ${md(word)} | \`${f.file.replace(/`/g, "'")}\` | ${f.line} | ${f.severity} | \`${f.code}\` | ${md(f.message)} |`;
    for (const f of report.added) out.push(row(f, msg(locale, 'cli.diff.effect.added')));
    for (const f of report.removed) out.push(row(f, msg(locale, 'cli.diff.effect.removed')));
    out.push('');
  }
  out.push(md(summary(report, locale)));
  return out.join('\n') + '\n';
}

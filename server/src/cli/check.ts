/** `bulletin check`: the same index and rules as the server, over the files on disk. */
import { relative } from 'node:path';
import { checkBulletin, type CheckOptions } from '../core/analyze';
import { isRead, modelOfRead, readBulletinSync, reasonOf } from '../io/bulletinRead';
import { WorkspaceIndex } from '../core/index/workspace-index';
import { positionAt } from '../core/text';
import type { Problem, Severity } from '../core/problems';
import { msg, registerMessages, type Locale } from '../core/messages';

export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: string;
  severity: Severity;
  message: string;
  related: { file: string; line: number; column: number; message: string }[];
}

export interface CheckReport {
  files: number;
  findings: Finding[];
  /** Files that could not be read: reported, and the run ends with exit code 2. */
  unreadable: { file: string; reason: string }[];
  /** Symbolic links under the folders given that were not followed (io/linkPolicy.ts). */
  skippedLinks?: number;
}

/** A file's text (regular files only, at most `limit` bytes: io/boundedRead.ts); throws with the reason as `code`. */
export function decodeFile(path: string, limit?: number): string {
  const read = readBulletinSync(path, limit);
  if (isRead(read) && !read.tooLarge) return read.text;
  throw Object.assign(new Error(`cannot read ${path}: ${reasonOf(read)}`), { code: reasonOf(read) });
}

export function checkFiles(paths: readonly string[], options: CheckOptions, cwd: string): CheckReport {
  const index = new WorkspaceIndex();
  const unreadable: CheckReport['unreadable'] = [];
  const read: string[] = [];
  for (const path of paths) {
    const file = readBulletinSync(path, options.maxFileSize);
    if (!isRead(file)) {
      unreadable.push({ file: relative(cwd, path) || path, reason: reasonOf(file) });
      continue;
    }
    // The same models as the server's index of closed files: same findings, same JSON (a file
    // over the size limit: its one finding, nothing parsed).
    index.set(modelOfRead(path, file, options));
    read.push(path);
  }
  const findings: Finding[] = [];
  for (const path of read) {
    const bulletin = index.get(path)!;
    for (const p of checkBulletin(bulletin, index, options)) findings.push(toFinding(p, bulletin.lineStarts, path, index, cwd));
  }
  return { files: read.length, findings, unreadable };
}

function toFinding(p: Problem, lineStarts: Uint32Array, path: string, index: WorkspaceIndex, cwd: string): Finding {
  const start = positionAt(lineStarts, p.offset);
  const end = positionAt(lineStarts, p.offset + p.length);
  return {
    file: relative(cwd, path) || path,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    code: p.code,
    severity: p.severity,
    message: p.message,
    related: (p.related ?? []).flatMap((r) => {
      const starts = index.get(r.uri)?.lineStarts;
      if (!starts) return [];
      const at = positionAt(starts, r.offset);
      return [{ file: relative(cwd, r.uri) || r.uri, line: at.line + 1, column: at.character + 1, message: r.message }];
    }),
  };
}

registerMessages({
  en: {
    'cli.summary': '{files} checked: {errors}, {warnings}, {other} other.',
    'cli.summary.bulletin': '{count} bulletin',
    'cli.summary.bulletins': '{count} bulletins',
    'cli.summary.error': '{count} error',
    'cli.summary.errors': '{count} errors',
    'cli.summary.warning': '{count} warning',
    'cli.summary.warnings': '{count} warnings',
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
    'cli.summary.skippedLinks': 'シンボリック リンク {count} 件はたどっていません (リンク先が指定したフォルダーの外か、/proc、/sys、/dev の中です)。',
  },
});

/** One line per finding (`file:line:column severity code message`, for tools), then a summary in the reader's language. */
export function formatText(report: CheckReport, locale: Locale = 'en'): string {
  const lines = report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`);
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
  if (report.skippedLinks) lines.push(msg(locale, 'cli.summary.skippedLinks', { count: report.skippedLinks }));
  return lines.join('\n') + '\n';
}

export function formatJson(report: CheckReport): string {
  return JSON.stringify({ files: report.files, findings: report.findings, ...(report.skippedLinks ? { skippedLinks: report.skippedLinks } : {}) }, null, 2) + '\n';
}

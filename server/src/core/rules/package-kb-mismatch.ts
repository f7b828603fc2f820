import type { Rule } from './types';
import { problem, type Problem } from '../problems';
import { msg, registerMessages } from '../messages';

registerMessages({
  en: { 'rule.packageKbMismatch': 'The package file name {file} does not contain KB{kb}.' },
  ja: { 'rule.packageKbMismatch': 'パッケージのファイル名 {file} に KB{kb} が含まれていません。' },
});

/** The package file name lacks `KB<kb>` (a longer number such as KB8733501 does not count). */
export const packageKbMismatch: Rule = {
  code: 'package-kb-mismatch',
  defaultSeverity: 'warning',
  title: { en: 'The package file name lacks the bulletin\'s KB number', ja: 'パッケージのファイル名に KB 番号がない' },
  crossFile: false,
  description:
    'The package file name does not contain `KB<kb>` (case-insensitive; a longer number such as `KB8733501` for `kb: 873350` does not count). Reported on `package.file`.',
  check: ({ bulletin, locale }) => {
    const kb = bulletin.kb;
    if (kb === undefined) return [];
    const out: Problem[] = [];
    for (const platform of bulletin.platforms) {
      const pkg = platform.package;
      if (!pkg?.file || !pkg.fileRange || namesKb(pkg.file, kb)) continue;
      out.push(problem('package-kb-mismatch', 'warning', pkg.fileRange, msg(locale, 'rule.packageKbMismatch', { file: pkg.file, kb }), { data: { expectedKb: kb } }));
    }
    return out;
  },
};

/**
 * Whether `file` contains `KB0*<kb>` not followed by a digit, case-insensitively. A regular
 * expression built per bulletin cost more than the rest of the rules together at 10,000
 * bulletins: a whole non-negative number is matched by hand (the digits after `KB` up to the
 * first non-digit, leading zeros dropped, are its digits), anything else by the expression.
 */
export function namesKb(file: string, kb: number): boolean {
  if (!Number.isSafeInteger(kb) || kb < 0) return new RegExp(`KB0*${kb}(?!\\d)`, 'i').test(file);
  const digits = String(kb).replace(/^0+/, '');
  for (let at = file.search(/kb/i); at >= 0; ) {
    let start = at + 2;
    let end = start;
    while (end < file.length && file.charCodeAt(end) >= 48 && file.charCodeAt(end) <= 57) end++;
    while (start < end && file.charCodeAt(start) === 48) start++;
    // At least one digit after `KB`, and what is left after the zeros is the number itself.
    if (end > at + 2 && end - start === digits.length && file.startsWith(digits, start)) return true;
    const next = file.slice(at + 1).search(/kb/i);
    at = next < 0 ? -1 : at + 1 + next;
  }
  return false;
}

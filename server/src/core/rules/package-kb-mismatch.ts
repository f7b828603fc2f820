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
    const pattern = new RegExp(`KB0*${kb}(?!\\d)`, 'i');
    const out: Problem[] = [];
    for (const platform of bulletin.platforms) {
      const pkg = platform.package;
      if (!pkg?.file || !pkg.fileRange || pattern.test(pkg.file)) continue;
      out.push(problem('package-kb-mismatch', 'warning', pkg.fileRange, msg(locale, 'rule.packageKbMismatch', { file: pkg.file, kb }), { data: { expectedKb: kb } }));
    }
    return out;
  },
};

import type { Rule } from './types';
import { problem, type Problem } from '../problems';
import { msg, registerMessages } from '../messages';

registerMessages({
  en: {
    'rule.dateOrder.file': '{file} is dated {date}, after its package ({packageDate}).',
    'rule.dateOrder.package': 'The package is dated {date}, after the bulletin\'s last revision ({revised}).',
    'rule.dateOrder.updated': '`updated` ({updated}) is before `published` ({published}).',
  },
  ja: {
    'rule.dateOrder.file': '{file} の日付 {date} がパッケージの日付 ({packageDate}) より後です。',
    'rule.dateOrder.package': 'パッケージの日付 {date} がセキュリティ情報の最終更新日 ({revised}) より後です。',
    'rule.dateOrder.updated': '`updated` ({updated}) が `published` ({published}) より前です。',
  },
});

/** Dates out of order: file after package, package after the last revision, updated before published. */
export const dateOrder: Rule = {
  code: 'date-order',
  defaultSeverity: 'warning',
  title: { en: 'Dates are out of order', ja: '日付の前後関係がおかしい' },
  crossFile: false,
  description:
    'Dates out of order, three cases: a file is dated after its platform\'s package (on the file\'s `date`); a package is dated after the bulletin\'s last revision, `updated` or else `published` (on the package\'s `date`); `updated` is before `published` (on `updated`).',
  check: ({ bulletin, locale }) => {
    const out: Problem[] = [];
    const { published, updated } = bulletin;
    const revised = updated ?? published;
    for (const platform of bulletin.platforms) {
      const pkg = platform.package;
      if (pkg?.date !== undefined) {
        for (const file of platform.files) {
          if (file.date !== undefined && file.dateRange && file.date > pkg.date) {
            out.push(problem('date-order', 'warning', file.dateRange, msg(locale, 'rule.dateOrder.file', { file: file.name, date: file.date, packageDate: pkg.date })));
          }
        }
        if (revised !== undefined && pkg.dateRange && pkg.date > revised) {
          out.push(problem('date-order', 'warning', pkg.dateRange, msg(locale, 'rule.dateOrder.package', { date: pkg.date, revised })));
        }
      }
    }
    if (updated !== undefined && published !== undefined && bulletin.updatedRange && updated < published) {
      out.push(problem('date-order', 'warning', bulletin.updatedRange, msg(locale, 'rule.dateOrder.updated', { updated, published })));
    }
    return out;
  },
};

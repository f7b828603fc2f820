import type { Rule } from './types';
import { problem, type Problem } from '../problems';
import { msg, registerMessages } from '../messages';

registerMessages({
  en: {
    'rule.revisionOrder.backwards': 'Revision {n} is dated {date}, before revision {previous} ({previousDate}): revisions are listed oldest first.',
    'rule.revisionOrder.published': 'The first revision is dated {date}, but `published` is {published}.',
    'rule.revisionOrder.updated': 'The last revision is dated {date}, but `updated` is {updated}.',
    'rule.revisionOrder.repeated': 'Revision {n} repeats revision {previous}: same date ({date}) and summary.',
  },
  ja: {
    'rule.revisionOrder.backwards': '改訂 {n} の日付 {date} が改訂 {previous} ({previousDate}) より前です。改訂履歴は古い順に書きます。',
    'rule.revisionOrder.published': '最初の改訂の日付は {date} ですが、`published` は {published} です。',
    'rule.revisionOrder.updated': '最後の改訂の日付は {date} ですが、`updated` は {updated} です。',
    'rule.revisionOrder.repeated': '改訂 {n} は改訂 {previous} と同じ日付 ({date})・同じ概要です。',
  },
});

/** The revision history out of order, or disagreeing with `published` / `updated`. */
export const revisionOrder: Rule = {
  code: 'revision-order',
  defaultSeverity: 'warning',
  title: { en: 'The revision history is out of order', ja: '改訂履歴の順序・日付がおかしい' },
  crossFile: false,
  description:
    'In `revisions` (oldest first): a revision is dated before the one above it (on its `date`); the first revision\'s date is not `published`, or the last one\'s is not `updated`, where those keys are written (on the revision\'s `date`); two revisions share a date and a summary (on the later one).',
  check: ({ bulletin, locale }) => {
    const out: Problem[] = [];
    const revisions = bulletin.revisions;
    if (revisions.length === 0) return out;
    const seen = new Map<string, number>();
    let latest: { date: string; n: number } | undefined;
    revisions.forEach((revision, i) => {
      const n = i + 1;
      const at = revision.dateRange ?? revision.range;
      if (revision.date === undefined) return;
      if (latest && revision.date < latest.date) {
        out.push(problem('revision-order', 'warning', at, msg(locale, 'rule.revisionOrder.backwards', { n, date: revision.date, previous: latest.n, previousDate: latest.date })));
      }
      if (!latest || revision.date >= latest.date) latest = { date: revision.date, n };
      if (revision.summary !== undefined) {
        const key = `${revision.date}\u0000${revision.summary.trim()}`;
        const previous = seen.get(key);
        if (previous !== undefined) out.push(problem('revision-order', 'warning', revision.summaryRange ?? revision.range, msg(locale, 'rule.revisionOrder.repeated', { n, previous, date: revision.date })));
        else seen.set(key, n);
      }
    });
    const first = revisions[0];
    const last = revisions[revisions.length - 1];
    const { published, updated } = bulletin;
    if (first.date !== undefined && published !== undefined && first.date !== published) {
      out.push(problem('revision-order', 'warning', first.dateRange ?? first.range, msg(locale, 'rule.revisionOrder.published', { date: first.date, published })));
    }
    if (last.date !== undefined && updated !== undefined && last.date !== updated) {
      out.push(problem('revision-order', 'warning', last.dateRange ?? last.range, msg(locale, 'rule.revisionOrder.updated', { date: last.date, updated })));
    }
    return out;
  },
};

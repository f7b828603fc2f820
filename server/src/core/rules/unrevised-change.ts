import type { Rule } from './types';
import { problem } from '../problems';
import { msg, registerMessages } from '../messages';
import { draftSummary } from '../diff';

registerMessages({
  en: {
    'rule.unrevisedChange': '{id} has changed since commit {commit} ({first}{more}), but has no new revision and `updated` is unchanged: readers of the published bulletin are not told.',
    'rule.unrevisedChange.more': ', and {count} more',
  },
  ja: {
    'rule.unrevisedChange': '{id} はコミット {commit} から変更されています ({first}{more}) が、新しい改訂がなく `updated` も変わっていません。公開済みの読者に変更が伝わりません。',
    'rule.unrevisedChange.more': '、ほか {count} 件',
  },
});

/** A published bulletin changed materially since its last commit without a new revision. */
export const unrevisedChange: Rule = {
  code: 'unrevised-change',
  defaultSeverity: 'warning',
  title: { en: 'A published bulletin changed without a new revision', ja: '公開済みのセキュリティ情報が改訂なしに変更された' },
  crossFile: false,
  needs: 'git',
  description:
    'The bulletin is tracked by git, its last committed version had `status: final` (or no `status`), and the working text differs from it *materially* (the semantic diff is not empty: comments, key order, quoting, blank lines, `comment` and `revisions` do not count), yet it has no revision newer than the committed version\'s last one and `updated` is unchanged. Reported on `updated` (else `revisions`, else `id`). The quick fix **Add revision** appends a revision dated today, its summary drafted from the changes in the bulletin\'s language, and sets `updated` to the same date. Needs git in a trusted workspace; without a repository the rule is silent.',
  check: ({ bulletin, locale, history }) => {
    const committed = history?.(bulletin.uri);
    if (!committed || (committed.status !== undefined && committed.status !== 'final')) return [];
    const changes = committed.changes;
    if (changes.length === 0) return [];
    if (changes.some((c) => c.subject === 'field' && c.field === 'updated')) return [];
    const revisions = bulletin.revisions;
    const lastDate = revisions[revisions.length - 1]?.date;
    if (revisions.length > committed.revisionCount) return [];
    if (lastDate !== undefined && committed.lastRevisionDate !== undefined && lastDate > committed.lastRevisionDate) return [];
    const range = bulletin.updatedRange ?? bulletin.revisionsRange ?? bulletin.idRange ?? [0, 0];
    const more = changes.length > 1 ? msg(locale, 'rule.unrevisedChange.more', { count: changes.length - 1 }) : '';
    return [
      problem('unrevised-change', 'warning', range, msg(locale, 'rule.unrevisedChange', { id: bulletin.id ?? '', commit: committed.commit.slice(0, 7), first: changes[0].label, more }), {
        data: { summary: draftSummary(changes, bulletin.lang), commit: committed.commit },
      }),
    ];
  },
};

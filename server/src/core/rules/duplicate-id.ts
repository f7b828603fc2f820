import type { Rule } from './types';
import { problem } from '../problems';
import { msg, registerMessages } from '../messages';
import { reporterOf } from '../index/order';
import { baseName, relatedAt } from './support';

registerMessages({
  en: {
    'rule.duplicateId': 'The id {id} is also used by {files}: ids must be unique in the workspace.',
    'rule.duplicateId.related': 'The same id {id} here.',
  },
  ja: {
    'rule.duplicateId': 'ID {id} は {files} でも使われています。ID はワークスペース内で一意でなければなりません。',
    'rule.duplicateId.related': 'ここでも同じ ID {id} が使われています。',
  },
});

/** Two bulletins share an id; reported on the newer of each pair, the other side related. */
export const duplicateId: Rule = {
  code: 'duplicate-id',
  defaultSeverity: 'error',
  title: { en: 'Two bulletins in the workspace share an id', ja: 'ワークスペース内で ID が重複している' },
  crossFile: true,
  reads: ['id', 'published', 'references'],
  description:
    'Two bulletins in the workspace share an `id`. Reported on the `id` of the newer one (the later `published`; with the same date, the later file), with the other bulletin\'s `id` as related information.',
  check: ({ bulletin, index, locale }) => {
    if (bulletin.id === undefined || !bulletin.idRange) return [];
    const others = index.byId(bulletin.id).filter((o) => o.uri !== bulletin.uri && reporterOf(bulletin, o) === bulletin);
    if (others.length === 0) return [];
    const id = bulletin.id;
    return [
      problem('duplicate-id', 'error', bulletin.idRange, msg(locale, 'rule.duplicateId', { id, files: others.map((o) => baseName(o.uri)).join(', ') }), {
        related: others.map((o) => relatedAt(o, o.idRange ?? [0, 0], msg(locale, 'rule.duplicateId.related', { id }))),
        data: { id, others: others.map((o) => o.uri) },
      }),
    ];
  },
};

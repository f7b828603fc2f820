import type { Rule } from './types';
import { problem, type Problem, type RelatedLocation } from '../problems';
import { msg, registerMessages } from '../messages';
import { relatedAt } from './support';

registerMessages({
  en: {
    'rule.supersedenceCycle': '{id} includes {target}, and the includes chain loops back: {path}.',
    'rule.supersedenceCycle.related': '{id} includes {target} here.',
  },
  ja: {
    'rule.supersedenceCycle': '{id} は {target} を含むとしていますが、includes をたどると循環しています: {path}。',
    'rule.supersedenceCycle.related': '{id} はここで {target} を含むとしています。',
  },
});

/** Each `includes` item that lies on a loop, with the next step of the loop as related. */
export const supersedenceCycle: Rule = {
  code: 'supersedence-cycle',
  defaultSeverity: 'error',
  title: { en: 'includes chains loop back', ja: 'includes の連鎖が循環している' },
  crossFile: true,
  reads: ['id', 'references'],
  description:
    '`includes` chains loop back (A includes B includes A, or A includes itself). Every `includes` item that lies on the loop is reported, with the whole loop in the message and the next step in the other bulletin as related information. Includes that merely meet again (a diamond) are no loop.',
  check: ({ bulletin, index, locale }) => {
    const id = bulletin.id;
    if (id === undefined) return [];
    const component = index.cycleOf(id);
    if (!component) return [];
    const out: Problem[] = [];
    for (const ref of bulletin.includes) {
      if (!component.has(ref.id)) continue;
      const back = ref.id === id ? [id] : index.includesPath(ref.id, id);
      const path = [id, ...back];
      const related: RelatedLocation[] = [];
      const next = path[2];
      if (next !== undefined) {
        for (const target of index.byId(ref.id)) {
          const step = target.includes.find((r) => r.id === next);
          if (step) related.push(relatedAt(target, step.range, msg(locale, 'rule.supersedenceCycle.related', { id: ref.id, target: next })));
        }
      }
      out.push(
        problem('supersedence-cycle', 'error', ref.range, msg(locale, 'rule.supersedenceCycle', { id, target: ref.id, path: path.join(' → ') }), {
          related,
          data: { path },
        }),
      );
    }
    return out;
  },
};

import type { Rule } from './types';
import { problem, type Problem } from '../problems';
import { msg, registerMessages } from '../messages';
import { closest } from '../schema/suggest';

registerMessages({
  en: {
    'rule.unresolvedReference': '`{kind}` names {id}, but no bulletin in the workspace has that id.',
    'rule.unresolvedReference.suggest': '`{kind}` names {id}, but no bulletin in the workspace has that id. Did you mean {suggestion}?',
  },
  ja: {
    'rule.unresolvedReference': '`{kind}` に書かれた ID {id} のセキュリティ情報がワークスペースにありません。',
    'rule.unresolvedReference.suggest': '`{kind}` に書かれた ID {id} のセキュリティ情報がワークスペースにありません。{suggestion} の誤りではありませんか?',
  },
});

function rejectedBySchema(intrinsic: readonly Problem[], range: readonly [number, number]): boolean {
  return intrinsic.some((p) => p.code === 'schema' && p.offset <= range[0] && p.offset + p.length >= range[1]);
}

/** An id in `includes` or `related` names no bulletin; `data.suggestion` is the nearest known id. */
export const unresolvedReference: Rule = {
  code: 'unresolved-reference',
  defaultSeverity: 'warning',
  title: { en: 'An id in includes or related names no bulletin', ja: 'includes / related の ID に当たるセキュリティ情報がない' },
  crossFile: true,
  reads: ['id'],
  description:
    'An id in `includes` or `related` names no bulletin in the workspace. Reported on the item; the nearest known id, if one is close, is suggested, and a quick fix puts it in place. A value that is not an id at all (the `schema` finding on it says so) is not looked up. ' +
    'Also the names a bulletin gives itself: a file named after another id than its `id` (`MS04-029.bulletin.yaml` holding `id: MS04-030`, as a rename of the id alone leaves it) is reported on `id`, and each advisory label that still carries the file\'s id on that label.',
  check: ({ bulletin, index, locale }) => {
    // The file name and advisory labels, found while reading (core/authoring/id-names.ts).
    const out: Problem[] = bulletin.intrinsic.filter((p) => p.code === 'unresolved-reference');
    let known: string[] | undefined;
    for (const reference of index.referencesFrom(bulletin)) {
      const { id } = reference.ref;
      if (index.byId(id).length > 0) continue;
      // A value the schema already rejects as an id (`MS` half typed) is not looked up too.
      if (rejectedBySchema(bulletin.intrinsic, reference.ref.range)) continue;
      // Never the bulletin's own id: a bulletin does not include or relate to itself.
      known ??= [...index.ids()].filter((other) => other !== bulletin.id);
      const suggestion = closest(id, known);
      const key = suggestion ? 'rule.unresolvedReference.suggest' : 'rule.unresolvedReference';
      out.push(
        problem('unresolved-reference', 'warning', reference.ref.range, msg(locale, key, { kind: reference.kind, id, suggestion: suggestion ?? '' }), {
          data: { id, kind: reference.kind, ...(suggestion ? { suggestion } : {}) },
        }),
      );
    }
    return out;
  },
};

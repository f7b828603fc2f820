import type { Rule } from './types';

/** Schema faults are found by the generated validator while reading; the rule hands them on. */
export const schema: Rule = {
  code: 'schema',
  defaultSeverity: 'error',
  title: { en: 'The document breaks the bulletin schema', ja: 'スキーマに違反している' },
  crossFile: false,
  description:
    'The document breaks `schemas/bulletin.schema.json`: a wrong type or enum value (on the value), an unknown key (on the key, with the nearest known key), a missing required key (on the parent\'s key, or the first line for the root), a bad pattern or format (with the expected form in words). One diagnostic per fault.',
  check: ({ bulletin }) => bulletin.intrinsic.filter((p) => p.code === 'schema'),
};

import type { Rule } from './types';

/** Schema faults are found by the generated validator while reading; the rule hands them on. */
export const schema: Rule = {
  code: 'schema',
  defaultSeverity: 'error',
  title: { en: 'The document breaks the bulletin schema', ja: 'スキーマに違反している' },
  crossFile: false,
  check: ({ bulletin }) => bulletin.intrinsic.filter((p) => p.code === 'schema'),
};

import type { Rule } from './types';

/** Parse errors are found while reading the text; the rule hands them on. */
export const yamlSyntax: Rule = {
  code: 'yaml-syntax',
  defaultSeverity: 'error',
  title: { en: 'The file is not well-formed YAML', ja: 'ファイルが正しい YAML ではない' },
  crossFile: false,
  check: ({ bulletin }) => bulletin.intrinsic.filter((p) => p.code === 'yaml-syntax'),
};

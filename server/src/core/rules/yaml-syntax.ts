import type { Rule } from './types';
import { withoutQuietPoint } from '../syntax-quiet';

/** Parse errors are found while reading the text; the rule hands them on. */
export const yamlSyntax: Rule = {
  code: 'yaml-syntax',
  defaultSeverity: 'error',
  title: { en: 'The file is not well-formed YAML', ja: 'ファイルが正しい YAML ではない' },
  crossFile: false,
  description:
    'The file is not well-formed YAML. Every parse error is reported, not only the first; a stream of several YAML documents, aliases that expand past 10,000 nodes and nesting deeper than 64 levels are reported here too, and so is a file larger than the size limit (`bulletin.maxFileSize`, CLI `--max-file-size`, 8 MiB by default): it is not parsed at all, and gets this one finding on its first line.',
  check: ({ bulletin }) => bulletin.intrinsic.filter((p) => p.code === 'yaml-syntax').map(withoutQuietPoint),
};

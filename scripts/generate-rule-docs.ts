// `npm run docs:rules`: writes docs/rules.md (and docs/rules.ja.md) from the rule registry, and the rule table in
// docs/format.md (the rest of that page is written by hand).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../server/src/core/rules';
import { rulesMarkdown, rulesMarkdownJa, rulesTable } from '../server/src/core/rules/docs';
import { withGeneratedRegion } from './lib/generated-region';

/** The markers around the generated rule table of docs/format.md and the README. */
export const ruleTableMarkers = { begin: '<!-- rule table:', end: '<!-- end of rule table -->' } as const;

/** docs/format.md with its rule table taken from the registry. */
export function formatMarkdown(current: string): string {
  return withGeneratedRegion(current, ruleTableMarkers.begin, ruleTableMarkers.end, rulesTable(rules, 'rules.md'));
}

const docs = join(__dirname, '..', 'docs');

if (require.main === module) {
  writeFileSync(join(docs, 'rules.md'), rulesMarkdown(rules));
  writeFileSync(join(docs, 'rules.ja.md'), rulesMarkdownJa(rules));
  const formatPath = join(docs, 'format.md');
  writeFileSync(formatPath, formatMarkdown(readFileSync(formatPath, 'utf8')));
}

// `npm run docs:rules`: writes docs/rules.md from the rule registry.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../server/src/core/rules';
import { rulesMarkdown } from '../server/src/core/rules/docs';

writeFileSync(join(__dirname, '..', 'docs', 'rules.md'), rulesMarkdown(rules));

/** docs/rules.md, generated from the registry (`npm run docs:rules`); a test keeps the file in step. */
import type { Rule } from './types';

export function rulesMarkdown(rules: readonly Rule[]): string {
  const lines = [
    '# Rules',
    '',
    '<!-- Generated from server/src/core/rules (npm run docs:rules); edit the rule modules, not this file. -->',
    '',
    'Every finding has a stable code; each diagnostic links to its section here. Severities can be',
    'changed or turned off with the setting `bulletin.rules` (editor), for example',
    '`{"missing-registry-check": "error", "urgency-mismatch": "off"}`, or with',
    '`--rule CODE=SEVERITY` (command line).',
    '',
    'Between two bulletins, the *newer* one is the later `published`, then the greater `id`. A',
    'finding that involves two bulletins is reported on the one whose `includes` or `related`',
    'names the other, else on the newer one, with the other side as related information.',
    '',
    '| code | default | finds |',
    '|---|---|---|',
    ...rules.map((r) => `| [\`${r.code}\`](#${r.code}) | ${r.defaultSeverity} | ${r.title.en} |`),
  ];
  for (const rule of rules) {
    lines.push('', `## ${rule.code}`, '', `Default severity: ${rule.defaultSeverity}. ${rule.title.en} (${rule.title.ja}).`, '', rule.description);
  }
  return lines.join('\n') + '\n';
}

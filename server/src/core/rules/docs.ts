/**
 * The rule registry rendered for people: docs/rules.md whole, and the rule table that
 * docs/format.md and the README carry (`npm run docs:rules`, `npm run generate:manifest`);
 * tests keep every copy in step with the registry.
 */
import type { Rule } from './types';

/** The table of codes, default severities and titles; `rulesDoc` is the path of docs/rules.md from the page it is on ('' on that page). */
export function rulesTable(rules: readonly Rule[], rulesDoc: string): string[] {
  return ['| code | default | finds |', '|---|---|---|', ...rules.map((r) => `| [\`${r.code}\`](${rulesDoc}#${r.code}) | ${r.defaultSeverity} | ${r.title.en} |`)];
}

export function rulesMarkdown(rules: readonly Rule[]): string {
  const lines = [
    '# Rules',
    '',
    '<!-- Generated from server/src/core/rules (npm run docs:rules); edit the rule modules, not this file. -->',
    '',
    'Every finding has a stable code; each diagnostic links to its section here. Severities can be',
    'changed or turned off with the setting `bulletin.rules` (editor), for example',
    '`{"missing-registry-check": "error", "urgency-mismatch": "off"}`, or with',
    '`--rule CODE=SEVERITY` (command line). The format itself, key by key, is in',
    '[format.md](format.md).',
    '',
    'Between two bulletins, the *newer* one is the later `published`, then the greater `id`. A',
    'finding that involves two bulletins is reported on the one whose `includes` or `related`',
    'names the other, else on the newer one, with the other side as related information.',
    '',
    ...rulesTable(rules, ''),
  ];
  for (const rule of rules) {
    lines.push('', `## ${rule.code}`, '', `Default severity: ${rule.defaultSeverity}. ${rule.title.en} (${rule.title.ja}).`, '', rule.description);
  }
  return lines.join('\n') + '\n';
}

// `npm run generate:manifest`: the manifest pieces that the rule registry
// (server/src/core/rules) decides, rewritten in place: the `bulletin.rules` configuration
// schema in package.json, the rules' titles in package.nls.json and package.nls.ja.json, and
// the README's rule table. Everything else in those files is written by hand. A test fails when
// any of them drifts from the registry (test/unit/rules/manifest.test.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../server/src/core/rules';
import type { Rule } from '../server/src/core/rules/types';
import { rulesTable } from '../server/src/core/rules/docs';
import { withGeneratedRegion } from './lib/generated-region';
import { ruleTableMarkers } from './generate-rule-docs';

const root = join(__dirname, '..');
const severities = ['error', 'warning', 'information', 'hint', 'off'] as const;

type Json = Record<string, unknown>;

/** The nls key of a rule's title: `config.rules.<code with _ for ->`. */
export const ruleTitleKey = (rule: Rule) => `config.rules.${rule.code.replace(/-/g, '_')}`;

/** One rule's entry in `bulletin.rules`: its severities, its default, its title by nls key. */
function ruleSetting(rule: Rule): Json {
  return {
    type: 'string',
    enum: [...severities],
    default: rule.defaultSeverity,
    markdownDescription: `%${ruleTitleKey(rule)}%`,
    enumDescriptions: severities.map((severity) => `%config.severity.${severity}%`),
  };
}

/** package.json with `bulletin.rules`' properties taken from the registry. */
export function manifestWithRules(manifest: Json, registry: readonly Rule[] = rules): Json {
  const copy = structuredClone(manifest) as { contributes: { configuration: { properties: Record<string, Json> } } };
  const setting = copy.contributes.configuration.properties['bulletin.rules'];
  if (!setting) throw new Error('package.json has no bulletin.rules setting');
  setting.properties = Object.fromEntries(registry.map((rule) => [rule.code, ruleSetting(rule)]));
  return copy as unknown as Json;
}

/** A rule's title as the Settings editor shows it, with the page that explains it. */
function ruleTitle(rule: Rule, language: 'en' | 'ja'): string {
  return language === 'ja' ? `\`${rule.code}\`: ${rule.title.ja}。(docs/rules.md)` : `\`${rule.code}\`: ${rule.title.en}. (docs/rules.md)`;
}

/**
 * package.nls(.ja).json with the rules' titles from the registry, in its order, where the
 * first rule title was (else before the setting's own description); other keys stay in place.
 */
export function translationsWithRules(nls: Record<string, string>, language: 'en' | 'ja', registry: readonly Rule[] = rules): Record<string, string> {
  const isRuleTitle = (key: string) => key.startsWith('config.rules.') && key !== 'config.rules.markdownDescription';
  const titles = registry.map((rule) => [ruleTitleKey(rule), ruleTitle(rule, language)] as const);
  const entries = Object.entries(nls);
  let at = entries.findIndex(([key]) => isRuleTitle(key));
  if (at < 0) at = entries.findIndex(([key]) => key === 'config.rules.markdownDescription');
  if (at < 0) at = entries.length;
  const before = entries.slice(0, at).filter(([key]) => !isRuleTitle(key));
  const after = entries.slice(at).filter(([key]) => !isRuleTitle(key));
  return Object.fromEntries([...before, ...titles, ...after]);
}

/** The README with its rule table taken from the registry. */
export function readmeWithRules(readme: string, registry: readonly Rule[] = rules): string {
  return withGeneratedRegion(readme, ruleTableMarkers.begin, ruleTableMarkers.end, rulesTable(registry, 'docs/rules.md'));
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

/** Each generated file: its path and its text as the registry makes it from the current one. */
export function generatedManifestFiles(): { path: string; current: string; generated: string }[] {
  const read = (name: string) => readFileSync(join(root, name), 'utf8');
  const files = [
    { path: 'package.json', make: (text: string) => json(manifestWithRules(JSON.parse(text))) },
    { path: 'package.nls.json', make: (text: string) => json(translationsWithRules(JSON.parse(text), 'en')) },
    { path: 'package.nls.ja.json', make: (text: string) => json(translationsWithRules(JSON.parse(text), 'ja')) },
    { path: 'README.md', make: readmeWithRules },
  ];
  return files.map(({ path, make }) => {
    const current = read(path);
    return { path, current, generated: make(current) };
  });
}

if (require.main === module) {
  for (const file of generatedManifestFiles()) {
    if (file.generated !== file.current) {
      writeFileSync(join(root, file.path), file.generated);
      console.log(`generate:manifest: rewrote ${file.path}`);
    }
  }
}

/**
 * The manifest pieces the rule registry decides (scripts/generate-manifest.ts): the
 * `bulletin.rules` configuration schema in package.json, the rules' titles in package.nls.json
 * and package.nls.ja.json, and the README's rule table. Each file is what the generator makes
 * of it; run `npm run generate:manifest` after changing a rule.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generatedManifestFiles, manifestWithRules, readmeWithRules, ruleTitleKey, translationsWithRules } from '../../../scripts/generate-manifest';
import { rules } from '../../../server/src/core/rules';
import type { Rule } from '../../../server/src/core/rules/types';
import { tableCodes } from './rule-tables';

const files = generatedManifestFiles();
const current = (path: string) => files.find((file) => file.path === path)!.current;

for (const file of files) {
  test(`${file.path} is in step with the rule registry (run \`npm run generate:manifest\`)`, () => {
    assert.equal(file.current, file.generated);
  });
}

test('bulletin.rules offers every rule code, in the registry\'s order, with its default severity and title', () => {
  const manifest = JSON.parse(current('package.json'));
  const setting = manifest.contributes.configuration.properties['bulletin.rules'];
  assert.equal(setting.additionalProperties, false, 'an unknown code is flagged in settings.json');
  assert.deepEqual(Object.keys(setting.properties), rules.map((r) => r.code));
  const en = JSON.parse(current('package.nls.json'));
  const ja = JSON.parse(current('package.nls.ja.json'));
  for (const rule of rules) {
    const property = setting.properties[rule.code];
    assert.equal(property.default, rule.defaultSeverity, rule.code);
    assert.deepEqual(property.enum, ['error', 'warning', 'information', 'hint', 'off']);
    assert.equal(property.markdownDescription, `%${ruleTitleKey(rule)}%`);
    assert.ok(en[ruleTitleKey(rule)].includes(rule.title.en), rule.code);
    assert.ok(ja[ruleTitleKey(rule)].includes(rule.title.ja), rule.code);
  }
  assert.deepEqual(tableCodes(current('README.md')), rules.map((r) => `${r.code} ${r.defaultSeverity}`));
});

test('the generator follows the registry: a new rule, a changed default or title, a removed rule', () => {
  const added: Rule = { ...rules[0]!, code: 'new-check', defaultSeverity: 'hint', title: { en: 'Something new is found', ja: '新しい何か' } };
  const changed: Rule = { ...rules[1]!, defaultSeverity: 'warning', title: { en: 'Changed title', ja: '変わった表題' } };
  const registry = [changed, ...rules.slice(2), added]; // the first rule removed
  const manifest = manifestWithRules(JSON.parse(current('package.json')), registry) as { contributes: { configuration: { properties: Record<string, { properties: Record<string, { default: string }> }> } } };
  const properties = manifest.contributes.configuration.properties['bulletin.rules']!.properties;
  assert.deepEqual(Object.keys(properties), registry.map((r) => r.code));
  assert.equal(properties['new-check']!.default, 'hint');
  assert.equal(properties[changed.code]!.default, 'warning');

  const nlsBefore = JSON.parse(current('package.nls.json')) as Record<string, string>;
  const nls = translationsWithRules(nlsBefore, 'en', registry);
  assert.equal(nls['config.rules.new_check'], '`new-check`: Something new is found. (docs/rules.md)');
  assert.equal(nls[ruleTitleKey(changed)], `\`${changed.code}\`: Changed title. (docs/rules.md)`);
  assert.equal(nls[ruleTitleKey(rules[0]!)], undefined, 'a removed rule leaves no title behind');
  // Keys that are not rule titles keep their text and their order.
  const others = (o: Record<string, string>) => Object.entries(o).filter(([key]) => !/^config\.rules\.(?!markdownDescription$)/.test(key));
  assert.deepEqual(others(nls), others(nlsBefore));
  assert.equal(translationsWithRules(JSON.parse(current('package.nls.ja.json')), 'ja', registry)['config.rules.new_check'], '`new-check`: 新しい何か。(docs/rules.md)');

  const readme = readmeWithRules(current('README.md'), registry);
  assert.deepEqual(tableCodes(readme), registry.map((r) => `${r.code} ${r.defaultSeverity}`));
  assert.ok(readme.includes('| [`new-check`](docs/rules.md#new-check) | hint | Something new is found |'));
});

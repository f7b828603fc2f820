import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../../server/src/core/rules';
import { rulesMarkdown } from '../../../server/src/core/rules/docs';

const root = join(__dirname, '..', '..', '..');

test('docs/rules.md is the registry rendered (run `npm run docs:rules` after changing a rule)', () => {
  assert.equal(readFileSync(join(root, 'docs', 'rules.md'), 'utf8'), rulesMarkdown(rules));
});

test('every rule code has a section whose anchor is the code (diagnostics link to docs/rules.md#<code>)', () => {
  const text = readFileSync(join(root, 'docs', 'rules.md'), 'utf8');
  for (const rule of rules) assert.ok(text.includes(`\n## ${rule.code}\n`), rule.code);
  assert.equal(new Set(rules.map((r) => r.code)).size, rules.length, 'codes are unique');
});

test('the spec table and the registry list the same codes with the same default severities', () => {
  const spec = readFileSync(join(root, '..', 'shared', 'spec', 'bulletin-format.md'), 'utf8');
  const table = [...spec.matchAll(/^\| `([a-z-]+)` \| (\w+) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
  if (table.length === 0) return; // the spec lives beside the repository only on the build machine
  assert.deepEqual(rules.map((r) => `${r.code} ${r.defaultSeverity}`), table);
});

test('package.json offers every rule code in bulletin.rules with its default severity', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const properties = manifest.contributes.configuration.properties['bulletin.rules'].properties;
  assert.deepEqual(Object.keys(properties), rules.map((r) => r.code));
  for (const rule of rules) {
    assert.equal(properties[rule.code].default, rule.defaultSeverity, rule.code);
    assert.deepEqual(properties[rule.code].enum, ['error', 'warning', 'information', 'hint', 'off']);
  }
});

/**
 * The rule registry, rendered: docs/rules.md whole, the rule table of docs/format.md, and the
 * schema's keys all described in docs/format.md (the manifest's pieces: manifest.test.ts).
 * Everything read here is in the repository.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../../server/src/core/rules';
import { rulesMarkdown } from '../../../server/src/core/rules/docs';
import { formatMarkdown } from '../../../scripts/generate-rule-docs';
import { tableCodes } from './rule-tables';

const root = join(__dirname, '..', '..', '..');
const formatDoc = readFileSync(join(root, 'docs', 'format.md'), 'utf8');

test('docs/rules.md is the registry rendered (run `npm run docs:rules` after changing a rule)', () => {
  assert.equal(readFileSync(join(root, 'docs', 'rules.md'), 'utf8'), rulesMarkdown(rules));
});

test('every rule code has a section whose anchor is the code (diagnostics link to docs/rules.md#<code>)', () => {
  const text = readFileSync(join(root, 'docs', 'rules.md'), 'utf8');
  for (const rule of rules) assert.ok(text.includes(`\n## ${rule.code}\n`), rule.code);
  assert.equal(new Set(rules.map((r) => r.code)).size, rules.length, 'codes are unique');
});

test('the rule table of docs/format.md is the registry rendered (run `npm run docs:rules`)', () => {
  assert.equal(formatDoc, formatMarkdown(formatDoc));
  assert.deepEqual(tableCodes(formatDoc), rules.map((r) => `${r.code} ${r.defaultSeverity}`));
});

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  $defs?: Record<string, SchemaNode>;
}

test('docs/format.md describes every key of the schema, and the schema links to it', () => {
  const schema = JSON.parse(readFileSync(join(root, 'schemas', 'bulletin.schema.json'), 'utf8')) as SchemaNode & { description: string; descriptionJa: string };
  const keys = new Set<string>();
  const collect = (node: SchemaNode) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      keys.add(key);
      collect(child);
    }
  };
  collect(schema);
  for (const definition of Object.values(schema.$defs ?? {})) collect(definition);
  assert.ok(keys.size > 40, `the schema's keys were found (${keys.size})`);
  // Each key has a row `| \`key\` | meaning | type | example |` (udp/tcp are described in `ports`'s row).
  const rows = new Set([...formatDoc.matchAll(/^\| `([A-Za-z]+)` \|/gm)].map((m) => m[1]));
  const undocumented = [...keys].filter((key) => !rows.has(key) && !(key === 'udp' || key === 'tcp' || key === 'registry'));
  assert.deepEqual(undocumented, []);
  assert.match(formatDoc, /`registry`, a list of \[registry checks\]/);
  assert.match(formatDoc, /`udp` and `tcp`/);
  assert.match(schema.description, /docs\/format\.md/);
  assert.match(schema.descriptionJa, /docs\/format\.md/);
});

/**
 * A diagnostic's rule link in VS Code: the server's `docs/rules.md#<code>` link becomes the
 * `bulletin.showRule` command, which opens the code's section of the page in the author's
 * language (docs/rules.ja.md for Japanese), and both pages have that section.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rules } from '../../../server/src/core/rules';
import { rulesMarkdownJa } from '../../../server/src/core/rules/docs';
import { rulesDocOf } from '../../../server/src/lsp/diagnostics';
import { ruleCodeOfLink, ruleCommandLink, ruleLanguage, ruleSection, rulesDocName } from '../../../client/src/rule-link';

const root = join(__dirname, '..', '..', '..');

test('the server link names its rule code; other links are left alone', () => {
  const href = `${rulesDocOf(join(root, 'dist', 'server.js'))}#incomplete-supersedence`;
  assert.equal(ruleCodeOfLink(href), 'incomplete-supersedence');
  assert.equal(ruleCodeOfLink(pathToFileURL(join(root, 'docs', 'format.md')).toString() + '#schema'), undefined);
  assert.equal(ruleCodeOfLink('https://example.invalid/docs/rules.md'), undefined);
});

test('the command link carries the code and the bulletin, as the arguments of bulletin.showRule', () => {
  const link = ruleCommandLink('schema', 'file:///w/MS04-029.bulletin.yaml');
  assert.ok(link.startsWith('command:bulletin.showRule?'));
  assert.deepEqual(JSON.parse(decodeURIComponent(link.slice('command:bulletin.showRule?'.length))), ['schema', 'file:///w/MS04-029.bulletin.yaml']);
});

test('the page follows bulletin.language, else the bulletin lang, else the display language', () => {
  assert.equal(ruleLanguage('ja', 'lang: en\n', 'en'), 'ja');
  assert.equal(ruleLanguage('en', 'lang: ja\n', 'ja'), 'en');
  assert.equal(ruleLanguage('auto', 'id: MS04-029\nlang: ja\n', 'en'), 'ja');
  assert.equal(ruleLanguage('auto', 'lang: "en"\n', 'ja'), 'en');
  assert.equal(ruleLanguage('auto', undefined, 'ja'), 'ja');
  assert.equal(ruleLanguage(undefined, 'id: X\n', 'en-US'), 'en');
  assert.equal(rulesDocName('ja'), 'rules.ja.md');
  assert.equal(rulesDocName('en'), 'rules.md');
});

test('docs/rules.ja.md is the registry rendered with Japanese titles (run `npm run docs:rules`)', () => {
  assert.equal(readFileSync(join(root, 'docs', 'rules.ja.md'), 'utf8'), rulesMarkdownJa(rules));
});

test('every rule has its heading on both pages, where the preview is opened', () => {
  for (const lang of ['en', 'ja'] as const) {
    const text = readFileSync(join(root, 'docs', rulesDocName(lang)), 'utf8');
    for (const rule of rules) {
      const line = ruleSection(text, rule.code);
      assert.ok(line !== undefined && line > 0, `${rulesDocName(lang)} ## ${rule.code}`);
    }
  }
  const ja = readFileSync(join(root, 'docs', 'rules.ja.md'), 'utf8');
  assert.ok(ja.includes(rules[0]!.title.ja));
});

test('the packaged extension carries both rule pages', () => {
  const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
  assert.ok(ignore.includes('!docs/rules.md'));
  assert.ok(ignore.includes('!docs/rules.ja.md'));
});

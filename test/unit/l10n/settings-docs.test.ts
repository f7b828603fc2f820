/** docs/settings.md is the manifest's settings table in English and Japanese, generated, never stale. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readManifestAndTranslations, settingsMarkdown } from '../../../scripts/settings-docs';
import { root } from './text';

test('docs/settings.md is package.json and package.nls*.json rendered (run `npm run docs:settings` after changing a setting)', () => {
  assert.equal(readFileSync(join(root, 'docs', 'settings.md'), 'utf8'), settingsMarkdown(...readManifestAndTranslations()));
});

test('every setting, and every sub-setting, appears in both tables', () => {
  const text = readFileSync(join(root, 'docs', 'settings.md'), 'utf8');
  const [manifest] = readManifestAndTranslations();
  const [english, japanese] = text.split('## 設定 (日本語)');
  for (const name of Object.keys(manifest.contributes.configuration.properties)) {
    assert.ok(english.includes(`| \`${name}\``) && japanese.includes(`| \`${name}\``), name);
  }
});

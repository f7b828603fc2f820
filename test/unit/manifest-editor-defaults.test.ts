/**
 * The editor settings the extension gives bulletin files: suggestions open while typing values
 * and keys (which VS Code counts as strings), no word-based noise from the document's text,
 * snippets after the server's items, YAML's two-space indentation.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readJson } from './l10n/text';

const manifest = readJson<{ contributes: { configurationDefaults?: Record<string, Record<string, unknown>>; languages: { id: string }[] } }>('package.json');

test('bulletin files get suggestions in strings, no word-based suggestions, snippets at the bottom', () => {
  const defaults = manifest.contributes.configurationDefaults?.['[bulletin]'];
  assert.ok(defaults, 'configurationDefaults for [bulletin]');
  assert.ok(manifest.contributes.languages.some((l) => l.id === 'bulletin'), 'the language id the defaults apply to');
  assert.deepEqual(defaults['editor.quickSuggestions'], { other: 'on', comments: 'off', strings: 'on' });
  assert.equal(defaults['editor.wordBasedSuggestions'], 'off');
  assert.equal(defaults['editor.snippetSuggestions'], 'bottom');
  assert.equal(defaults['editor.insertSpaces'], true);
  assert.equal(defaults['editor.tabSize'], 2);
});

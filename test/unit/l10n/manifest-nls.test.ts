/**
 * The manifest speaks through `%key%` placeholders: every key it uses has English text in
 * `package.nls.json` and Japanese text in `package.nls.ja.json`, and no translation is left
 * over once the string that used it is gone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeSpans, hasJapanese, readJson, sameParts } from './text';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const manifest = readJson<Json>('package.json');
const en = readJson<Record<string, string>>('package.nls.json');
const ja = readJson<Record<string, string>>('package.nls.ja.json');

/** Every `%key%` string in the manifest, with the JSON path where it appears. */
function placeholderKeys(value: Json, path = ''): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (node: Json, at: string): void => {
    if (typeof node === 'string') {
      const match = /^%(.+)%$/.exec(node);
      if (match) found.set(match[1], at);
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${at}[${i}]`));
    } else if (node && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) visit(item, `${at}.${key}`);
    }
  };
  visit(value, path);
  return found;
}

const used = placeholderKeys(manifest);

test('the manifest uses %key% placeholders at all', () => {
  assert.ok(used.size > 0);
});

test('every %key% in package.json has English and Japanese text', () => {
  const missing = [...used].flatMap(([key, at]) => [
    ...(typeof en[key] === 'string' && en[key].trim() ? [] : [`package.nls.json lacks ${key} (used at ${at})`]),
    ...(typeof ja[key] === 'string' && ja[key].trim() ? [] : [`package.nls.ja.json lacks ${key} (used at ${at})`]),
  ]);
  assert.deepEqual(missing, []);
});

test('every key of package.nls.json and package.nls.ja.json is used by package.json', () => {
  const unused = [...new Set([...Object.keys(en), ...Object.keys(ja)])].filter((key) => !used.has(key));
  assert.deepEqual(unused, []);
});

test('nls keys are ones vsce can substitute (letters, digits, _ and .)', () => {
  // vsce replaces only /^%([\w\d.]+)%$/: any other key would reach the Marketplace as "%key%".
  assert.deepEqual([...used.keys()].filter((key) => !/^[\w.]+$/.test(key)), []);
});

test('Japanese texts are Japanese and keep placeholders, code spans and command links', () => {
  const problems: string[] = [];
  for (const [key, english] of Object.entries(en)) {
    const japanese = ja[key];
    if (japanese === undefined) continue;
    // A bare product name (the category, the settings title) stays as it is.
    const productName = japanese === english && /^\S+$/.test(english);
    if (!productName && !hasJapanese(japanese)) problems.push(`${key}: not Japanese: ${japanese}`);
    for (const problem of sameParts(english, japanese)) problems.push(`${key}: ${problem}`);
    if (codeSpans(english).join('\u0000') !== codeSpans(japanese).join('\u0000')) problems.push(`${key}: code spans differ`);
  }
  assert.deepEqual(problems, []);
});

test('walkthrough texts use no Markdown but links (VS Code shows backticks and asterisks as they are there)', () => {
  const walkthroughKeys = [...used].filter(([, at]) => at.startsWith('.contributes.walkthroughs')).map(([key]) => key);
  assert.ok(walkthroughKeys.length > 0);
  const problems = walkthroughKeys.flatMap((key) =>
    [en[key], ja[key]].filter((text) => typeof text === 'string' && /`|\*\*|__/.test(text)).map((text) => `${key}: ${text}`),
  );
  assert.deepEqual(problems, []);
});

test('every text a user reads in the manifest is a %key%, so it has a Japanese translation', () => {
  const readable = /^(title|category|description|markdownDescription|enumDescriptions|markdownEnumDescriptions|deprecationMessage|markdownDeprecationMessage|label|altText|name|contextualTitle|displayName|shortTitle)$/;
  // Identifiers and values that happen to sit under those names: ids, paths, defaults, enum values.
  const notText = /^\.contributes\.(languages|grammars|snippets|keybindings|jsonValidation)\b|\.id$|\.(default|enum|examples|const)\b/;
  const plain: string[] = [];
  const visit = (node: Json, at: string, field: string): void => {
    if (typeof node === 'string') {
      if (readable.test(field) && !notText.test(at) && !/^%[\w.]+%$/.test(node) && /[A-Za-z]{2,}/.test(node)) plain.push(`${at}: ${node}`);
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${at}[${i}]`, field));
    } else if (node && typeof node === 'object') {
      // Under `properties` the keys are setting names, not fields.
      for (const [key, item] of Object.entries(node)) visit(item, `${at}.${key}`, at.endsWith('.properties') ? '' : key);
    }
  };
  const m = manifest as { [key: string]: Json };
  visit(m.contributes ?? null, '.contributes', '');
  visit(m.capabilities ?? null, '.capabilities', '');
  visit(m.displayName ?? null, '.displayName', 'displayName');
  visit(m.description ?? null, '.description', 'description');
  // The language's display name is its first alias.
  const languages = ((m.contributes as { languages?: { aliases?: string[] }[] } | undefined)?.languages ?? []);
  for (const [i, language] of languages.entries()) {
    const alias = language.aliases?.[0];
    if (alias !== undefined && !/^%[\w.]+%$/.test(alias)) plain.push(`.contributes.languages[${i}].aliases[0]: ${alias}`);
  }
  assert.deepEqual(plain, []);
});

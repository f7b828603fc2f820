/**
 * Everything the server and the CLI say comes from `msg(locale, key)`: the core catalogs and
 * those the rules register. Each key has English and Japanese text that keep the same
 * placeholders, each key the source names exists, and no key is left unused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { messageCatalog } from '../../../server/src/core/messages';
// Importing the registry loads every rule module, and with it the messages each registers.
import { rules } from '../../../server/src/core/rules/index';
import { join } from 'node:path';
import { codeSpans, hasJapanese, hasWords, root, sameParts, sources } from './text';

// Messages are registered when their module loads; load every module of the server that has no
// side effect beyond that (not the two entry points), so a message counts wherever it lives.
const serverSources = sources('server/src');
const entryPoints = new Set(['server/src/server.ts', 'server/src/cli/main.ts']);
for (const { path } of serverSources) if (!entryPoints.has(path)) require(join(root, path));

const en = messageCatalog('en');
const ja = messageCatalog('ja');

test('English and Japanese catalogs have the same keys', () => {
  assert.deepEqual(Object.keys(ja).filter((key) => !(key in en)), [], 'keys only in Japanese');
  assert.deepEqual(Object.keys(en).filter((key) => !(key in ja)), [], 'keys only in English');
});

test('Japanese messages are Japanese and keep placeholders and code spans', () => {
  const problems: string[] = [];
  for (const [key, english] of Object.entries(en)) {
    const japanese = ja[key];
    if (japanese === undefined) continue;
    if (!japanese.trim()) problems.push(`${key}: empty`);
    // An abbreviation or name that reads the same in both (`KB`) stays as it is.
    else if (hasWords(english) && !hasJapanese(japanese) && !(japanese === english && /^\S+$/.test(english))) problems.push(`${key}: not Japanese: ${japanese}`);
    problems.push(...sameParts(english, japanese).map((p) => `${key}: ${p}`));
    if (codeSpans(english).join('\u0000') !== codeSpans(japanese).join('\u0000')) {
      problems.push(`${key}: code spans differ: ${JSON.stringify(codeSpans(english))} vs ${JSON.stringify(codeSpans(japanese))}`);
    }
  }
  assert.deepEqual(problems, []);
});

/** Literal first-or-second arguments of `msg(...)` (and of local wrappers named `m`/`t`). */
function literalKeysInSource(): { path: string; key: string }[] {
  const out: { path: string; key: string }[] = [];
  for (const { path, text } of serverSources) {
    for (const match of text.matchAll(/\bmsg\(\s*[\w.]+\s*,\s*'([^'\n]+)'/g)) out.push({ path, key: match[1] });
  }
  return out;
}

test('every message key named in the server source exists', () => {
  const keys = literalKeysInSource();
  assert.ok(keys.length > 0);
  assert.deepEqual(keys.filter(({ key }) => !(key in en)).map(({ path, key }) => `${path}: ${key}`), []);
});

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A key counts as used when the source quotes it anywhere but where a catalog defines it
 * (`'key': '…'`), or quotes its family (`'render.impact'` for `render.impact.spoofing`, looked
 * up as `${prefix}.${value}`), or has a template literal such as `type.${kind}` that yields it.
 */
function isUsed(key: string): boolean {
  const family = key.slice(0, key.lastIndexOf('.'));
  const quoted = (name: string) => new RegExp(`(['"])${escapeRegExp(name)}\\1(?!:)`);
  const patterns = [quoted(key), ...(family ? [quoted(family)] : [])];
  return serverSources.some(({ text }) => {
    if (patterns.some((pattern) => pattern.test(text))) return true;
    for (const template of text.matchAll(/`([^`]*\$\{[^`]*)`/g)) {
      const parts = template[1].split(/\$\{[^}]*\}/);
      if (parts.join('').length === 0) continue;
      if (new RegExp(`^${parts.map(escapeRegExp).join('[\\w-]+')}$`).test(key)) return true;
    }
    return false;
  });
}

test('every catalog key is used somewhere in the server source', () => {
  assert.deepEqual(Object.keys(en).filter((key) => !isUsed(key)), []);
});

test('every rule has an English and a Japanese title', () => {
  const problems = rules.flatMap((rule) => [
    ...(rule.title.en.trim() ? [] : [`${rule.code}: no English title`]),
    ...(hasJapanese(rule.title.ja) ? [] : [`${rule.code}: Japanese title is not Japanese: ${rule.title.ja}`]),
  ]);
  assert.deepEqual(problems, []);
});

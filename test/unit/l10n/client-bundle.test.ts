/**
 * Client messages go through `vscode.l10n.t(message, ...args)`: the English message is the key
 * and `l10n/bundle.l10n.ja.json` holds its Japanese. Every message the client source uses has
 * a translation, and every translation is still used.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { hasJapanese, placeholders, readJson, sameParts, sources } from './text';

const bundle = readJson<Record<string, string>>('l10n/bundle.l10n.ja.json');

interface Call {
  path: string;
  message?: string;
  source: string;
}

/** The message of each `l10n.t(...)` call: a string literal, or `{ message: '…', comment }`. */
function l10nCalls(): Call[] {
  const calls: Call[] = [];
  for (const { path, text } of sources('client/src')) {
    for (const match of text.matchAll(/\bl10n\.t\(\s*/g)) {
      const rest = text.slice(match.index! + match[0].length);
      const literal = /^(?:\{\s*message\s*:\s*)?('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\$]|\\.)*`)/.exec(rest);
      const source = rest.slice(0, 80).split('\n')[0];
      calls.push({ path, source, message: literal ? unquote(literal[1]) : undefined });
    }
  }
  return calls;
}

function unquote(literal: string): string {
  const body = literal.slice(1, -1);
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, escape: string) => {
    if (escape[0] === 'u') return String.fromCodePoint(parseInt(escape.replace(/[u{}]/g, ''), 16));
    if (escape[0] === 'x') return String.fromCharCode(parseInt(escape.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', '0': '\0' } as Record<string, string>)[escape] ?? escape;
  });
}

const calls = l10nCalls();
const messages = new Set(calls.flatMap((call) => (call.message === undefined ? [] : [call.message])));

test('the client source localizes its messages with l10n.t', () => {
  assert.ok(calls.length > 0);
});

test('every l10n.t call has a literal message, so it can be translated at all', () => {
  assert.deepEqual(calls.filter((call) => call.message === undefined).map((call) => `${call.path}: l10n.t(${call.source}`), []);
});

test('every l10n.t message has a Japanese translation in l10n/bundle.l10n.ja.json', () => {
  assert.deepEqual([...messages].filter((message) => !(message in bundle)), []);
});

test('every key of l10n/bundle.l10n.ja.json is used by the client', () => {
  assert.deepEqual(Object.keys(bundle).filter((key) => !messages.has(key)), []);
});

test('translations are Japanese and keep the {0} placeholders and command links', () => {
  const problems: string[] = [];
  for (const [english, japanese] of Object.entries(bundle)) {
    if (typeof japanese !== 'string' || !hasJapanese(japanese)) problems.push(`not Japanese: ${english} → ${japanese}`);
    else problems.push(...sameParts(english, japanese).map((p) => `${english}: ${p}`));
  }
  assert.deepEqual(problems, []);
});

test('@vscode/l10n, which formats like vscode.l10n, fills every translation\'s placeholders from the arguments', () => {
  l10n.config({ contents: bundle });
  const problems: string[] = [];
  for (const [english, japanese] of Object.entries(bundle)) {
    const names = placeholders(english);
    const numbered = names.every((name) => /^\d+$/.test(name));
    const args = names.map((name) => `«${name}»`);
    const result = numbered
      ? l10n.t(english, ...Array.from({ length: Math.max(-1, ...names.map(Number)) + 1 }, (_, i) => `«${i}»`))
      : l10n.t(english, Object.fromEntries(names.map((name, i) => [name, args[i]])));
    const expected = japanese.replace(/\{(\w+)\}/g, (_, name: string) => `«${name}»`);
    if (result !== expected) problems.push(`${english}: ${result} ≠ ${expected}`);
  }
  assert.deepEqual(problems, []);
});

/**
 * Where the client hands text to the user (notifications, quick picks, input boxes, progress,
 * status bar, panel titles), a string literal means a sentence that skipped l10n.t.
 */
test('no user-visible string literal in the client bypasses l10n.t', () => {
  const shown = [
    /\bshow(?:Information|Warning|Error)Message\(\s*(['"`])(.*?)\1/g,
    /\bsetStatusBarMessage\(\s*(['"`])(.*?)\1/g,
    /\bcreateWebviewPanel\([^,]+,\s*(['"`])(.*?)\1/g,
    /\b(?:title|placeHolder|placeholder|prompt|tooltip|label|detail|description|validationMessage)\s*:\s*(['"`])(.*?)\1/g,
    /\.(?:text|tooltip|title|placeholder|prompt|description|detail|label)\s*=\s*(['"`])(.*?)\1/g,
  ];
  // Codicons ($(sync~spin)), interpolations, ids (MS04-029), language codes and the product's
  // name are not sentences: a sentence has a word of three letters or more in lower case.
  const words = (text: string) =>
    /[A-Za-z]*[a-z][A-Za-z]*/.test(text) &&
    /\b[A-Za-z]*[a-z]{3,}[A-Za-z]*\b/.test(text.replace(/\$\([\w~-]+\)/g, '').replace(/\$\{[^}]*\}/g, '').replace(/\$\{.*$/, '').replace(/\bBulletin\b/g, ''));
  const problems: string[] = [];
  for (const { path, text } of sources('client/src')) {
    for (const pattern of shown) {
      for (const match of text.matchAll(pattern)) if (words(match[2])) problems.push(`${path}: ${match[0]}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('a message that names a command names it as the Japanese UI shows it', () => {
  const manifest = readJson<{ contributes: { commands: { title: string; category?: string }[] } }>('package.json');
  const nls = { en: readJson<Record<string, string>>('package.nls.json'), ja: readJson<Record<string, string>>('package.nls.ja.json') };
  const label = (language: 'en' | 'ja', text: string) => text.replace(/^%([\w.]+)%$/, (_, key: string) => nls[language][key] ?? key);
  const problems: string[] = [];
  for (const command of manifest.contributes.commands) {
    const name = (language: 'en' | 'ja') => (command.category ? `${label(language, command.category)}: ` : '') + label(language, command.title);
    for (const [english, japanese] of Object.entries(bundle)) {
      if (english.includes(name('en')) && !japanese.includes(name('ja'))) problems.push(`${japanese} should name "${name('ja')}"`);
    }
  }
  assert.deepEqual(problems, []);
});

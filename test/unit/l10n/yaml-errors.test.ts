/**
 * YAML syntax errors reach the author in their language: the yaml library's English messages
 * for the common mistakes are recognised and translated, and any other keeps its wording
 * behind a translated lead-in.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../../server/src/core/parse';
import { yamlErrorMessage } from '../../../server/src/core/parse/yaml-errors';
import { hasJapanese } from './text';

const header = 'bulletin: 1\nid: MS04-029\n';

/** A typical mistake, and the catalog wording it must get in Japanese (without placeholders). */
const mistakes: { what: string; text: string; ja: RegExp; en: RegExp }[] = [
  { what: 'a duplicate key', text: `${header}id: MS04-030\n`, ja: /キーが重複/, en: /appears twice/ },
  { what: 'an unclosed double quote', text: `${header}title: "RPC\n`, ja: /文字列を閉じる " がありません/, en: /no closing "/ },
  { what: 'an unclosed flow sequence in a block', text: `${header}title: [RPC\npublished: 2004-10-16\n`, ja: /`\[` に対応する `\]` がありません/, en: /`\[` opened here has no matching `\]`/ },
  { what: 'a tab as indentation', text: `${header}platforms:\n\t- id: x\n`, ja: /タブは使えません/, en: /tabs/ },
  { what: 'a key without a value', text: `${header}title\n`, ja: /`:` と値が必要/, en: /followed by `:`/ },
  { what: 'a value starting with a reserved character', text: `${header}title: @RPC\n`, ja: /@ で始めることができません/, en: /cannot start with @/ },
  { what: 'a mapping on the line of its key', text: `${header}package: file: x.exe\n`, ja: /同じ行で始めることはできません/, en: /same line as the key/ },
];

for (const mistake of mistakes) {
  test(`${mistake.what} is reported in Japanese and in English`, () => {
    const ja = parse(mistake.text, { locale: 'ja' }).problems.filter((p) => p.code === 'yaml-syntax');
    const en = parse(mistake.text, { locale: 'en' }).problems.filter((p) => p.code === 'yaml-syntax');
    assert.ok(ja.length > 0, 'no yaml-syntax problem');
    assert.ok(ja.some((p) => mistake.ja.test(p.message)), ja.map((p) => p.message).join('\n'));
    assert.ok(en.some((p) => mistake.en.test(p.message)), en.map((p) => p.message).join('\n'));
    assert.deepEqual(ja.filter((p) => !hasJapanese(p.message)), []);
    assert.deepEqual(en.filter((p) => hasJapanese(p.message)), []);
    // The same findings at the same places; only the words differ.
    assert.deepEqual(ja.map((p) => [p.offset, p.length]), en.map((p) => [p.offset, p.length]));
  });
}

test('a message no translation recognises keeps its wording behind a translated lead-in', () => {
  assert.equal(yamlErrorMessage('ja', 'Unexpected flow-seq-end token'), 'YAML の構文エラーです: Unexpected flow-seq-end token');
  assert.equal(yamlErrorMessage('en', 'Unexpected flow-seq-end token'), 'YAML syntax error: Unexpected flow-seq-end token');
});

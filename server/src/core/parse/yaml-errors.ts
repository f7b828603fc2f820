/**
 * The yaml library reports syntax errors in English. Authors read them in their own language:
 * the common ones are recognised by their text and said again in words of the catalog; the
 * rest keep the library's wording behind a translated lead-in, so nothing is lost.
 */
import { msg, registerMessages, type Locale } from '../messages';

registerMessages({
  en: {
    'yaml.error.duplicateKey': 'This key appears twice in the same mapping; keys must be unique.',
    'yaml.error.missingQuote': 'The string has no closing {quote}.',
    'yaml.error.keyWithoutValue': 'A key must be followed by `:` and its value.',
    'yaml.error.flowEnd': 'The `{start}` opened here has no matching `{end}`; inside a block its lines must also be indented more than the key.',
    'yaml.error.tabIndent': 'YAML cannot be indented with tabs; use spaces.',
    'yaml.error.itemColumn': 'Every item of a list or mapping must start at the same column.',
    'yaml.error.multilineKey': 'A key must fit on one line.',
    'yaml.error.lineWithoutColon': 'This line is not a key: a key must be followed by `:` and its value, on one line.',
    'yaml.error.nestedCompact': 'A mapping cannot start on the same line as the key that holds it; write it on the next line, indented.',
    'yaml.error.missingComma': 'Items inside `[…]` or `{…}` are separated by commas.',
    'yaml.error.badScalarStart': 'A value cannot start with {char} unless it is quoted.',
    'yaml.error.commentSpace': 'A comment needs a space before its `#`.',
    'yaml.error.badEscape': '{escape} is not a valid escape in a double-quoted string.',
    'yaml.error.unresolvedTag': 'The tag {tag} is not known; a bulletin uses plain YAML values.',
    'yaml.error.unresolvedAlias': 'The alias {alias} names no anchor defined before it.',
    'yaml.error.blockInFlow': 'A block list or mapping cannot appear inside `[…]` or `{…}`.',
    'yaml.error.blockScalarIndent': 'The lines of a `|` or `>` text must be indented more than its key.',
    'yaml.error.other': 'YAML syntax error: {message}',
  },
  ja: {
    'yaml.error.duplicateKey': '同じマッピングの中でこのキーが重複しています。キーは一意でなければなりません。',
    'yaml.error.missingQuote': '文字列を閉じる {quote} がありません。',
    'yaml.error.keyWithoutValue': 'キーの後には `:` と値が必要です。',
    'yaml.error.flowEnd': 'ここで開いた `{start}` に対応する `{end}` がありません。ブロックの中では、その行をキーより深くインデントする必要もあります。',
    'yaml.error.tabIndent': 'YAML のインデントにタブは使えません。スペースを使ってください。',
    'yaml.error.itemColumn': 'リストやマッピングの項目は、すべて同じ列から始める必要があります。',
    'yaml.error.multilineKey': 'キーは 1 行に収める必要があります。',
    'yaml.error.lineWithoutColon': 'この行はキーになっていません。キーは 1 行に書き、その後に `:` と値が必要です。',
    'yaml.error.nestedCompact': 'マッピングを、それを値とするキーと同じ行で始めることはできません。次の行にインデントして書いてください。',
    'yaml.error.missingComma': '`[…]` や `{…}` の中の項目はカンマで区切ります。',
    'yaml.error.badScalarStart': '引用符で囲まない値は {char} で始めることができません。',
    'yaml.error.commentSpace': 'コメントの `#` の前にはスペースが必要です。',
    'yaml.error.badEscape': '{escape} はダブルクォート文字列では使えないエスケープです。',
    'yaml.error.unresolvedTag': 'タグ {tag} は使えません。セキュリティ情報にはタグのない YAML の値を書きます。',
    'yaml.error.unresolvedAlias': 'エイリアス {alias} が参照するアンカーが、それより前に定義されていません。',
    'yaml.error.blockInFlow': '`[…]` や `{…}` の中にブロック形式のリストやマッピングは書けません。',
    'yaml.error.blockScalarIndent': '`|` や `>` で始まる複数行テキストの行は、キーより深くインデントする必要があります。',
    'yaml.error.other': 'YAML の構文エラーです: {message}',
  },
});

type Translation = [pattern: RegExp, key: string, args?: (match: RegExpExecArray) => Record<string, string>];

/** In the order tried; each pattern matches the start of the library's message. */
const translations: Translation[] = [
  [/^Map keys must be unique/, 'yaml.error.duplicateKey'],
  [/^Missing closing (["'])quote/, 'yaml.error.missingQuote', (m) => ({ quote: m[1] })],
  [/^Implicit map keys need to be followed by map values/, 'yaml.error.keyWithoutValue'],
  [/^Flow (?:sequence|mapping) (?:in block collection must be sufficiently indented and end|must end) with an? ([\]}])/, 'yaml.error.flowEnd', (m) => ({ start: m[1] === ']' ? '[' : '{', end: m[1] })],
  [/^Tabs are not allowed as indentation/, 'yaml.error.tabIndent'],
  [/^All (?:sequence|mapping) items must start at the same column/, 'yaml.error.itemColumn'],
  [/^Implicit keys (?:of flow sequence pairs )?need to be on a single line/, 'yaml.error.multilineKey'],
  [/^Nested mappings are not allowed in compact mappings/, 'yaml.error.nestedCompact'],
  [/^Missing , (?:or : )?between flow/, 'yaml.error.missingComma'],
  [/^Plain value cannot start with (?:reserved|flow indicator|directive indicator|block scalar indicator)? ?(?:character )?(.+)$/, 'yaml.error.badScalarStart', (m) => ({ char: m[1] })],
  [/^Comments must be separated from other tokens by white space/, 'yaml.error.commentSpace'],
  [/^Invalid escape sequence (.+)$/, 'yaml.error.badEscape', (m) => ({ escape: m[1] })],
  [/^Unresolved tag: (.+)$/, 'yaml.error.unresolvedTag', (m) => ({ tag: m[1] })],
  [/^Unresolved alias \(the anchor must be set before the alias\): (.+)$/, 'yaml.error.unresolvedAlias', (m) => ({ alias: m[1] })],
  [/^Block collections are not allowed within flow collections/, 'yaml.error.blockInFlow'],
  [/^Block scalar (?:values in collections must be indented|lines must not be less indented)/, 'yaml.error.blockScalarIndent'],
];

/** The message for one of the yaml library's errors, in the reader's language. */
export function yamlErrorMessage(locale: Locale, libraryMessage: string): string {
  for (const [pattern, key, args] of translations) {
    const match = pattern.exec(libraryMessage);
    if (match) return msg(locale, key, args?.(match) ?? {});
  }
  return msg(locale, 'yaml.error.other', { message: libraryMessage });
}

/**
 * Where a syntax error is reported, and in which words. A plain scalar being typed on its own
 * line before a key (`co` above `platforms:`) reads to the library as one key spanning both
 * lines: it is reported on the lines before the colon's, the ones the author is typing, and
 * the key below is left alone.
 */
export function yamlErrorAt(locale: Locale, text: string, code: string, pos: readonly [number, number], libraryMessage: string): { range: [number, number]; message: string } {
  const [start, end] = pos;
  if (code === 'MULTILINE_IMPLICIT_KEY') {
    const lastBreak = text.lastIndexOf('\n', end - 1);
    if (lastBreak > start) {
      const typed = text.slice(start, lastBreak).replace(/\s+$/, '');
      return { range: [start, start + typed.length], message: msg(locale, 'yaml.error.lineWithoutColon') };
    }
  }
  return { range: [start, end], message: yamlErrorMessage(locale, libraryMessage) };
}

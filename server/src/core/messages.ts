/**
 * Every sentence the core says, in English and Japanese. Rule codes never change with the
 * language; only the words do. `{name}` placeholders are filled from the arguments.
 */
export type Locale = 'en' | 'ja';

const en = {
  'yaml.unparsable': 'The file cannot be read as YAML: {reason}',
  'yaml.multipleDocuments': 'A bulletin file holds one YAML document, but this stream has {count}; only the first is checked.',
  'yaml.aliasBomb': 'Aliases expand to more than {limit} nodes; the document is not read further.',
  'yaml.tooDeep': 'Collections are nested more than {limit} levels deep; the document is not read further.',
  'schema.rootType': 'A bulletin is a mapping of keys such as `id` and `title`, not {actual}.',
  'schema.required': 'Missing required key `{key}`.',
  'schema.requiredIn': 'Missing required key `{key}` in {where}.',
  'schema.unknownKey': 'Unknown key `{key}`.',
  'schema.unknownKeySuggest': 'Unknown key `{key}`. Did you mean `{suggestion}`?',
  'schema.type': '{where} must be {expected}, not {actual}.',
  'schema.enum': '{where} must be one of {allowed}.',
  'schema.enumSuggest': '{where} must be one of {allowed}. Did you mean `{suggestion}`?',
  'schema.const': '{where} must be {expected}.',
  'schema.pattern': '{where} must be {expected}.',
  'schema.patternGeneric': '{where} does not have the expected form ({pattern}).',
  'schema.formatDate': '{where} must be a real calendar date written YYYY-MM-DD.',
  'schema.formatUri': '{where} must be a complete address such as https://example.com/page.',
  'schema.minimum': '{where} must be at least {limit}.',
  'schema.maximum': '{where} must be at most {limit}.',
  'schema.minLength': '{where} must not be empty.',
  'schema.uniqueItems': '{where} repeats item {first}.',
  'schema.keyPattern': 'Key `{key}` must be {expected}.',
  'schema.idPattern': '{where} must be a bulletin id matching {pattern}.',
  'where.key': '`{key}`',
  'where.item': 'item {index} of `{key}`',
  'where.root': 'the bulletin',
  'type.string': 'text',
  'type.integer': 'a whole number',
  'type.number': 'a number',
  'type.boolean': 'true or false',
  'type.object': 'a mapping of keys',
  'type.array': 'a list',
  'type.null': 'empty',
} as const;

export type MessageKey = keyof typeof en;

const ja: Record<MessageKey, string> = {
  'yaml.unparsable': 'YAML として読み取れません: {reason}',
  'yaml.multipleDocuments': 'セキュリティ情報のファイルには YAML ドキュメントを一つだけ書きますが、{count} 個あります。最初のものだけを検査します。',
  'yaml.aliasBomb': 'エイリアスの展開が {limit} ノードを超えるため、これ以上読み取りません。',
  'yaml.tooDeep': 'コレクションの入れ子が {limit} 段を超えるため、これ以上読み取りません。',
  'schema.rootType': 'セキュリティ情報は `id` や `title` などのキーを持つマッピングです ({actual} ではありません)。',
  'schema.required': '必須のキー `{key}` がありません。',
  'schema.requiredIn': '{where} に必須のキー `{key}` がありません。',
  'schema.unknownKey': '不明なキー `{key}` です。',
  'schema.unknownKeySuggest': '不明なキー `{key}` です。`{suggestion}` の誤りではありませんか?',
  'schema.type': '{where} は{expected}でなければなりません ({actual}になっています)。',
  'schema.enum': '{where} は {allowed} のいずれかでなければなりません。',
  'schema.enumSuggest': '{where} は {allowed} のいずれかでなければなりません。`{suggestion}` の誤りではありませんか?',
  'schema.const': '{where} は {expected} でなければなりません。',
  'schema.pattern': '{where} は{expected}でなければなりません。',
  'schema.patternGeneric': '{where} の形式が正しくありません ({pattern})。',
  'schema.formatDate': '{where} は YYYY-MM-DD 形式の実在する日付でなければなりません。',
  'schema.formatUri': '{where} は https://example.com/page のような完全なアドレスでなければなりません。',
  'schema.minimum': '{where} は {limit} 以上でなければなりません。',
  'schema.maximum': '{where} は {limit} 以下でなければなりません。',
  'schema.minLength': '{where} を空にすることはできません。',
  'schema.uniqueItems': '{where} で項目 {first} が重複しています。',
  'schema.keyPattern': 'キー `{key}` は{expected}でなければなりません。',
  'schema.idPattern': '{where} は {pattern} に一致するセキュリティ情報 ID でなければなりません。',
  'where.key': '`{key}`',
  'where.item': '`{key}` の {index} 番目の項目',
  'where.root': 'セキュリティ情報',
  'type.string': '文字列',
  'type.integer': '整数',
  'type.number': '数値',
  'type.boolean': 'true または false',
  'type.object': 'キーのマッピング',
  'type.array': 'リスト',
  'type.null': '空',
};

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, ja };

/** Additional catalogs (rules register theirs) merged into the same lookup. */
const extra: Record<Locale, Record<string, string>> = { en: {}, ja: {} };

/**
 * Every template of each locale cut at its placeholders (text, name, text, …) as it is
 * registered: a replace with a callback per message was most of what a label cost. The core's
 * own texts win over a registered one of the same key, as in `messageCatalog`.
 */
const templates: Record<Locale, Map<string, string[]>> = { en: new Map(), ja: new Map() };
const PLACEHOLDER = /\{(\w+)\}/;

function addTemplates(locale: Locale, messages: Record<string, string>, core: boolean): void {
  for (const [key, text] of Object.entries(messages)) {
    if (core || !(key in catalogs[locale])) templates[locale].set(key, text.split(PLACEHOLDER));
  }
}
addTemplates('en', en, true);
addTemplates('ja', ja, true);

export function registerMessages(messages: Record<Locale, Record<string, string>>): void {
  Object.assign(extra.en, messages.en);
  Object.assign(extra.ja, messages.ja);
  addTemplates('en', messages.en, false);
  addTemplates('ja', messages.ja, false);
}

/** Every key and text of one locale, core and registered, as `msg` resolves them (the tests check both are complete). */
export function messageCatalog(locale: Locale): Readonly<Record<string, string>> {
  return { ...extra[locale], ...catalogs[locale] };
}

/** The text of `key` in `locale` (English where the locale lacks it; the key itself where both do), `{name}` filled from `args`. */
export function msg(locale: Locale, key: MessageKey | string, args: Record<string, string | number> = {}): string {
  const parts = templates[locale].get(key) ?? templates.en.get(key);
  if (!parts) return key;
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    out += (name in args ? String(args[name]) : `{${name}}`) + parts[i + 1];
  }
  return out;
}

export function toLocale(value: string | undefined | null): Locale {
  return value && value.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/**
 * Words the generators draw from, read from the schema and the examples so they follow the
 * format as it grows: every key name, every enum value, and values that make cross-file rules
 * fire (the examples' ids, platform slugs, file names and versions).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, examples } from './harness';

function collectSchemaWords(): { keys: string[]; enums: string[] } {
  const schema = JSON.parse(readFileSync(join(root, 'schemas', 'bulletin.schema.json'), 'utf8')) as unknown;
  const keys = new Set<string>();
  const enums = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.properties && typeof record.properties === 'object') for (const key of Object.keys(record.properties)) keys.add(key);
    if (Array.isArray(record.enum)) for (const v of record.enum) enums.add(String(v));
    for (const value of Object.values(record)) walk(value);
  };
  walk(schema);
  return { keys: [...keys].sort(), enums: [...enums].sort() };
}

function collectExampleValues(pattern: RegExp): string[] {
  const found = new Set<string>();
  for (const example of examples) for (const match of example.text.matchAll(pattern)) found.add(match[1]);
  return [...found].sort();
}

const schemaWords = collectSchemaWords();

export const schemaKeys: readonly string[] = schemaWords.keys;
export const enumValues: readonly string[] = schemaWords.enums;
export const exampleIds: readonly string[] = collectExampleValues(/^id: (\S+)/gm);
export const platformSlugs: readonly string[] = collectExampleValues(/^ {2}- id: (\S+)/gm);
export const fileNames: readonly string[] = collectExampleValues(/- name: (\S+\.(?:dll|exe|sys))/gm);
export const versions: readonly string[] = collectExampleValues(/version: ([\d.]+)/gm);

/** YAML's own punctuation and indicators, and lines that change how a stream is read. */
export const yamlTokens: readonly string[] = [
  '\n', '\n', '\n', '\r\n', '\r', ' ', '  ', '    ', '\t', '- ', '-', ': ', ':', '? ', ',', '[', ']', '{', '}', '#', ' # c',
  '&a ', '&b ', '*a', '*b', '*undefined', '!', '!!str ', '!!int ', '!!map ', '!!binary ', '!local ', '!<tag:x> ', '|', '|-', '|+', '|2', '>', '>-',
  "'", "''", '"', '\\', '\\x', '\\u', '\\U0001F600', '%', '@', '`', '---', '...', '--- ', '%YAML 1.2\n', '%YAML 1.1\n', '%TAG ! tag:x,2000:\n',
  '<<: ', '~', 'null', 'true', 'False', '0x1F', '0o17', '.inf', '-.Inf', '.nan', '1e308', '-0', '12345678901234567890', '0.0.0', '2004-02-30',
  '\uFEFF', '\u0000', '\u0085', '\u2028', '\u00A0', '\uFFFD', '\uD800', '\uDC00', '😀', '漢字', 'ｶﾀｶﾅ',
];

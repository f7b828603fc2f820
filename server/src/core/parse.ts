/**
 * Text → plain JSON value plus the YAML range of every node, keyed by JSON pointer.
 * YAML 1.2 core schema: dates stay strings. Aliases are expanded under a budget and
 * nesting is bounded, so hostile input yields a problem, never a hang or a stack overflow.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import { computeLineStarts, lineEndAt } from './text';
import { problem, type Problem } from './problems';
import { msg, type Locale } from './messages';
import { yamlErrorMessage } from './yaml-errors';

export type Range = readonly [number, number];

export interface NodeLocation {
  /** The key of the pair that holds this node (absent for the root and sequence items). */
  key?: Range;
  /** The value node itself. */
  value: Range;
  /** The value is a block collection spanning lines: underline the key instead. */
  block: boolean;
  /** The value as written, for scalars (versions are read from it, never from the number). */
  source?: string;
}

export interface ParsedDocument {
  text: string;
  lineStarts: Uint32Array;
  /** The first YAML document, for features that edit or walk the tree (open documents). */
  yaml?: Document.Parsed;
  /** Plain data of the first document; undefined when it is empty. */
  value: unknown;
  nodes: Map<string, NodeLocation>;
  /** `yaml-syntax` problems: every parse error, extra documents, exceeded bounds. */
  problems: Problem[];
}

export const limits = {
  /** Nodes produced by expanding aliases before the document is judged a bomb. */
  aliasExpansion: 10_000,
  /** Nesting depth of collections. */
  depth: 64,
};

/** Keys whose scalar values are versions: read from the source text ("4.00" stays "4.00"). */
const VERSION_KEYS = new Set(['version']);

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function parseBulletinText(text: string, locale: Locale = 'en'): ParsedDocument {
  const lineStarts = computeLineStarts(text);
  const nodes = new Map<string, NodeLocation>();
  const problems: Problem[] = [];
  const syntax = (range: Range, message: string) => problems.push(problem('yaml-syntax', 'error', clampRange(text, range), message));

  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, {
      version: '1.2',
      schema: 'core',
      uniqueKeys: true,
      prettyErrors: false,
      lineCounter: new LineCounter(),
    }) as Document.Parsed[];
  } catch (error) {
    // The parser recurses on nesting; a RangeError here is a document nested too deeply.
    syntax([0, lineEndAt(text, 0)], msg(locale, 'yaml.unparsable', { reason: errorText(error) }));
    return { text, lineStarts, value: undefined, nodes, problems };
  }
  for (const doc of docs) {
    for (const error of doc.errors) syntax(error.pos, yamlErrorMessage(locale, firstLine(error.message)));
  }
  if (docs.length > 1) {
    for (const extra of docs.slice(1)) {
      const start = extra.range?.[0] ?? 0;
      syntax([start, lineEndAt(text, start)], msg(locale, 'yaml.multipleDocuments', { count: docs.length }));
    }
  }
  const first = docs[0];
  if (!first || first.contents === null) {
    return { text, lineStarts, yaml: first, value: undefined, nodes, problems };
  }
  const converter = new Converter(text, first, nodes, locale);
  let value: unknown;
  try {
    value = converter.convert(first.contents as YamlNode, '', undefined, 0, VERSION_KEYS.has(''));
  } catch (error) {
    if (!(error instanceof BoundExceeded)) throw error;
    syntax(error.range, error.message);
    value = undefined;
    nodes.clear();
  }
  return { text, lineStarts, yaml: first, value, nodes, problems };
}

class BoundExceeded extends Error {
  constructor(message: string, readonly range: Range) {
    super(message);
  }
}

class Converter {
  private expanded = 0;
  constructor(
    private readonly text: string,
    private readonly doc: Document.Parsed,
    private readonly nodes: Map<string, NodeLocation>,
    private readonly locale: Locale,
  ) {}

  convert(node: YamlNode | null, pointer: string, key: Range | undefined, depth: number, isVersion: boolean, inAlias = false): unknown {
    if (inAlias && ++this.expanded > limits.aliasExpansion) {
      throw new BoundExceeded(msg(this.locale, 'yaml.aliasBomb', { limit: limits.aliasExpansion }), key ?? [0, 0]);
    }
    if (depth > limits.depth) {
      const at = node?.range ?? key ?? [0, 0];
      throw new BoundExceeded(msg(this.locale, 'yaml.tooDeep', { limit: limits.depth }), [at[0], Math.min(at[0] + 1, this.text.length)]);
    }
    const range: Range = node?.range ? [node.range[0], node.range[1]] : key ? [key[1], key[1]] : [0, 0];
    if (!inAlias) this.nodes.set(pointer, { key, value: range, block: false });
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (!target) return null;
      // The alias's own location stays; the expansion's nodes are not given locations.
      return this.convert(target, pointer, key, depth + 1, isVersion, true);
    }
    if (isScalar(node)) {
      const source = this.text.slice(range[0], range[1]);
      if (!inAlias) this.nodes.set(pointer, { key, value: range, block: false, source });
      const v = node.value;
      if (isVersion && (typeof v === 'number' || typeof v === 'bigint') && node.type === 'PLAIN') return source.trim();
      if (typeof v === 'bigint') return Number(v);
      if (v === undefined || typeof v === 'symbol' || typeof v === 'function') return null;
      if (v instanceof Uint8Array) return source;
      return v;
    }
    const block = (node as { flow?: boolean }).flow !== true;
    if (!inAlias) this.nodes.set(pointer, { key, value: range, block: block && range[1] > range[0] });
    if (isSeq(node)) {
      return node.items.map((item, i) =>
        this.convert(item as YamlNode | null, `${pointer}/${i}`, undefined, depth + 1, false, inAlias),
      );
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = Object.create(null);
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        const keyText = keyToString(this.text, keyNode);
        const keyRange: Range = keyNode?.range ? [keyNode.range[0], keyNode.range[1]] : range;
        // A duplicate key is a syntax error already; the first one wins, as in the editor's outline.
        if (Object.prototype.hasOwnProperty.call(out, keyText)) continue;
        out[keyText] = this.convert(
          pair.value as YamlNode | null,
          `${pointer}/${escapePointerToken(keyText)}`,
          keyRange,
          depth + 1,
          VERSION_KEYS.has(keyText),
          inAlias,
        );
      }
      return out;
    }
    return null;
  }
}

function keyToString(text: string, key: YamlNode | null): string {
  if (key === null || key === undefined) return '';
  if (isScalar(key)) {
    const v = key.value;
    if (v === null) return '';
    if (typeof v === 'string') return v;
    // Numeric keys (deployment: `50: 18`) keep their written form.
    if (key.range && key.type === 'PLAIN') return text.slice(key.range[0], key.range[1]).trim();
    return String(v);
  }
  return key.range ? text.slice(key.range[0], key.range[1]) : '';
}

function clampRange(text: string, [start, end]: Range): Range {
  const s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(s, Math.min(end, text.length));
  if (e === s && s < text.length && text[s] !== '\n' && text[s] !== '\r') e = s + 1;
  return [s, e];
}

function firstLine(message: string): string {
  const line = message.split('\n')[0].trim();
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The location findings about a node should underline: the key for block collections. */
export function rangeOf(nodes: Map<string, NodeLocation>, pointer: string, prefer: 'key' | 'value' = 'value'): Range | undefined {
  const loc = nodes.get(pointer);
  if (!loc) return undefined;
  if (prefer === 'key' && loc.key) return loc.key;
  if (loc.block && loc.key) return loc.key;
  return loc.value;
}

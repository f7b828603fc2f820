/**
 * Text → plain JSON value plus the YAML range of every node (a tree of locations, listed by
 * JSON pointer on demand: locations.ts). YAML 1.2 core schema: dates stay strings. Aliases are
 * expanded under a budget and nesting is bounded, so hostile input yields a problem, never a
 * hang or a stack overflow.
 */
import {
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Composer,
  Parser,
  visit,
  YAMLParseError,
  type Alias,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import { computeLineStarts, lineEndAt } from '../text';
import { problem, type Problem } from '../problems';
import { msg, registerMessages, type Locale } from '../messages';
import { yamlErrorAt } from './yaml-errors';
import { quickParse } from './quick-parse';

/** Whether a text has a character only the full parser reads (a tab, a lone CR, a control character …). */
export { hasUnusualCharacters } from './quick-parse';
import { sparseElements } from './quick-parse-values';
import { locationsByPointer, newLocation, pointerToken, type NodeLocation, type Range } from './locations';

// Where nodes are lives in locations.ts; what readers of a parse use is exported here too.
export { entryOf, escapePointerToken, itemOf, locationsByPointer, newLocation, pointerToken, rangeOf, rangeOfLocation } from './locations';
export type { NodeLocation, Range } from './locations';

export interface ParsedDocument {
  text: string;
  lineStarts: Uint32Array;
  /** Plain data of the first document; undefined when it is empty. */
  value: unknown;
  /** The root's location, whose `children` hold the rest: the tree `nodes` lists. */
  root: NodeLocation | undefined;
  /** Every node's location by JSON pointer, in document order (the quick reader makes it when first read). */
  readonly nodes: Map<string, NodeLocation>;
  /** `yaml-syntax` problems: every parse error, extra documents, exceeded bounds. */
  problems: Problem[];
}

export const limits = {
  /** Nodes produced by expanding aliases before the document is judged a bomb. */
  aliasExpansion: 10_000,
  /** Nesting depth of collections. */
  depth: 64,
  /**
   * Syntax errors before the rest of the file is left unread. Garbage (a stray tab before
   * `---`, binary data) makes the parser report every later token, tens of thousands of
   * errors that cost seconds and flood the editor.
   */
  syntaxErrors: 1000,
};

registerMessages({
  en: { 'yaml.tooManyErrors': 'More than {limit} YAML syntax errors; the rest of the file is not read.' },
  ja: { 'yaml.tooManyErrors': 'YAML の構文エラーが {limit} 個を超えたため、ファイルの残りは読み取りません。' },
});

/** Keys whose scalar values are versions: read from the source text ("4.00" stays "4.00"). */
const VERSION_KEYS = new Set(['version']);

/** The quick reader's parse: plain block YAML, or undefined (the full parser's job). */
function parseQuickly(text: string): ParsedDocument | undefined {
  const fast = quickParse(text);
  return fast && new QuickParsed(text, fast.lineStarts, fast.value, fast.root);
}

// A class, not an object literal with a getter: such a literal kept every model's parse alive
// through a few collections (a closure per document), and promoted it all to the old space.
class QuickParsed implements ParsedDocument {
  readonly problems: Problem[] = [];
  private listed: Map<string, NodeLocation> | undefined;
  constructor(
    readonly text: string,
    readonly lineStarts: Uint32Array,
    readonly value: unknown,
    readonly root: NodeLocation,
  ) {}

  get nodes(): Map<string, NodeLocation> {
    return (this.listed ??= locationsByPointer(this.root));
  }
}

export interface ParseOptions {
  /** The language of syntax problems. */
  locale?: Locale;
  /**
   * Who reads the text: `any` (the default) lets the quick reader take plain block YAML (the
   * same result, several times cheaper) and the full parser the rest; `quick` answers undefined
   * where the quick reader declines (the caller then parses elsewhere, e.g. on a worker);
   * `full` is the full parser alone (tests compare the two).
   */
  reader?: 'any' | 'quick' | 'full';
}

/** The one parse entry: text → plain value, node locations, syntax problems. */
export function parse(text: string, options?: ParseOptions & { reader?: 'any' | 'full' }): ParsedDocument;
export function parse(text: string, options: ParseOptions & { reader: 'quick' }): ParsedDocument | undefined;
export function parse(text: string, options: ParseOptions = {}): ParsedDocument | undefined {
  const reader = options.reader ?? 'any';
  const fast = reader === 'full' ? undefined : parseQuickly(text);
  if (fast || reader === 'quick') return fast;
  return parseFully(text, options.locale ?? 'en');
}

function parseFully(text: string, locale: Locale): ParsedDocument {
  const lineStarts = computeLineStarts(text);
  const nodes = new Map<string, NodeLocation>();
  const problems: Problem[] = [];
  const syntax = (range: Range, message: string) => problems.push(problem('yaml-syntax', 'error', clampRange(text, range), message));

  let stream: DocumentStream;
  try {
    stream = parseDocuments(text);
  } catch (error) {
    // The parser recurses on nesting; a RangeError here is a document nested too deeply.
    syntax([0, lineEndAt(text, 0)], msg(locale, 'yaml.unparsable', { reason: errorText(error) }));
    return { text, lineStarts, value: undefined, root: undefined, nodes, problems };
  }
  const docs = stream.docs;
  for (const doc of docs) {
    for (const error of doc.errors) {
      if (problems.length >= limits.syntaxErrors) break;
      const reported = yamlErrorAt(locale, text, error.code, error.pos, firstLine(error.message));
      syntax(reported.range, reported.message);
    }
  }
  if (stream.stoppedAt !== undefined || problems.length >= limits.syntaxErrors) {
    const at = stream.stoppedAt ?? problems[problems.length - 1].offset;
    syntax([at, lineEndAt(text, at)], msg(locale, 'yaml.tooManyErrors', { limit: limits.syntaxErrors }));
  }
  if (docs.length > 1) {
    for (const extra of docs.slice(1)) {
      const start = extra.range?.[0] ?? 0;
      syntax([start, lineEndAt(text, start)], msg(locale, 'yaml.multipleDocuments', { count: docs.length }));
    }
  }
  const first = docs[0];
  if (!first || first.contents === null) {
    return { text, lineStarts, value: undefined, root: undefined, nodes, problems };
  }
  const converter = new Converter(text, first, nodes, locale);
  let value: unknown;
  try {
    value = converter.convert(first.contents as YamlNode, '', undefined, undefined, undefined, 0, VERSION_KEYS.has(''));
  } catch (error) {
    if (!(error instanceof BoundExceeded)) throw error;
    syntax(error.range, error.message);
    value = undefined;
    nodes.clear();
  }
  return { text, lineStarts, value, root: nodes.get(''), nodes, problems };
}

interface DocumentStream {
  docs: Document.Parsed[];
  /** Offset where reading stopped after too many syntax errors (a document cut there is dropped). */
  stoppedAt?: number;
}

class TooManyErrors extends Error {
  constructor(readonly offset: number) {
    super('too many syntax errors');
  }
}

/** Where the library's error source (an offset, a range or a CST token) starts. */
function errorOffset(source: unknown): number {
  if (typeof source === 'number') return source;
  if (Array.isArray(source)) return Number(source[0]) || 0;
  return Number((source as { offset?: number } | null)?.offset) || 0;
}

/** `parseAllDocuments`, token by token, so that reading stops after `limits.syntaxErrors`. */
function parseDocuments(text: string): DocumentStream {
  const parser = new Parser();
  // Unique keys are checked below in linear time: the library's check compares every key with
  // every earlier one, minutes for a mapping of a few hundred thousand keys.
  const composer = new Composer({ version: '1.2', schema: 'core', uniqueKeys: false, prettyErrors: false });
  const docs: Document.Parsed[] = [];
  let errors = 0;
  let stoppedAt: number | undefined;
  // The library has no bound of its own: errors found while composing a document are counted
  // through its error callback, and past the bound composing stops (that document is dropped).
  const hooked = composer as unknown as { onError: (source: unknown, code: string, message: string, warning?: boolean) => void };
  const report = hooked.onError;
  hooked.onError = (source, code, message, warning) => {
    if (!warning && ++errors > limits.syntaxErrors) throw new TooManyErrors(errorOffset(source));
    report(source, code, message, warning);
  };
  try {
    for (const token of parser.parse(text)) {
      if (token.type === 'error' && ++errors > limits.syntaxErrors) throw new TooManyErrors(token.offset);
      for (const doc of composer.next(token)) docs.push(doc as Document.Parsed);
    }
  } catch (error) {
    if (!(error instanceof TooManyErrors)) throw error;
    stoppedAt = error.offset;
  }
  for (const doc of composer.end(false, text.length)) docs.push(doc as Document.Parsed);
  let budget = limits.syntaxErrors;
  for (const doc of docs) budget = reportDuplicateKeys(doc, budget - doc.errors.length);
  return { docs, stoppedAt };
}

/**
 * The library's `uniqueKeys` rule (scalar keys with equal values) with one set per mapping.
 * A plain walk with its own stack, in the order `visit` takes (half its time on big documents,
 * and no recursion for deep nesting).
 */
function reportDuplicateKeys(doc: Document.Parsed, budget: number): number {
  if (budget <= 0) return budget;
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const items = node.items;
      // Most mappings are small: comparing with the earlier keys allocates nothing.
      const seen = items.length > 8 ? new Set<unknown>() : undefined;
      for (let i = 0; i < items.length; i++) {
        const key = items[i].key;
        if (!isScalar(key) || (typeof key.value === 'number' && Number.isNaN(key.value))) continue;
        if (seen ? !seen.has(key.value) : !sameKeyBefore(items, i, key.value)) {
          seen?.add(key.value);
          continue;
        }
        const start = key.range?.[0] ?? 0;
        doc.errors.push(new YAMLParseError([start, start + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        if (--budget <= 0) return budget;
      }
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i];
        if (isCollection(pair.value)) stack.push(pair.value);
        if (isCollection(pair.key)) stack.push(pair.key);
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i];
        // A flow sequence's `{a: 1}` item may be a bare pair.
        if (isPair(item)) {
          if (isCollection(item.value)) stack.push(item.value);
          if (isCollection(item.key)) stack.push(item.key);
        } else if (isCollection(item)) stack.push(item);
      }
    }
  }
  return budget;
}

/** Whether a scalar key before `index` has this value (the Set's equality: NaN never counts). */
function sameKeyBefore(items: readonly { key: unknown }[], index: number, value: unknown): boolean {
  for (let j = 0; j < index; j++) {
    const key = items[j].key;
    if (isScalar(key) && key.value === value) return true;
  }
  return false;
}

class BoundExceeded extends Error {
  constructor(message: string, readonly range: Range) {
    super(message);
  }
}

class Converter {
  private expanded = 0;
  /** The alias written in the document whose expansion is being converted: a bound crossed inside it is reported there. */
  private expanding: Range | undefined;
  /** Each alias's target, found in one walk (yaml's `Alias.resolve` walks the whole document per call). */
  private aliasTargets?: Map<Alias, YamlNode | undefined>;
  constructor(
    private readonly text: string,
    private readonly doc: Document.Parsed,
    private readonly nodes: Map<string, NodeLocation>,
    private readonly locale: Locale,
  ) {}

  /** `parent` gets the node's location among its `children`, under `name` for a mapping's entry. */
  convert(node: YamlNode | null, pointer: string, key: Range | undefined, parent: NodeLocation | undefined, name: string | undefined, depth: number, isVersion: boolean, inAlias = false): unknown {
    if (inAlias && ++this.expanded > limits.aliasExpansion) {
      throw new BoundExceeded(msg(this.locale, 'yaml.aliasBomb', { limit: limits.aliasExpansion }), this.expanding ?? key ?? [0, 0]);
    }
    if (depth > limits.depth) {
      const at = (inAlias ? this.expanding : undefined) ?? node?.range ?? key ?? [0, 0];
      throw new BoundExceeded(msg(this.locale, 'yaml.tooDeep', { limit: limits.depth }), [at[0], Math.min(at[0] + 1, this.text.length)]);
    }
    const range: Range = node?.range ? [node.range[0], node.range[1]] : key ? [key[1], key[1]] : [0, 0];
    // Set before the children (features walk locations in document order), completed below.
    const location: NodeLocation | undefined = inAlias ? undefined : newLocation(key, range, name);
    if (location) {
      this.nodes.set(pointer, location);
      if (parent) (parent.children ??= []).push(location);
    }
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = this.resolveAlias(node);
      if (!target) return null;
      if (inAlias) return this.convert(target, pointer, key, undefined, undefined, depth + 1, isVersion, true);
      // The alias's own location stays; the expansion's nodes are not given locations.
      this.expanding = node.range ? [node.range[0], node.range[1]] : range;
      try {
        return this.convert(target, pointer, key, undefined, undefined, depth + 1, isVersion, true);
      } finally {
        this.expanding = undefined;
      }
    }
    if (isScalar(node)) {
      const source = this.text.slice(range[0], range[1]);
      if (location) location.source = source;
      const v = node.value;
      if (isVersion && (typeof v === 'number' || typeof v === 'bigint') && node.type === 'PLAIN') return source.trim();
      if (typeof v === 'bigint') return Number(v);
      if (v === undefined || typeof v === 'symbol' || typeof v === 'function') return null;
      if (v instanceof Uint8Array) return source;
      return v;
    }
    const block = (node as { flow?: boolean }).flow !== true;
    if (location) location.block = block && range[1] > range[0];
    // An empty collection has an empty list of entries (not none), as the quick reader gives.
    if (location) location.children = [];
    if (isSeq(node)) {
      return node.items.map((item, i) =>
        this.convert(item as YamlNode | null, `${pointer}/${i}`, undefined, location, undefined, depth + 1, false, inAlias),
      );
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = Object.create(null);
      let sparse = false;
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        const keyText = keyToString(this.text, keyNode);
        const keyRange: Range = keyNode?.range ? [keyNode.range[0], keyNode.range[1]] : range;
        // A duplicate key is a syntax error already; the first one wins, as in the editor's outline.
        if (Object.prototype.hasOwnProperty.call(out, keyText)) continue;
        const first = keyText.charCodeAt(0);
        if (first >= 48 && first <= 57 && !sparse) sparse = sparseElements(out);
        out[keyText] = this.convert(
          pair.value as YamlNode | null,
          // A key longer than any real one is cut in the pointer: every node below repeats
          // its pointer, and hashing a megabyte-long one per node took seconds.
          `${pointer}/${pointerToken(keyText)}`,
          keyRange,
          location,
          keyText,
          depth + 1,
          VERSION_KEYS.has(keyText),
          inAlias,
        );
      }
      return out;
    }
    return null;
  }

  /** The last node anchored with the alias's name before the alias, as YAML 1.2 resolves it. */
  private resolveAlias(alias: Alias): YamlNode | undefined {
    if (!this.aliasTargets) {
      const targets = new Map<Alias, YamlNode | undefined>();
      const anchored = new Map<string, YamlNode>();
      visit(this.doc, {
        Node: (_key, node) => {
          if (isAlias(node)) targets.set(node, anchored.get(node.source));
          else if (node.anchor) anchored.set(node.anchor, node);
        },
      });
      this.aliasTargets = targets;
    }
    return this.aliasTargets.get(alias);
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

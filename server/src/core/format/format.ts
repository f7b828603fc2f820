/**
 * Format Document, pure: the bulletin re-written from its YAML document (never re-dumped from
 * data), so comments, blank lines, flow lists and the author's quoting stay as written, while
 * indentation becomes 2 spaces (sequences indented under their key, as the examples write them)
 * and every mapping's keys follow the format's order (the schema's property order, which is the
 * seed page's order; keys the schema does not know keep their place after the known ones).
 *
 * Scalars are written from their source text (a plain `4.00` stays `4.00`, `"x\u0041"` stays
 * escaped as written); only the indentation of their continuation lines changes. A document with
 * a syntax error, more than one document, or anything the formatter would change the meaning of
 * is left untouched: the result is checked by parsing it again and comparing the data.
 */
import { isMap, isScalar, isSeq, parseDocument, visit, type Document, type Scalar, type ScalarTag, type Tags, type YAMLMap } from 'yaml';
import { schemaAt } from '../authoring/schema-info';
import { parse } from '../parse';

export interface FormatResult {
  /** The formatted text (equal to the input when it was already formatted). */
  text: string;
}

/** The formatted text, or undefined when the document is left as it is (syntax errors, several documents, an unsafe change). */
export function formatBulletin(input: string): FormatResult | undefined {
  const bom = input.startsWith('\uFEFF') ? '\uFEFF' : '';
  const crlf = /\r\n/.test(input);
  const text = (bom ? input.slice(1) : input).replace(/\r\n/g, '\n');
  if (text.trim() === '') return { text: input };
  // A second byte order mark (inside the text) is not something to rewrite around.
  if (text.includes('\uFEFF')) return undefined;
  // Lone carriage returns (old Mac line breaks) too: the writer would not keep them.
  if (text.includes('\r')) return undefined;
  const doc = readDocument(text);
  if (!doc) return undefined;
  // What the document means, read before it is changed (key order aside, the changes below mean nothing).
  const meaning = meaningOf(doc);
  if (meaning === undefined) return undefined;
  orderKeys(doc);
  let out: string;
  try {
    out = doc.toString({ indent: 2, indentSeq: true, lineWidth: 0, flowCollectionPadding: false });
  } catch {
    return undefined; // e.g. the key order would put an alias before its anchor: left as written
  }
  out = keepCommentGaps(text, out);
  if (!text.endsWith('\n')) out = out.replace(/\n$/, '');
  if (!sameMeaning(meaning, out)) return undefined;
  if (crlf) out = out.replace(/\n/g, '\r\n');
  return { text: bom + out };
}

function readDocument(text: string): Document | undefined {
  // What the checks call a syntax error (also: nesting too deep, an alias bomb, a second document) leaves the file alone.
  if (parse(text).problems.some((p) => p.code === 'yaml-syntax')) return undefined;
  const options = { customTags: sourceTags, keepSourceTokens: true, prettyErrors: false } as const;
  const doc = parseDocument(text, options);
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  // A bulletin is a mapping; anything else (an empty document, a list, a scalar) is left as written.
  if (!isMap(doc.contents)) return undefined;
  // A second document (`---` further down) is a syntax finding of its own: leave the file to the author.
  if (/^(---|\.\.\.)\s*(#.*)?$/m.test(text.slice(doc.range[1]))) return undefined;
  return doc;
}

/** The data a document means (mapping keys in sorted order: their order means nothing), with its plain scalars' source texts. */
function meaningOf(doc: Document): string | undefined {
  try {
    return JSON.stringify(canonical(doc.toJS())) + '\u0001' + plainSources(doc);
  } catch {
    return undefined; // aliases expanded past yaml's bound: not a bulletin to format
  }
}

/** The formatted text read again: any difference in meaning and the formatting is dropped. */
function sameMeaning(before: string, after: string): boolean {
  const doc = parseDocument(after);
  return doc.errors.length === 0 && meaningOf(doc) === before;
}

/** Mapping keys sorted, so key order (which means nothing) is not compared. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Map) value = Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), v]));
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, canonical(o[k])]));
  }
  return value;
}

/** Plain scalars are also read from their source text (versions: `4.00` is not `4.0`): their texts, as a multiset. */
function plainSources(doc: Document): string {
  const out: string[] = [];
  visit(doc, { Scalar: (_k, node) => void (node.type === 'PLAIN' && typeof node.source === 'string' && out.push(node.source)) });
  return out.sort().join('\u0000');
}

// ---- Scalars written as the author wrote them.

interface SourceToken {
  type: string;
  source?: string;
  props?: { type: string; source: string }[];
}

/** The core schema's scalar tags, each writing a scalar from its source text where it has one. */
function sourceTags(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag !== 'object' || 'collection' in tag) return tag;
    const scalarTag = tag as ScalarTag;
    const own = scalarTag.stringify;
    if (!own) return tag;
    const stringify: NonNullable<ScalarTag['stringify']> = (item, ctx, onComment, onChompKeep) => fromSource(item, ctx.indent, onComment) ?? own(item, ctx, onComment, onChompKeep);
    return { ...scalarTag, stringify };
  });
}

function fromSource(item: Scalar, indent: string, onComment?: () => void): string | undefined {
  const token = (item as { srcToken?: SourceToken }).srcToken;
  if (!token || typeof token.source !== 'string') return undefined;
  if (token.type === 'scalar' || token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar') {
    return reindent(token.source, indent);
  }
  if (token.type === 'block-scalar' && item.value === '') return emptyBlock(token, onComment);
  if (token.type === 'block-scalar') return foldedFromSource(token, indent, onComment);
  return undefined;
}

/** An empty block (`summary: |` with nothing under it) is its header alone (the writer would add a blank line). */
function emptyBlock(token: SourceToken, onComment?: () => void): string | undefined {
  const props = token.props ?? [];
  if (props.some((p) => p.type === 'comment')) onComment?.();
  return props.filter((p) => p.type !== 'newline').map((p) => p.source).join('');
}

/**
 * A folded block (`>`, `>-`) keeps its line breaks as written (the writer would join its lines
 * into one); its lines move to the new indentation. Literal blocks, kept-chomping and explicit
 * indentation indicators are left to the writer, which keeps them exactly.
 */
function foldedFromSource(token: SourceToken, indent: string, onComment?: () => void): string | undefined {
  const props = token.props ?? [];
  const header = props.find((p) => p.type === 'block-scalar-header')?.source ?? '';
  if (!/^>-?$/.test(header) || indent === '') return undefined;
  const lines = token.source!.replace(/\n+$/, '').split('\n');
  const width = (line: string) => /^ */.exec(line)![0].length;
  const filled = lines.filter((line) => line.trim() !== '');
  if (filled.length === 0 || /\t/.test(token.source!)) return undefined;
  const least = Math.min(...filled.map(width));
  if (width(filled[0]!) !== least) return undefined;
  const headLine = props.filter((p) => p.type !== 'newline').map((p) => p.source).join('');
  if (props.some((p) => p.type === 'comment')) onComment?.();
  return `${headLine}\n${lines.map((line) => (line.trim() === '' ? '' : indent + line.slice(least))).join('\n')}`;
}

/** A flow scalar's continuation lines at the new indentation (their leading white space is not part of the value). */
function reindent(source: string, indent: string): string {
  const lines = source.split('\n');
  if (lines.length === 1) return source;
  return lines.map((line, i) => (i === 0 ? line : line.trim() === '' ? '' : indent + line.replace(/^[ \t]+/, ''))).join('\n');
}

// ---- Key order.

function orderKeys(doc: Document): void {
  orderNode(doc.contents, []);
}

function orderNode(node: unknown, path: (string | number)[]): void {
  if (isMap(node)) {
    const schema = schemaAt(path);
    const order = schema?.properties ? Object.keys(schema.properties) : [];
    if (order.length > 0) sortPairs(node, order);
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined) orderNode(pair.value, [...path, key]);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) orderNode(item, [...path, '*']);
  }
}

function sortPairs(map: YAMLMap, order: string[]): void {
  const rank = (pair: YAMLMap['items'][number]) => {
    const at = isScalar(pair.key) ? order.indexOf(String(pair.key.value)) : -1;
    return at < 0 ? order.length : at;
  };
  // Comments above a key and after its value move with it.
  const sorted = map.items.map((pair, i) => ({ pair, i, r: rank(pair) })).sort((x, y) => x.r - y.r || x.i - y.i);
  if (sorted.every((s, i) => s.i === i)) return;
  // The comment above the first key heads the mapping (at the top of a file: the file's header): it stays on top.
  liftFirstComment(map);
  const firstKey = map.items[0]?.key;
  const firstSpace = isScalar(firstKey) ? firstKey.spaceBefore : undefined;
  map.items = sorted.map((s) => s.pair);
  // The key that comes first takes the first key's blank line (or none): a blank line above the first key does not survive a reading.
  const newFirst = map.items[0]?.key;
  if (isScalar(newFirst) && newFirst !== firstKey) newFirst.spaceBefore = firstSpace;
  // A comment that now lands on the first key is written above the mapping (`- # c` would read back differently).
  liftFirstComment(map);
}

function liftFirstComment(map: YAMLMap): void {
  const key = map.items[0]?.key;
  if (!isScalar(key) || !key.commentBefore) return;
  map.commentBefore = map.commentBefore ? `${map.commentBefore}\n${key.commentBefore}` : key.commentBefore;
  key.commentBefore = undefined;
}

// ---- Trailing comments keep the gap the author gave them.

/**
 * The writer puts one space before a trailing comment; where the author aligned comments
 * (`- MS04-012          # shares …`), the line's own gap is put back.
 */
function keepCommentGaps(source: string, out: string): string {
  const gaps = new Map<string, string>();
  for (const line of source.split('\n')) {
    const m = /^\s*(.*?\S)(\s+)(#.*)$/.exec(line);
    if (m) gaps.set(`${gapKey(m[1]!)}\u0000${m[3]}`, m[2]!);
  }
  if (gaps.size === 0) return out;
  return out
    .split('\n')
    .map((line) => {
      const m = /^(\s*)(.*?\S) (#.*)$/.exec(line);
      const gap = m && gaps.get(`${gapKey(m[2]!)}\u0000${m[3]}`);
      return m && gap ? `${m[1]}${m[2]}${gap}${m[3]}` : line;
    })
    .join('\n');
}

/** A line's content as the gap table knows it: without a sequence dash, white space runs as one space. */
function gapKey(content: string): string {
  return content.replace(/^(- +)+/, '').replace(/\s+/g, ' ');
}

/**
 * Mutations of a real bulletin's text, each a pure function of the text and its parameters.
 * Positions are fractions of the text (or of its lines), so one generated mutation applies to
 * any text, including one an earlier mutation changed.
 */
import fc from 'fast-check';
import { exampleIds, fileNames, platformSlugs, versions, enumValues } from './vocabulary';

export type Mutation =
  | { kind: 'delete-lines'; at: number; count: number }
  | { kind: 'duplicate-line'; at: number; to: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'reindent'; at: number; count: number; delta: number; tab: boolean }
  | { kind: 'insert-text'; at: number; insert: string }
  | { kind: 'random-bytes'; at: number; bytes: number[] }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate-key'; at: number }
  | { kind: 'huge-scalar'; at: number; size: number; style: 'plain' | 'double' | 'single' | 'literal' | 'key' }
  | { kind: 'deep-nesting'; at: number; depth: number; style: 'flow-seq' | 'flow-map' | 'block-seq' | 'block-map' | 'mixed' }
  | { kind: 'alias-chain'; length: number; fanout: number; use: number; merge: boolean }
  | { kind: 'replace-value'; at: number; value: string }
  | { kind: 'line-breaks'; style: 'crlf' | 'cr' | 'mixed' }
  | { kind: 'bom' }
  | { kind: 'document-marker'; at: number; marker: string };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

/** Values that confuse types and make cross-file rules compare things. */
export const scalarText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...exampleIds, ...platformSlugs, ...fileNames, ...versions, ...enumValues),
  fc.constantFrom('', '~', 'null', '[]', '{}', '0', '-1', '4294967296', '1e999', '.nan', 'true', 'yes', '2004-13-45', '2004-02-29', '"', "'", '|', '>', '&x', '*x', '!!int x', '@', '`x`', 'a: b', '- c', '# only a comment'),
  fc.string({ maxLength: 12 }),
  fc.integer().map(String),
  fc.double().map(String),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-lines' as const), at: fraction, count: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fraction, to: fraction }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fraction, b: fraction }),
  fc.record({ kind: fc.constant('reindent' as const), at: fraction, count: fc.integer({ min: 1, max: 10 }), delta: fc.integer({ min: -6, max: 6 }), tab: fc.boolean() }),
  fc.record({
    kind: fc.constant('insert-text' as const),
    at: fraction,
    insert: fc.oneof(fc.string({ unit: 'binary', maxLength: 16 }), fc.string({ unit: 'grapheme', maxLength: 16 }), fc.constantFrom('\t', '\0', '\uFEFF', '\uD800', '\uDFFF', '\u2028', '\r', ': ', '- ', '#', '"', "'")),
  }),
  fc.record({ kind: fc.constant('random-bytes' as const), at: fraction, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 32 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
  fc.record({ kind: fc.constant('duplicate-key' as const), at: fraction }),
  fc.record({
    kind: fc.constant('huge-scalar' as const),
    at: fraction,
    size: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1_000, max: 100_000 }) }, { weight: 1, arbitrary: fc.integer({ min: 100_000, max: 1_000_000 }) }),
    style: fc.constantFrom('plain' as const, 'double' as const, 'single' as const, 'literal' as const, 'key' as const),
  }),
  fc.record({
    kind: fc.constant('deep-nesting' as const),
    at: fraction,
    depth: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 100, max: 5_000 })),
    style: fc.constantFrom('flow-seq' as const, 'flow-map' as const, 'block-seq' as const, 'block-map' as const, 'mixed' as const),
  }),
  fc.record({ kind: fc.constant('alias-chain' as const), length: fc.integer({ min: 1, max: 40 }), fanout: fc.integer({ min: 1, max: 12 }), use: fraction, merge: fc.boolean() }),
  fc.record({ kind: fc.constant('replace-value' as const), at: fraction, value: scalarText }),
  fc.record({ kind: fc.constant('line-breaks' as const), style: fc.constantFrom('crlf' as const, 'cr' as const, 'mixed' as const) }),
  fc.record({ kind: fc.constant('bom' as const) }),
  fc.record({ kind: fc.constant('document-marker' as const), at: fraction, marker: fc.constantFrom('---', '...', '--- |', '%YAML 1.2', '%YAML 1.1\n---', '--- !!map', '---\n---') }),
);

export const mutations: fc.Arbitrary<Mutation[]> = fc.array(mutation, { minLength: 1, maxLength: 6 });

const pick = (length: number, f: number): number => Math.min(length - 1, Math.floor(f * length));

function lines(text: string): string[] {
  return text.split('\n');
}

/** Index of the line at fraction `f`, preferring lines that hold a `key:` (most of a bulletin). */
function keyLine(all: string[], f: number): number {
  const keyed = all.map((line, i) => (/^\s*(?:- )?[\w.]+:/.test(line) ? i : -1)).filter((i) => i >= 0);
  return keyed.length > 0 ? keyed[pick(keyed.length, f)] : pick(all.length, f);
}

/** Replaces the value after the first `key:` on a line (or the whole line when it has none). */
function withValue(line: string, value: string): string {
  const match = /^(\s*(?:- )?[^:#]*:)(\s|$)/.exec(line);
  return match ? `${match[1]} ${value}` : value;
}

function indentOf(line: string): string {
  return /^[ \t]*(?:- )?/.exec(line)![0].replace('-', ' ');
}

function hugeScalar(size: number, style: Extract<Mutation, { kind: 'huge-scalar' }>['style'], indent: string): string {
  const word = 'x'.repeat(9) + ' ';
  const body = word.repeat(Math.ceil(size / word.length)).slice(0, size);
  switch (style) {
    case 'plain':
      return body;
    case 'double':
      return `"${body.replace(/x{9}/g, 'x\\u00e9\\t"x')}"`.replace(/"x/g, '\\"x');
    case 'single':
      return `'${body.replace(/x /g, "x'' ")}'`;
    case 'literal':
      return `|\n${body.replace(/ /g, `\n${indent}  `).replace(/^/, `${indent}  `)}`;
    case 'key':
      return `{${body.replace(/ /g, '')}: 1}`;
  }
}

/** Block styles indent every level, so their depth is capped to keep the text under ~200 kB. */
const BLOCK_DEPTH_CAP = 400;

function deepNesting(requested: number, style: Extract<Mutation, { kind: 'deep-nesting' }>['style'], indent: string): string {
  const depth = style.startsWith('block') ? Math.min(requested, BLOCK_DEPTH_CAP) : requested;
  switch (style) {
    case 'flow-seq':
      return `${'['.repeat(depth)}1${']'.repeat(depth)}`;
    case 'flow-map':
      return `${'{k: '.repeat(depth)}1${'}'.repeat(depth)}`;
    case 'block-seq':
      return '\n' + Array.from({ length: depth }, (_, i) => `${indent}${' '.repeat(2 + i * 2)}-`).join('\n') + ' 1';
    case 'block-map':
      return '\n' + Array.from({ length: depth }, (_, i) => `${indent}${' '.repeat(2 + i)}k${i}:`).join('\n') + ' 1';
    case 'mixed':
      return `${'[{k: '.repeat(depth)}1${'}]'.repeat(depth)}`;
  }
}

export function applyMutation(text: string, m: Mutation): string {
  const all = lines(text);
  switch (m.kind) {
    case 'delete-lines': {
      const at = pick(all.length, m.at);
      all.splice(at, m.count);
      return all.join('\n');
    }
    case 'duplicate-line': {
      const line = all[pick(all.length, m.at)];
      all.splice(pick(all.length + 1, m.to), 0, line);
      return all.join('\n');
    }
    case 'swap-lines': {
      const a = pick(all.length, m.a);
      const b = pick(all.length, m.b);
      [all[a], all[b]] = [all[b], all[a]];
      return all.join('\n');
    }
    case 'reindent': {
      const at = pick(all.length, m.at);
      for (let i = at; i < Math.min(all.length, at + m.count); i++) {
        const line = all[i];
        const stripped = line.replace(/^ {0,6}/, '');
        const current = line.length - stripped.length;
        const wanted = Math.max(0, current + m.delta);
        all[i] = (m.tab ? '\t'.repeat(Math.ceil(wanted / 2)) : ' '.repeat(wanted)) + stripped;
      }
      return all.join('\n');
    }
    case 'insert-text': {
      const at = pick(text.length + 1, m.at);
      return text.slice(0, at) + m.insert + text.slice(at);
    }
    case 'random-bytes': {
      // Invalid UTF-8 read as an editor or the CLI reads it: each bad sequence becomes U+FFFD.
      const decoded = new TextDecoder('utf-8', { fatal: false }).decode(Uint8Array.from(m.bytes));
      const at = pick(text.length + 1, m.at);
      return text.slice(0, at) + decoded + text.slice(at);
    }
    case 'truncate':
      return text.slice(0, pick(text.length + 1, m.at));
    case 'duplicate-key': {
      const at = keyLine(all, m.at);
      all.splice(at + 1, 0, all[at]);
      return all.join('\n');
    }
    case 'huge-scalar': {
      const at = keyLine(all, m.at);
      all[at] = withValue(all[at], hugeScalar(m.size, m.style, indentOf(all[at])));
      return all.join('\n');
    }
    case 'deep-nesting': {
      const at = keyLine(all, m.at);
      all[at] = withValue(all[at], deepNesting(m.depth, m.style, indentOf(all[at])));
      return all.join('\n');
    }
    case 'alias-chain': {
      // A chain of anchors, each a list of `fanout` aliases to the previous one (a "billion
      // laughs" when fanout > 1), used as the value of a real key somewhere in the file.
      const chain = [`z0: &z0 [${Array(m.fanout).fill('x').join(', ')}]`];
      for (let i = 1; i < m.length; i++) chain.push(`z${i}: &z${i} [${Array(m.fanout).fill(`*z${i - 1}`).join(', ')}]`);
      const at = keyLine(all, m.use);
      const last = `*z${m.length - 1}`;
      all[at] = m.merge ? `${indentOf(all[at])}<<: ${last}` : withValue(all[at], last);
      return [...chain, ...all].join('\n');
    }
    case 'replace-value': {
      const at = keyLine(all, m.at);
      all[at] = withValue(all[at], m.value);
      return all.join('\n');
    }
    case 'line-breaks':
      if (m.style === 'crlf') return text.replace(/\r?\n/g, '\r\n');
      if (m.style === 'cr') return text.replace(/\r?\n/g, '\r');
      return all.map((line, i) => line + (i === all.length - 1 ? '' : ['\n', '\r\n', '\r'][i % 3])).join('');
    case 'bom':
      return '\uFEFF' + text;
    case 'document-marker': {
      all.splice(pick(all.length + 1, m.at), 0, m.marker);
      return all.join('\n');
    }
  }
}

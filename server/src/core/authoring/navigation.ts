/**
 * Bulletin ids as symbols: `id` declares one, `includes` and `related` refer to it. Go to
 * definition, find references and rename all read the same occurrences from the index.
 */
import type { Analysis } from '../analyze';
import type { WorkspaceIndex } from '../index/workspace-index';
import type { Range } from '../parse';
import { ID_POINTER } from './hover';
import { innerRange, innerRangeOf, nodeAt, pointerTokens } from './yaml-text';
import type { LineStarts } from '../text';

export interface Occurrence {
  uri: string;
  /** The id's characters (inside quotes, if quoted). */
  range: Range;
  lineStarts: LineStarts;
  kind: 'declaration' | 'reference';
}

/** The bulletin id under the cursor, if the cursor is on `id` or an item of `includes`/`related`. */
export function idAt(analysis: Analysis, offset: number): { id: string; range: Range; declaration: boolean } | undefined {
  const hit = nodeAt(analysis.parsed, offset);
  if (!hit || hit.part !== 'value' || !ID_POINTER.test(hit.pointer)) return undefined;
  let value: unknown = analysis.parsed.value;
  for (const token of pointerTokens(hit.pointer)) value = (value as Record<string, unknown>)?.[token];
  if (typeof value !== 'string' || value.length === 0) return undefined;
  return { id: value, range: innerRange(analysis.parsed.text, hit.range), declaration: hit.pointer === '/id' };
}

export function declarationsOf(id: string, index: WorkspaceIndex): Occurrence[] {
  return index
    .byId(id)
    .filter((b) => b.idRange)
    .map((b) => ({ uri: b.uri, range: innerRangeOf(id, b.idRange!), lineStarts: b.lineStarts, kind: 'declaration' as const }));
}

export function referencesTo(id: string, index: WorkspaceIndex): Occurrence[] {
  const out: Occurrence[] = [];
  for (const b of index.all()) {
    for (const ref of [...b.includes, ...b.related]) {
      if (ref.id === id) out.push({ uri: b.uri, range: innerRangeOf(id, ref.range), lineStarts: b.lineStarts, kind: 'reference' });
    }
  }
  return out.sort((a, b) => a.uri.localeCompare(b.uri) || a.range[0] - b.range[0]);
}

/** Every place the id is written, each once: the rename's edit list. */
export function occurrencesOf(id: string, index: WorkspaceIndex): Occurrence[] {
  const seen = new Set<string>();
  return [...declarationsOf(id, index), ...referencesTo(id, index)].filter((o) => {
    const key = `${o.uri}#${o.range[0]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

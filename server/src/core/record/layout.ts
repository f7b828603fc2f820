/**
 * The columns of a bulletin record's tables: the one place their order and kind are written.
 * Every cell is an integer (16 or 32 bits, record.ts): a string cell holds an index into the
 * record's string table, a number cell an index into its `numbers` (both -1 for none), a range
 * is two cells (start, end; -1 for none).
 * The writer (`write.ts`) and the views (`view.ts`, `platform-view.ts`, `vulnerability-view.ts`)
 * address cells by these names only.
 */

/** What a cell holds: a string (`s`), a number (`n`), a range's start and end (`r`, `e`), or an integer of its own (`i`). */
export type CellKind = 's' | 'n' | 'r' | 'e' | 'i';
type Spec = `${string}:${CellKind}`;
type NameOf<S extends Spec> = S extends `${infer N}:${CellKind}` ? N : never;
export type Columns<N extends string> = { readonly [K in N]: number } & {
  readonly width: number;
  readonly kinds: readonly CellKind[];
  /** The columns that hold string indices, number indices and range starts (what a stored record's check visits). */
  readonly stringCells: readonly number[];
  readonly numberCells: readonly number[];
  readonly rangeCells: readonly number[];
};

function table<const S extends Spec>(specs: readonly S[]): Columns<NameOf<S>> {
  const out: Record<string, unknown> = {};
  const kinds: CellKind[] = [];
  specs.forEach((spec, i) => {
    const [name, kind] = spec.split(':');
    out[name] = i;
    kinds.push(kind as CellKind);
  });
  out.width = specs.length;
  out.kinds = kinds;
  const of = (kind: CellKind) => kinds.flatMap((k, c) => (k === kind ? [c] : []));
  out.stringCells = of('s');
  out.numberCells = of('n');
  out.rangeCells = of('r');
  // Copied into a new object: one filled by computed keys past 16 or so properties is kept as a
  // dictionary by V8, and every `FILE.version` in the views and the writer would be a lookup
  // in it instead of a constant.
  return { ...out } as Columns<NameOf<S>>;
}

/** One row: the bulletin's own scalars. */
export const TOP = table([
  'id:s', 'idStart:r', 'idEnd:e',
  'kb:n', 'kbStart:r', 'kbEnd:e',
  'title:s',
  'published:s', 'publishedStart:r', 'publishedEnd:e',
  'updated:s', 'updatedStart:r', 'updatedEnd:e',
  'severity:s', 'severityStart:r', 'severityEnd:e',
  'exploit:s', 'exploitStart:r', 'exploitEnd:e',
  'urgency:s', 'urgencyStart:r', 'urgencyEnd:e',
  'lang:i',
  /** `STATUSES` index (-1: no `status`). */
  'status:i', 'statusStart:r', 'statusEnd:e',
  /** The `revisions` key (-1: none). */
  'revisionsStart:r', 'revisionsEnd:e',
  'tlp:s', 'tlpStart:r', 'tlpEnd:e',
]);

/** One row per `includes` then `related` item that is text. */
export const REF = table(['kind:i', 'id:s', 'start:r', 'end:e', 'item:i']);
export const REF_KINDS = ['includes', 'related'] as const;

/** One row per platform that is a mapping; `item` is its index in `platforms` (its pointer). */
export const PLATFORM = table([
  'item:i',
  'id:s', 'idStart:r', 'idEnd:e',
  'name:s',
  'start:r', 'end:e',
  'folder:s',
  'hasPackage:i',
  'packageFile:s', 'packageFileStart:r', 'packageFileEnd:e',
  'packageDate:s', 'packageDateStart:r', 'packageDateEnd:e',
  'packageVersion:s', 'packageSize:n',
  'packageStart:r', 'packageEnd:e',
  'filesFirst:i', 'filesCount:i',
  /** -1: the platform has no `verify.registry` list at all. */
  'registryFirst:i', 'registryCount:i',
  'deploymentFirst:i', 'deploymentCount:i',
  'cpe:s', 'cpeStart:r', 'cpeEnd:e',
]);

/** One row per file entry (a mapping with a text `name`), platform by platform. */
export const FILE = table([
  'platform:i', 'item:i',
  'name:s', 'nameStart:r', 'nameEnd:e',
  'version:s', 'versionStart:r', 'versionEnd:e',
  'date:s', 'dateStart:r', 'dateEnd:e',
  'size:n', 'sizeStart:r', 'sizeEnd:e',
  'description:s', 'variant:s', 'folder:s',
  'start:r', 'end:e',
  /** `fileHash` on its platform (-1 without a version or platform id), in two cells (`highCell`, `lowCell`). */
  'indexHashHigh:i', 'indexHashLow:i',
  /** `identityHash` on its platform (-1 without a platform id), in two cells. */
  'identityHashHigh:i', 'identityHashLow:i',
]);

/**
 * A 32-bit value as two cells of 16 bits each (high, then low, both signed): every other cell
 * holds an index, an offset in the text or a small code, so a record of a text shorter than
 * 32,768 characters keeps its cells in an Int16Array, half the memory (record.ts).
 */
export function highCell(value: number): number {
  return value >> 16;
}
export function lowCell(value: number): number {
  return (value << 16) >> 16;
}
export function joinCells(high: number, low: number): number {
  return (high << 16) | (low & 0xffff);
}

/** One row per registry check that is a mapping. */
export const REGISTRY = table([
  'item:i',
  'key:s', 'keyStart:r', 'keyEnd:e',
  'value:s',
  'type:s', 'typeStart:r', 'typeEnd:e',
  /** `DATA_KINDS` index. */
  'dataKind:i', 'data:i', 'dataStart:r', 'dataEnd:e',
  'start:r', 'end:e',
]);
export const DATA_KINDS = ['none', 'string', 'number', 'true', 'false'] as const;

/** One row per deployment estimate (machines → minutes). */
export const DEPLOYMENT = table(['machines:n', 'minutes:n', 'start:r', 'end:e']);

export const LANGS = ['ja', 'en'] as const;
export const STATUSES = ['draft', 'interim', 'final'] as const;

/** One row per `revisions` item that is a mapping, in the list's order. */
export const REVISION = table(['item:i', 'date:s', 'dateStart:r', 'dateEnd:e', 'summary:s', 'summaryStart:r', 'summaryEnd:e', 'start:r', 'end:e']);

/** One row per vulnerability that is a mapping; `item` is its index in `vulnerabilities`. */
export const VULN = table([
  'item:i',
  'id:s', 'idStart:r', 'idEnd:e',
  'start:r', 'end:e',
  'cwe:s', 'cweStart:r', 'cweEnd:e',
  'cvssFirst:i', 'cvssCount:i',
]);

/** One row per `cvss` entry (a mapping), vulnerability by vulnerability. */
export const CVSS = table([
  'vuln:i', 'item:i',
  'vector:s', 'vectorStart:r', 'vectorEnd:e',
  /** Offset of the vector's first character in the text when the scalar spells it as is (plain or quoted without escapes), else -1. */
  'vectorAt:i',
  'score:n', 'scoreStart:r', 'scoreEnd:e',
  'start:r', 'end:e',
]);

/**
 * One row per code of a suppression comment (`model.ts` `Suppression`), kept apart from the
 * other tables in the record's `suppressions` cells. `code` and `reason` are -1 when absent,
 * `target` when the kind is not `line` or no node follows.
 */
export const SUPPRESSION = table([
  'kind:i',
  'code:s', 'codeStart:r', 'codeEnd:e',
  'reason:s',
  'start:r', 'end:e',
  'target:r', 'targetEnd:e',
]);
export const SUPPRESSION_KINDS = ['line', 'file', 'misplaced'] as const;

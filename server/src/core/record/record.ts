/**
 * The one stored form of a bulletin: plain data (a string table, a number table and one integer
 * array of table cells; layout.ts names the columns), as the reader writes it, a worker posts
 * it (structured clone), the warm-start cache stores it, the workspace index holds it and the
 * CLI checks it. Everything else reads it through its view (view.ts).
 */
import type { Problem } from '../problems';
import { CVSS, DEPLOYMENT, FILE, PLATFORM, REF, REGISTRY, REVISION, TOP, VULN } from './layout';
import type { LineStarts } from '../text';

export interface BulletinRecord {
  /** The document's key in the workspace (a URI in the server, a path in the CLI). */
  uri: string;
  /** Hash of the text the record was read from (cache key, change detection). */
  hash: string;
  textLength: number;
  /** Start offset of each line, so positions can be made without keeping the text. */
  lineStarts: LineStarts;
  /** Every string a cell names, once. */
  strings: string[];
  /** Every number a cell names (sizes, kb, minutes, registry data). */
  numbers: Float64Array;
  /**
   * The tables' row counts (`COUNTS`), the TOP row, then the rows of REF, PLATFORM, FILE,
   * REGISTRY, DEPLOYMENT, REVISION, VULN and CVSS, in that order. 16 bits a cell when every
   * cell fits (a text shorter than 32,768 characters: most bulletins), else 32.
   */
  cells: Int16Array | Int32Array;
  /** The problems one file shows alone: `yaml-syntax` and `schema`. */
  intrinsic: Problem[];
  /** The rows of SUPPRESSION (the suppression comments), apart from `cells`: most records have none. */
  suppressions: Int32Array;
}

/**
 * Where a record can be read again once its view has let it go (the warm-start cache file: a
 * closed bulletin's record need not stay in memory between the checks that read it).
 */
export interface RecordSource {
  /** The record as it was stored; throws when it cannot be read back as it was. */
  load(): BulletinRecord;
}

/** The tables after the TOP row, in the order of their rows in `cells` (and of the counts before them). */
export const TABLES = [REF, PLATFORM, FILE, REGISTRY, DEPLOYMENT, REVISION, VULN, CVSS] as const;
export const COUNTS = TABLES.length;

/** Where each table starts in `cells`, and its row count. */
export interface TableBases {
  top: number;
  ref: number;
  platform: number;
  file: number;
  registry: number;
  deployment: number;
  revision: number;
  vuln: number;
  cvss: number;
  refs: number;
  platforms: number;
  files: number;
  registries: number;
  deployments: number;
  revisions: number;
  vulns: number;
  cvssCount: number;
}

export function tableBases(cells: Int16Array | Int32Array): TableBases {
  const top = COUNTS;
  const ref = top + TOP.width;
  const platform = ref + cells[0] * REF.width;
  const file = platform + cells[1] * PLATFORM.width;
  const registry = file + cells[2] * FILE.width;
  const deployment = registry + cells[3] * REGISTRY.width;
  const revision = deployment + cells[4] * DEPLOYMENT.width;
  const vuln = revision + cells[5] * REVISION.width;
  const cvss = vuln + cells[6] * VULN.width;
  return { top, ref, platform, file, registry, deployment, revision, vuln, cvss, refs: cells[0], platforms: cells[1], files: cells[2], registries: cells[3], deployments: cells[4], revisions: cells[5], vulns: cells[6], cvssCount: cells[7] };
}

/** The cell count a record with these row counts has. */
export function cellCount(counts: readonly number[]): number {
  let n = COUNTS + TOP.width;
  TABLES.forEach((columns, i) => (n += counts[i] * columns.width));
  return n;
}

/** The same record under another key (a renamed or copied file keeps what was read). */
export function withUri(record: BulletinRecord, uri: string): BulletinRecord {
  return record.uri === uri ? record : { ...record, uri };
}

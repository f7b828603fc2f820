/**
 * What the index, the rules, render and the editor features read of a bulletin: named
 * accessors over its record (`record/view.ts` is their one implementation). Only what a check
 * needs, each value with the range of its YAML node; a value of the wrong type is simply absent
 * (the schema check reports it).
 */
import type { Range } from './parse';
import type { Problem } from './problems';
import type { BulletinRecord, RecordSource } from './record/record';
import type { LineStarts } from './text';

export interface Ref {
  id: string;
  range: Range;
  pointer: string;
}

export interface BulletinFile {
  name: string;
  nameRange: Range;
  /** Read from the source text: `4.00` stays `4.00`. */
  version?: string;
  versionRange?: Range;
  date?: string;
  dateRange?: Range;
  size?: number;
  sizeRange?: Range;
  description?: string;
  variant?: string;
  folder?: string;
  /** JSON pointer of the file entry (`/platforms/0/files/2`). */
  pointer: string;
  /** The entry's first line, where findings about the whole entry go. */
  range: Range;
  /** `fileHash` on its platform (-1 without a version or platform id). */
  readonly indexHash: number;
  /** `identityHash` on its platform (-1 without a platform id). */
  readonly identityHash: number;
  /** Where it is: the workspace index keeps a file as its own entry (bulletin, platform, file). */
  readonly bulletin: Bulletin;
  readonly platform: Platform;
  readonly file: BulletinFile;
}

export interface PackageInfo {
  file?: string;
  fileRange?: Range;
  date?: string;
  dateRange?: Range;
  version?: string;
  size?: number;
  pointer: string;
  /** The `package` key. */
  range: Range;
}

export interface RegistryCheck {
  key?: string;
  keyRange?: Range;
  value?: string;
  type?: string;
  typeRange?: Range;
  data?: unknown;
  dataRange?: Range;
  pointer: string;
  range: Range;
}

export interface DeploymentEstimate {
  machines: number;
  minutes: number;
  range: Range;
}

/** One entry of `revisions` (改訂履歴). */
export interface Revision {
  date?: string;
  dateRange?: Range;
  summary?: string;
  summaryRange?: Range;
  pointer: string;
  /** The entry's first line. */
  range: Range;
}

export interface Platform {
  id?: string;
  idRange?: Range;
  name?: string;
  pointer: string;
  /** The platform item's first line. */
  range: Range;
  package?: PackageInfo;
  folder?: string;
  files: BulletinFile[];
  /** Undefined when the platform has no `verify.registry` list at all. */
  registry?: RegistryCheck[];
  deployment: DeploymentEstimate[];
  /** CPE 2.2 URI or 2.3 string naming the platform (CSAF `product_identification_helper.cpe`). */
  cpe?: string;
  cpeRange?: Range;
}

/** One `cvss` entry of a vulnerability. */
export interface CvssEntry {
  vector?: string;
  vectorRange?: Range;
  /** Offset of the vector's first character in the text when the scalar spells it as is, so a metric's range is exact; else undefined. */
  vectorAt?: number;
  /** The score the author wrote (it must match the computed one). */
  score?: number;
  scoreRange?: Range;
  pointer: string;
  /** The entry's first line. */
  range: Range;
}

export interface Vulnerability {
  id?: string;
  idRange?: Range;
  cwe?: string;
  cweRange?: Range;
  cvss: CvssEntry[];
  pointer: string;
  /** The item's first line. */
  range: Range;
}

/**
 * One code of a suppression comment (`# bulletin-ignore CODE…: REASON`, parse/suppressions.ts):
 * a comment naming three codes gives three, a comment naming none gives one without a code.
 */
export interface Suppression {
  /** `line`: the next line that holds a node; `file`: the whole file; `misplaced`: a file-level comment after the first key (applies to nothing). */
  kind: 'line' | 'file' | 'misplaced';
  /** The comment, from `#` to the end of its reason. */
  range: Range;
  code?: string;
  codeRange?: Range;
  /** Absent when the comment gives none (it then suppresses nothing). */
  reason?: string;
  /** For `line`: the line it applies to (start to end of its text); absent when no node follows. */
  target?: Range;
}

export interface Bulletin {
  uri: string;
  id?: string;
  idRange?: Range;
  kb?: number;
  kbRange?: Range;
  title?: string;
  lang: 'ja' | 'en';
  published?: string;
  publishedRange?: Range;
  updated?: string;
  updatedRange?: Range;
  severity?: string;
  severityRange?: Range;
  exploit?: string;
  exploitRange?: Range;
  urgency?: string;
  urgencyRange?: Range;
  /** `status` as written (draft | interim | final); absent means final. */
  status?: 'draft' | 'interim' | 'final';
  statusRange?: Range;
  /** `revisions`, oldest first (empty without the key). */
  revisions: Revision[];
  /** The `revisions` key. */
  revisionsRange?: Range;
  /** TLP label of the distribution: white | green | amber | red. */
  tlp?: string;
  tlpRange?: Range;
  vulnerabilities: Vulnerability[];
  includes: Ref[];
  related: Ref[];
  platforms: Platform[];
  /** The problems one file shows alone: `yaml-syntax` and `schema`. */
  intrinsic: Problem[];
  /** The suppression comments, in document order. */
  suppressions: Suppression[];
  /**
   * How many files its platforms list together. A file's row is its place in that list, in
   * document order: the workspace index keeps files as rows, and makes their entries on demand.
   */
  readonly fileCount: number;
  /** The `indexHash` of the file at `row`, read without making the file's entry. */
  fileIndexHash(row: number): number;
  /** The file at `row`, as its platform lists it (the same object each time). */
  fileAt(row: number): BulletinFile;
  /** Start offset of each line, so positions can be made without keeping the text. */
  lineStarts: LineStarts;
  textLength: number;
  /** Hash of the text the model was read from (cache key, change detection). */
  hash: string;
  /** The stored form these accessors read. */
  readonly record: BulletinRecord;
  /** A value derived from this bulletin, made once per `key` (a bulletin never changes). */
  derived<T>(key: object, make: () => T): T;
  /**
   * Drops what was made from the record on reading (the views of its platforms, files and
   * other lists, and the derived values): they are made again when read. The workspace calls it
   * between checks so that checking every bulletin does not keep a view of every file.
   */
  forgetViews(): void;
  /**
   * From now on, the first thing made after `forgetViews` (or ever) puts this bulletin on
   * `list`: its index forgets the views of those only, not of every bulletin it holds.
   */
  listViewsIn(list: Bulletin[]): void;
  /**
   * From now on the record may be let go (`releaseRecord`) and is read from `source` when next
   * read; it is let go at once. Only for a record `source` gives back as it is.
   */
  keepIn(source: RecordSource): void;
  /** The record, read again without keeping it if it was let go (to copy it elsewhere, as the cache does). */
  readRecord(): BulletinRecord;
  /** Lets the record go if it can be read again (`keepIn`); views made of it go too. */
  releaseRecord(): void;
  /** From now on, reading the record again after it was let go puts this bulletin on `list` (its index lets those go again). */
  listRecordsReadIn(list: Bulletin[]): void;
}


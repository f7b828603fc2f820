/**
 * The view of a record: the named accessors of `model.ts`, read from the record's cells on
 * access. Collections (platforms, files, …) are made on first read and kept with the view
 * until `forgetViews`. This file and the views of its parts (platform-view.ts,
 * vulnerability-view.ts) are the one place that knows how a record is laid out beyond its
 * column names.
 */
import type { Bulletin, BulletinFile, Platform, Ref, Revision, Suppression, Vulnerability } from '../model';
import type { Range } from '../parse';
import type { Problem } from '../problems';
import { FILE, joinCells, LANGS, PLATFORM, REF, REF_KINDS, REVISION, STATUSES, SUPPRESSION, SUPPRESSION_KINDS, TOP, VULN } from './layout';
import { PlatformView } from './platform-view';
import { VulnerabilityView } from './vulnerability-view';
import { tableBases, withUri, type BulletinRecord, type RecordSource } from './record';
import type { LineStarts } from '../text';

type TopName = 'id' | 'published' | 'updated' | 'severity' | 'exploit' | 'urgency';

export class BulletinView implements Bulletin {
  /** Where each table starts in the cells. */
  private readonly top: number;
  private readonly refBase: number;
  private readonly refCount: number;
  readonly platformBase: number;
  private readonly platformCount: number;
  readonly fileBase: number;
  private readonly fileRows: number;
  readonly registryBase: number;
  readonly deploymentBase: number;
  private readonly revisionBase: number;
  private readonly revisionCount: number;
  private revisionViews: Revision[] | undefined;
  private readonly vulnBase: number;
  private readonly vulnCount: number;
  readonly cvssBase: number;
  private vulnViews: VulnerabilityView[] | undefined;
  private platformViews: PlatformView[] | undefined;
  private refViews: [Ref[], Ref[]] | undefined;
  private suppressionList: Suppression[] | undefined;
  private derivedValues: Map<object, unknown> | undefined;
  /** Where this view lists itself when it makes something `forgetViews` drops (its index's list), and whether it is listed. */
  private viewsMadeIn: Bulletin[] | undefined;
  private listed = false;
  /** The record while it is in memory; with a `source`, it may be let go and read again. */
  private held: BulletinRecord | undefined;
  private source: RecordSource | undefined;
  /** Where this view lists itself when it reads its record again (its index's list), and whether it is listed. */
  private recordsReadIn: Bulletin[] | undefined;
  private recordListed = false;
  // What the index reads of every bulletin, kept when the record is let go.
  readonly uri: string;
  readonly hash: string;
  readonly id: string | undefined;

  constructor(record: BulletinRecord) {
    this.held = record;
    this.uri = record.uri;
    this.hash = record.hash;
    const bases = tableBases(record.cells);
    this.top = bases.top;
    this.refBase = bases.ref;
    this.refCount = bases.refs;
    this.platformBase = bases.platform;
    this.platformCount = bases.platforms;
    this.fileBase = bases.file;
    this.fileRows = bases.files;
    this.registryBase = bases.registry;
    this.deploymentBase = bases.deployment;
    this.revisionBase = bases.revision;
    this.revisionCount = bases.revisions;
    this.vulnBase = bases.vuln;
    this.vulnCount = bases.vulns;
    this.cvssBase = bases.cvss;
    this.id = this.str(this.top + TOP.id);
  }

  get record(): BulletinRecord {
    return this.held ?? this.readAgain();
  }

  private readAgain(): BulletinRecord {
    this.held = this.fromSource();
    if (!this.recordListed && this.recordsReadIn) {
      this.recordListed = true;
      this.recordsReadIn.push(this);
    }
    return this.held;
  }

  readRecord(): BulletinRecord {
    return this.held ?? this.fromSource();
  }

  /** The record read from its source, under this view's URI (a renamed file keeps its record). */
  private fromSource(): BulletinRecord {
    const record = this.source!.load();
    if (record.hash !== this.hash) throw new Error(`the record of ${this.uri} read again is not the one indexed`);
    return record.uri === this.uri ? record : withUri(record, this.uri);
  }

  keepIn(source: RecordSource): void {
    this.source = source;
    this.releaseRecord();
  }

  releaseRecord(): void {
    if (!this.source) return;
    this.forgetViews();
    this.held = undefined;
    this.recordListed = false;
  }

  listRecordsReadIn(list: Bulletin[]): void {
    if (this.recordsReadIn === list) return;
    this.recordsReadIn = list;
    this.recordListed = false;
  }

  /** The string a cell names. */
  str(at: number): string | undefined {
    const i = this.record.cells[at];
    return i < 0 ? undefined : this.record.strings[i];
  }

  /** The number a cell names. */
  num(at: number): number | undefined {
    const i = this.record.cells[at];
    return i < 0 ? undefined : this.record.numbers[i];
  }

  /** The range whose start is the cell at `at` (its end the next). */
  range(at: number): Range | undefined {
    const cells = this.record.cells;
    return cells[at] < 0 ? undefined : [cells[at], cells[at + 1]];
  }

  derived<T>(key: object, make: () => T): T {
    if (!this.derivedValues) this.madeViews();
    const values = (this.derivedValues ??= new Map());
    if (values.has(key)) return values.get(key) as T;
    const value = make();
    values.set(key, value);
    return value;
  }

  listViewsIn(list: Bulletin[]): void {
    if (this.viewsMadeIn === list) return;
    this.viewsMadeIn = list;
    this.listed = false;
  }

  private madeViews(): void {
    if (this.listed || !this.viewsMadeIn) return;
    this.listed = true;
    this.viewsMadeIn.push(this);
  }

  forgetViews(): void {
    this.listed = false;
    this.revisionViews = undefined;
    this.vulnViews = undefined;
    this.platformViews = undefined;
    this.refViews = undefined;
    this.suppressionList = undefined;
    this.derivedValues = undefined;
  }

  get lineStarts(): LineStarts {
    return this.record.lineStarts;
  }
  get textLength(): number {
    return this.record.textLength;
  }
  get intrinsic(): Problem[] {
    return this.record.intrinsic;
  }
  get suppressions(): Suppression[] {
    if (this.suppressionList) return this.suppressionList;
    const cells = this.record.suppressions;
    const strings = this.record.strings;
    const out: Suppression[] = [];
    const range = (at: number): Range | undefined => (cells[at] < 0 ? undefined : [cells[at], cells[at + 1]]);
    for (let at = 0; at < cells.length; at += SUPPRESSION.width) {
      const code = cells[at + SUPPRESSION.code];
      const reason = cells[at + SUPPRESSION.reason];
      const s: Suppression = { kind: SUPPRESSION_KINDS[cells[at + SUPPRESSION.kind]], range: range(at + SUPPRESSION.start)! };
      if (code >= 0) {
        s.code = strings[code];
        s.codeRange = range(at + SUPPRESSION.codeStart);
      }
      if (reason >= 0) s.reason = strings[reason];
      const target = range(at + SUPPRESSION.target);
      if (target) s.target = target;
      out.push(s);
    }
    this.madeViews();
    return (this.suppressionList = out);
  }
  get lang(): 'ja' | 'en' {
    return LANGS[this.record.cells[this.top + TOP.lang]] ?? 'ja';
  }
  get title(): string | undefined {
    return this.str(this.top + TOP.title);
  }
  get kb(): number | undefined {
    return this.num(this.top + TOP.kb);
  }
  get kbRange(): Range | undefined {
    return this.range(this.top + TOP.kbStart);
  }
  private topString(name: TopName): string | undefined {
    return this.str(this.top + TOP[name]);
  }
  private topRange(name: TopName): Range | undefined {
    return this.range(this.top + TOP[`${name}Start`]);
  }
  get idRange(): Range | undefined {
    return this.topRange('id');
  }
  get published(): string | undefined {
    return this.topString('published');
  }
  get publishedRange(): Range | undefined {
    return this.topRange('published');
  }
  get updated(): string | undefined {
    return this.topString('updated');
  }
  get updatedRange(): Range | undefined {
    return this.topRange('updated');
  }
  get severity(): string | undefined {
    return this.topString('severity');
  }
  get severityRange(): Range | undefined {
    return this.topRange('severity');
  }
  get exploit(): string | undefined {
    return this.topString('exploit');
  }
  get exploitRange(): Range | undefined {
    return this.topRange('exploit');
  }
  get urgency(): string | undefined {
    return this.topString('urgency');
  }
  get urgencyRange(): Range | undefined {
    return this.topRange('urgency');
  }

  get status(): 'draft' | 'interim' | 'final' | undefined {
    return STATUSES[this.record.cells[this.top + TOP.status]];
  }
  get statusRange(): Range | undefined {
    return this.range(this.top + TOP.statusStart);
  }
  get revisionsRange(): Range | undefined {
    return this.range(this.top + TOP.revisionsStart);
  }
  get revisions(): Revision[] {
    if (this.revisionViews) return this.revisionViews;
    const out: Revision[] = [];
    for (let i = 0; i < this.revisionCount; i++) {
      const at = this.revisionBase + i * REVISION.width;
      out.push({
        date: this.str(at + REVISION.date),
        dateRange: this.range(at + REVISION.dateStart),
        summary: this.str(at + REVISION.summary),
        summaryRange: this.range(at + REVISION.summaryStart),
        pointer: `/revisions/${this.record.cells[at + REVISION.item]}`,
        range: this.range(at + REVISION.start)!,
      });
    }
    this.madeViews();
    return (this.revisionViews = out);
  }
  get tlp(): string | undefined {
    return this.str(this.top + TOP.tlp);
  }
  get tlpRange(): Range | undefined {
    return this.range(this.top + TOP.tlpStart);
  }
  get vulnerabilities(): Vulnerability[] {
    if (this.vulnViews) return this.vulnViews;
    const out: VulnerabilityView[] = [];
    for (let row = 0; row < this.vulnCount; row++) out.push(new VulnerabilityView(this, this.vulnBase + row * VULN.width));
    this.madeViews();
    return (this.vulnViews = out);
  }

  private refs(): [Ref[], Ref[]] {
    if (this.refViews) return this.refViews;
    const out: [Ref[], Ref[]] = [[], []];
    const cells = this.record.cells;
    for (let i = 0; i < this.refCount; i++) {
      const at = this.refBase + i * REF.width;
      const kind = cells[at + REF.kind];
      // The range made here, not by `range()`: the index keeps these for as long as the bulletin
      // is indexed, and V8 would then make every array `range()` returns in the old generation
      // (allocation-site pretenuring), where the ranges the checks make and drop pile up until
      // a full collection.
      const range: Range = [cells[at + REF.start], cells[at + REF.end]];
      out[kind].push({ id: this.str(at + REF.id)!, range, pointer: `/${REF_KINDS[kind]}/${cells[at + REF.item]}` });
    }
    this.madeViews();
    return (this.refViews = out);
  }
  get includes(): Ref[] {
    return this.refs()[0];
  }
  get related(): Ref[] {
    return this.refs()[1];
  }

  /** The bulletin as plain data (a view is never serialized as its cells, nor through its links). */
  toJSON(): Record<string, unknown> {
    const { uri, id, idRange, kb, kbRange, title, lang, published, publishedRange, updated, updatedRange, severity, severityRange, exploit, exploitRange, urgency, urgencyRange, tlp, tlpRange, vulnerabilities, includes, related, platforms, intrinsic, suppressions, textLength, hash } = this;
    const { status, statusRange, revisions, revisionsRange } = this;
    return { uri, id, idRange, kb, kbRange, title, lang, published, publishedRange, updated, updatedRange, severity, severityRange, exploit, exploitRange, urgency, urgencyRange, tlp, tlpRange, vulnerabilities, includes, related, platforms, intrinsic, suppressions, textLength, hash, status, statusRange, revisions, revisionsRange };
  }

  get fileCount(): number {
    return this.fileRows;
  }

  fileIndexHash(row: number): number {
    const at = this.fileBase + row * FILE.width;
    return joinCells(this.record.cells[at + FILE.indexHashHigh], this.record.cells[at + FILE.indexHashLow]);
  }

  fileAt(row: number): BulletinFile {
    const platform = (this.platforms as PlatformView[])[this.record.cells[this.fileBase + row * FILE.width + FILE.platform]];
    const file = platform?.fileAtRow(row);
    if (!file) throw new RangeError(`no file at row ${row}`);
    return file;
  }

  get platforms(): Platform[] {
    if (this.platformViews) return this.platformViews;
    const out: PlatformView[] = [];
    for (let row = 0; row < this.platformCount; row++) out.push(new PlatformView(this, this.platformBase + row * PLATFORM.width));
    this.madeViews();
    return (this.platformViews = out);
  }
}

/** The bulletin a record holds. */
export function viewOf(record: BulletinRecord): Bulletin {
  return new BulletinView(record);
}

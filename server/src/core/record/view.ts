/**
 * The view of a record: the named accessors of `model.ts`, read from the record's cells on
 * access. Collections (platforms, files, …) are made on first read and kept with the view.
 * This is the one place that knows how a record is laid out beyond its column names.
 */
import type { Bulletin, BulletinFile, CvssEntry, DeploymentEstimate, PackageInfo, Platform, Ref, RegistryCheck, Revision, Suppression, Vulnerability } from '../model';
import type { Range } from '../parse';
import type { Problem } from '../problems';
import { CVSS, DATA_KINDS, DEPLOYMENT, FILE, joinCells, LANGS, PLATFORM, REF, REF_KINDS, REGISTRY, REVISION, STATUSES, SUPPRESSION, SUPPRESSION_KINDS, TOP, VULN } from './layout';
import { tableBases, type BulletinRecord } from './record';
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

  constructor(readonly record: BulletinRecord) {
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
    const values = (this.derivedValues ??= new Map());
    if (values.has(key)) return values.get(key) as T;
    const value = make();
    values.set(key, value);
    return value;
  }

  forgetViews(): void {
    this.revisionViews = undefined;
    this.vulnViews = undefined;
    this.platformViews = undefined;
    this.refViews = undefined;
    this.suppressionList = undefined;
    this.derivedValues = undefined;
  }

  get uri(): string {
    return this.record.uri;
  }
  get hash(): string {
    return this.record.hash;
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
  get id(): string | undefined {
    return this.topString('id');
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
    return (this.platformViews = out);
  }
}

export class PlatformView implements Platform {
  private fileViews: FileView[] | undefined;
  /** Made on first read: render and the quick fixes ask for it once per row or finding. */
  private pointerText: string | undefined;
  private registryViews: RegistryView[] | undefined;
  private packageView: PackageView | undefined;

  constructor(
    readonly bulletin: BulletinView,
    /** This platform's first cell. */
    readonly at: number,
  ) {}

  private cell(column: number): number {
    return this.bulletin.record.cells[this.at + column];
  }
  get id(): string | undefined {
    return this.bulletin.str(this.at + PLATFORM.id);
  }
  get idRange(): Range | undefined {
    return this.bulletin.range(this.at + PLATFORM.idStart);
  }
  get name(): string | undefined {
    return this.bulletin.str(this.at + PLATFORM.name);
  }
  get folder(): string | undefined {
    return this.bulletin.str(this.at + PLATFORM.folder);
  }
  get pointer(): string {
    return (this.pointerText ??= `/platforms/${this.cell(PLATFORM.item)}`);
  }
  get range(): Range {
    return this.bulletin.range(this.at + PLATFORM.start)!;
  }
  get package(): PackageInfo | undefined {
    if (this.cell(PLATFORM.hasPackage) !== 1) return undefined;
    return (this.packageView ??= new PackageView(this));
  }
  get files(): BulletinFile[] {
    if (this.fileViews) return this.fileViews;
    const first = this.cell(PLATFORM.filesFirst);
    const out: FileView[] = [];
    for (let i = 0; i < this.cell(PLATFORM.filesCount); i++) out.push(new FileView(this, this.bulletin.fileBase + (first + i) * FILE.width));
    return (this.fileViews = out);
  }
  /** The file at `row` of the bulletin's files, if this platform lists it. */
  fileAtRow(row: number): BulletinFile | undefined {
    const first = this.cell(PLATFORM.filesFirst);
    return row >= first && row < first + this.cell(PLATFORM.filesCount) ? this.files[row - first] : undefined;
  }
  get registry(): RegistryCheck[] | undefined {
    const first = this.cell(PLATFORM.registryFirst);
    if (first < 0) return undefined;
    if (this.registryViews) return this.registryViews;
    const out: RegistryView[] = [];
    for (let i = 0; i < this.cell(PLATFORM.registryCount); i++) out.push(new RegistryView(this, this.bulletin.registryBase + (first + i) * REGISTRY.width));
    return (this.registryViews = out);
  }
  get cpe(): string | undefined {
    return this.bulletin.str(this.at + PLATFORM.cpe);
  }
  get cpeRange(): Range | undefined {
    return this.bulletin.range(this.at + PLATFORM.cpeStart);
  }
  toJSON(): Record<string, unknown> {
    const { id, idRange, name, pointer, range, package: pkg, folder, files, registry, deployment, cpe, cpeRange } = this;
    return { id, idRange, name, pointer, range, package: pkg, folder, files, registry, deployment, cpe, cpeRange };
  }
  get deployment(): DeploymentEstimate[] {
    const first = this.cell(PLATFORM.deploymentFirst);
    const out: DeploymentEstimate[] = [];
    const b = this.bulletin;
    for (let i = 0; i < this.cell(PLATFORM.deploymentCount); i++) {
      const at = b.deploymentBase + (first + i) * DEPLOYMENT.width;
      out.push({ machines: b.num(at + DEPLOYMENT.machines)!, minutes: b.num(at + DEPLOYMENT.minutes)!, range: b.range(at + DEPLOYMENT.start)! });
    }
    return out;
  }
}

/** A file entry; also the workspace index's entry of it (bulletin, platform, file). */
export class FileView implements BulletinFile {
  /** Made on first read (most files' pointers are never asked for). */
  private pointerText: string | undefined;
  constructor(
    readonly platform: PlatformView,
    /** This file's first cell. */
    readonly at: number,
  ) {}

  get bulletin(): BulletinView {
    return this.platform.bulletin;
  }
  get file(): this {
    return this;
  }
  /** The file's own fields, not its bulletin and platform. */
  toJSON(): Record<string, unknown> {
    const { name, nameRange, version, versionRange, date, dateRange, size, sizeRange, description, variant, folder, pointer, range } = this;
    return { name, nameRange, version, versionRange, date, dateRange, size, sizeRange, description, variant, folder, pointer, range };
  }
  private cell(column: number): number {
    return this.platform.bulletin.record.cells[this.at + column];
  }
  get name(): string {
    return this.bulletin.str(this.at + FILE.name)!;
  }
  get nameRange(): Range {
    return this.bulletin.range(this.at + FILE.nameStart)!;
  }
  get version(): string | undefined {
    return this.bulletin.str(this.at + FILE.version);
  }
  get versionRange(): Range | undefined {
    return this.bulletin.range(this.at + FILE.versionStart);
  }
  get date(): string | undefined {
    return this.bulletin.str(this.at + FILE.date);
  }
  get dateRange(): Range | undefined {
    return this.bulletin.range(this.at + FILE.dateStart);
  }
  get size(): number | undefined {
    return this.bulletin.num(this.at + FILE.size);
  }
  get sizeRange(): Range | undefined {
    return this.bulletin.range(this.at + FILE.sizeStart);
  }
  get description(): string | undefined {
    return this.bulletin.str(this.at + FILE.description);
  }
  get variant(): string | undefined {
    return this.bulletin.str(this.at + FILE.variant);
  }
  get folder(): string | undefined {
    return this.bulletin.str(this.at + FILE.folder);
  }
  get pointer(): string {
    return (this.pointerText ??= `${this.platform.pointer}/files/${this.cell(FILE.item)}`);
  }
  get range(): Range {
    return this.bulletin.range(this.at + FILE.start)!;
  }
  get indexHash(): number {
    return joinCells(this.cell(FILE.indexHashHigh), this.cell(FILE.indexHashLow));
  }
  get identityHash(): number {
    return joinCells(this.cell(FILE.identityHashHigh), this.cell(FILE.identityHashLow));
  }
}

class PackageView implements PackageInfo {
  constructor(private readonly platform: PlatformView) {}
  toJSON(): Record<string, unknown> {
    const { file, fileRange, date, dateRange, version, size, pointer, range } = this;
    return { file, fileRange, date, dateRange, version, size, pointer, range };
  }
  private get b(): BulletinView {
    return this.platform.bulletin;
  }
  get file(): string | undefined {
    return this.b.str(this.platform.at + PLATFORM.packageFile);
  }
  get fileRange(): Range | undefined {
    return this.b.range(this.platform.at + PLATFORM.packageFileStart);
  }
  get date(): string | undefined {
    return this.b.str(this.platform.at + PLATFORM.packageDate);
  }
  get dateRange(): Range | undefined {
    return this.b.range(this.platform.at + PLATFORM.packageDateStart);
  }
  get version(): string | undefined {
    return this.b.str(this.platform.at + PLATFORM.packageVersion);
  }
  get size(): number | undefined {
    return this.b.num(this.platform.at + PLATFORM.packageSize);
  }
  get pointer(): string {
    return `${this.platform.pointer}/package`;
  }
  get range(): Range {
    return this.b.range(this.platform.at + PLATFORM.packageStart)!;
  }
}

class RegistryView implements RegistryCheck {
  constructor(
    private readonly platform: PlatformView,
    private readonly at: number,
  ) {}
  private get b(): BulletinView {
    return this.platform.bulletin;
  }
  toJSON(): Record<string, unknown> {
    const { key, keyRange, value, type, typeRange, data, dataRange, pointer, range } = this;
    return { key, keyRange, value, type, typeRange, data, dataRange, pointer, range };
  }
  get key(): string | undefined {
    return this.b.str(this.at + REGISTRY.key);
  }
  get keyRange(): Range | undefined {
    return this.b.range(this.at + REGISTRY.keyStart);
  }
  get value(): string | undefined {
    return this.b.str(this.at + REGISTRY.value);
  }
  get type(): string | undefined {
    return this.b.str(this.at + REGISTRY.type);
  }
  get typeRange(): Range | undefined {
    return this.b.range(this.at + REGISTRY.typeStart);
  }
  get data(): unknown {
    switch (DATA_KINDS[this.b.record.cells[this.at + REGISTRY.dataKind]]) {
      case 'string':
        return this.b.str(this.at + REGISTRY.data);
      case 'number':
        return this.b.num(this.at + REGISTRY.data);
      case 'true':
        return true;
      case 'false':
        return false;
      default:
        return undefined;
    }
  }
  get dataRange(): Range | undefined {
    return this.b.range(this.at + REGISTRY.dataStart);
  }
  get pointer(): string {
    return `${this.platform.pointer}/verify/registry/${this.b.record.cells[this.at + REGISTRY.item]}`;
  }
  get range(): Range {
    return this.b.range(this.at + REGISTRY.start)!;
  }
}

class VulnerabilityView implements Vulnerability {
  private cvssViews: CvssView[] | undefined;
  constructor(
    readonly bulletin: BulletinView,
    readonly at: number,
  ) {}
  toJSON(): Record<string, unknown> {
    const { id, idRange, cwe, cweRange, cvss, pointer, range } = this;
    return { id, idRange, cwe, cweRange, cvss, pointer, range };
  }
  get id(): string | undefined {
    return this.bulletin.str(this.at + VULN.id);
  }
  get idRange(): Range | undefined {
    return this.bulletin.range(this.at + VULN.idStart);
  }
  get cwe(): string | undefined {
    return this.bulletin.str(this.at + VULN.cwe);
  }
  get cweRange(): Range | undefined {
    return this.bulletin.range(this.at + VULN.cweStart);
  }
  get pointer(): string {
    return `/vulnerabilities/${this.bulletin.record.cells[this.at + VULN.item]}`;
  }
  get range(): Range {
    return this.bulletin.range(this.at + VULN.start)!;
  }
  get cvss(): CvssEntry[] {
    if (this.cvssViews) return this.cvssViews;
    const cells = this.bulletin.record.cells;
    const first = cells[this.at + VULN.cvssFirst];
    const out: CvssView[] = [];
    for (let i = 0; i < cells[this.at + VULN.cvssCount]; i++) out.push(new CvssView(this, this.bulletin.cvssBase + (first + i) * CVSS.width));
    return (this.cvssViews = out);
  }
}

class CvssView implements CvssEntry {
  constructor(
    private readonly vulnerability: VulnerabilityView,
    private readonly at: number,
  ) {}
  private get b(): BulletinView {
    return this.vulnerability.bulletin;
  }
  toJSON(): Record<string, unknown> {
    const { vector, vectorRange, vectorAt, score, scoreRange, pointer, range } = this;
    return { vector, vectorRange, vectorAt, score, scoreRange, pointer, range };
  }
  get vector(): string | undefined {
    return this.b.str(this.at + CVSS.vector);
  }
  get vectorRange(): Range | undefined {
    return this.b.range(this.at + CVSS.vectorStart);
  }
  get vectorAt(): number | undefined {
    const at = this.b.record.cells[this.at + CVSS.vectorAt];
    return at < 0 ? undefined : at;
  }
  get score(): number | undefined {
    return this.b.num(this.at + CVSS.score);
  }
  get scoreRange(): Range | undefined {
    return this.b.range(this.at + CVSS.scoreStart);
  }
  get pointer(): string {
    return `${this.vulnerability.pointer}/cvss/${this.b.record.cells[this.at + CVSS.item]}`;
  }
  get range(): Range {
    return this.b.range(this.at + CVSS.start)!;
  }
}

/** The bulletin a record holds. */
export function viewOf(record: BulletinRecord): Bulletin {
  return new BulletinView(record);
}

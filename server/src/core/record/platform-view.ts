/**
 * The views of a record's platforms and what hangs off them (files, the package, registry
 * checks): made by their bulletin's view (view.ts) on first read, reading its cells.
 */
import type { BulletinFile, DeploymentEstimate, PackageInfo, Platform, RegistryCheck } from '../model';
import type { Range } from '../parse';
import { DATA_KINDS, DEPLOYMENT, FILE, joinCells, PLATFORM, REGISTRY } from './layout';
import type { BulletinView } from './view';

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

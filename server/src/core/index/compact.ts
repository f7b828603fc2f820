/**
 * Compact models for the workspace's closed files: the same `Bulletin` interface, but every
 * file entry and deployment estimate keeps its ranges in one shared Int32Array (read back on
 * access) and its repeated strings (names, dates, descriptions) pooled, about a third of the
 * memory of plain objects with a `[start, end]` array per range. Strings are copied out of the
 * source text, so no model keeps a whole file's text alive through a substring.
 */
import type {
  Bulletin,
  BulletinFile,
  DeploymentEstimate,
  PackageInfo,
  Platform,
  RegistryCheck,
} from "../model";
import type { Range } from "../parse";
import { fileHashes, type HashedFile } from "./fileHash";

const pool = new Map<string, string>();
/**
 * `[platform index, file index]` of a file entry's usual pointer (`/platforms/2/files/17`), else
 * undefined. Read character by character: a regular expression's match and its substrings, per
 * file, were a tenth of what making a compact model allocated.
 */
export function filePointerIndices(pointer: string): [number, number] | undefined {
  if (!pointer.startsWith(PLATFORMS)) return undefined;
  let at = PLATFORMS.length;
  let platformIndex = 0;
  const platformStart = at;
  for (let c = pointer.charCodeAt(at); c >= 48 && c <= 57; c = pointer.charCodeAt(++at)) platformIndex = platformIndex * 10 + (c - 48);
  if (at === platformStart || at - platformStart > 9 || !pointer.startsWith(FILES, at)) return undefined;
  at += FILES.length;
  let fileIndex = 0;
  const fileStart = at;
  for (let c = pointer.charCodeAt(at); c >= 48 && c <= 57; c = pointer.charCodeAt(++at)) fileIndex = fileIndex * 10 + (c - 48);
  if (at === fileStart || at - fileStart > 9 || at !== pointer.length) return undefined;
  return [platformIndex, fileIndex];
}
const PLATFORMS = '/platforms/';
const UNUSED: readonly [number, number] = [-1, -1];
const FILES = '/files/';
/**
 * The pooled strings met last, by a few of their characters: a repeated date, name or
 * description is most often one a nearby file had, found here by one comparison instead of
 * hashing the new string and probing a pool of 200,000.
 */
const recent: (string | undefined)[] = new Array(4096).fill(undefined);
const recentSlot = (value: string): number => {
  const n = value.length;
  return (n * 31 + value.charCodeAt(0) * 7 + value.charCodeAt(n >> 1) * 13 + value.charCodeAt(n - 1)) & 4095;
};

/** One copy of each repeated short string (file names, dates, descriptions, folders). */
export function pooled(value: string | undefined): string | undefined {
  if (value === undefined || value.length === 0) return value;
  const slot = recentSlot(value);
  const cached = recent[slot];
  if (cached === value) return cached; // equal text: the pooled copy
  let known = pool.get(value);
  if (known === undefined) {
    known = own(value);
    if (pool.size < 200_000) pool.set(known, known);
  }
  recent[slot] = known;
  return known;
}

/** A string that does not point into a larger one (V8 keeps substrings as slices of their parent). */
export function own(value: string): string;
export function own(value: string | undefined): string | undefined;
export function own(value: string | undefined): string | undefined {
  return value === undefined || value.length < 13
    ? value
    : JSON.parse(JSON.stringify(value));
}

function rangeAt(ranges: Int32Array, at: number): Range | undefined {
  const start = ranges[at];
  return start < 0 ? undefined : [start, ranges[at + 1]];
}

export class CompactFile implements HashedFile {
  // Numbers live in the shared array, not in fields: at 10,000 bulletins there are 250,000
  // files, and every field is 8 bytes each.
  // Set when the workspace index takes the file as its own entry (`FileEntry`); private, so
  // neither spreading nor serializing a file follows them.
  #bulletin: Bulletin | undefined;
  #platform: Platform | undefined;
  constructor(
    readonly ranges: Int32Array,
    readonly at: number,
    readonly name: string,
    readonly version: string | undefined,
    readonly size: number | undefined,
    readonly date: string | undefined,
    readonly variant: string | undefined,
    readonly description: string | undefined,
    readonly folder: string | undefined,
  ) {}
  /** This file as the workspace index's entry of it (bulletin, platform, file). */
  indexedAs(bulletin: Bulletin, platform: Platform): this {
    this.#bulletin = bulletin;
    this.#platform = platform;
    return this;
  }
  get bulletin(): Bulletin {
    return this.#bulletin!;
  }
  get platform(): Platform {
    return this.#platform!;
  }
  get file(): this {
    return this;
  }
  get platformIndex(): number {
    return this.ranges[this.at + 10];
  }
  get fileIndex(): number {
    return this.ranges[this.at + 11];
  }
  /** `fileHash` of this file on its platform (-1 without a version or platform id). */
  get indexHash(): number {
    return this.ranges[this.at + 12];
  }
  /** `identityHash` of this file on its platform (-1 without a platform id). */
  get identityHash(): number {
    return this.ranges[this.at + 13];
  }
  /** Made on demand: a pointer string per file would cost more than the rest of the entry. */
  get pointer(): string {
    return `/platforms/${this.platformIndex}/files/${this.fileIndex}`;
  }
  get nameRange(): Range {
    return rangeAt(this.ranges, this.at)!;
  }
  get versionRange(): Range | undefined {
    return rangeAt(this.ranges, this.at + 2);
  }
  get dateRange(): Range | undefined {
    return rangeAt(this.ranges, this.at + 4);
  }
  get sizeRange(): Range | undefined {
    return rangeAt(this.ranges, this.at + 6);
  }
  get range(): Range {
    return rangeAt(this.ranges, this.at + 8)!;
  }
}

export class CompactEstimate implements DeploymentEstimate {
  constructor(
    readonly ranges: Int32Array,
    readonly at: number,
    readonly machines: number,
    readonly minutes: number,
  ) {}
  get range(): Range {
    return rangeAt(this.ranges, this.at)!;
  }
}

export class CompactPackage implements PackageInfo {
  constructor(
    readonly ranges: Int32Array,
    readonly at: number,
    readonly file: string | undefined,
    readonly date: string | undefined,
    readonly version: string | undefined,
    readonly size: number | undefined,
    readonly pointer: string,
  ) {}
  get fileRange(): Range | undefined {
    return rangeAt(this.ranges, this.at);
  }
  get dateRange(): Range | undefined {
    return rangeAt(this.ranges, this.at + 2);
  }
  get range(): Range {
    return rangeAt(this.ranges, this.at + 4)!;
  }
}

export class CompactRegistryCheck implements RegistryCheck {
  constructor(
    readonly ranges: Int32Array,
    readonly at: number,
    readonly key: string | undefined,
    readonly value: string | undefined,
    readonly type: string | undefined,
    readonly data: unknown,
    readonly pointer: string,
  ) {}
  get keyRange(): Range | undefined {
    return rangeAt(this.ranges, this.at);
  }
  get typeRange(): Range | undefined {
    return rangeAt(this.ranges, this.at + 2);
  }
  get dataRange(): Range | undefined {
    return rangeAt(this.ranges, this.at + 4);
  }
  get range(): Range {
    return rangeAt(this.ranges, this.at + 6)!;
  }
}

export class CompactPlatform implements Platform {
  readonly package: PackageInfo | undefined;
  constructor(
    readonly ranges: Int32Array,
    readonly at: number,
    readonly id: string | undefined,
    readonly name: string | undefined,
    readonly pointer: string,
    packageInfo: PackageInfo | undefined,
    readonly folder: string | undefined,
    readonly files: BulletinFile[],
    readonly registry: RegistryCheck[] | undefined,
    /** Where the estimates' ranges start in `ranges`. */
    readonly deploymentAt: number,
    /** Machines and minutes of each estimate, in turn (estimate objects are made when read). */
    readonly estimates: readonly number[],
  ) {
    this.package = packageInfo;
  }
  get deployment(): DeploymentEstimate[] {
    const out: DeploymentEstimate[] = [];
    for (let i = 0; i < this.estimates.length; i += 2) out.push(new CompactEstimate(this.ranges, this.deploymentAt + i, this.estimates[i], this.estimates[i + 1]));
    return out;
  }
  get idRange(): Range | undefined {
    return rangeAt(this.ranges, this.at);
  }
  get range(): Range {
    return rangeAt(this.ranges, this.at + 2)!;
  }
}

/** Range slots of each entry in a compact model's shared array (two numbers per range). */
export const PLATFORM_SLOTS = 4;
/** Five ranges, then platform index, file index, `fileHash`, `identityHash` (-1 for an unusual pointer). */
export const FILE_SLOTS = 14;
export const ESTIMATE_SLOTS = 2;
export const PACKAGE_SLOTS = 6;
export const REGISTRY_SLOTS = 8;

/** Every range of a model in one typed array, and where each entry's slots start. */
export interface RangeLayout {
  ranges: Int32Array;
  platformStarts: number[];
  fileStarts: number[][];
  estimateStarts: number[][];
  packageStarts: number[];
  registryStarts: number[][];
}

/**
 * The one layout of a compact model's ranges, in a fixed order per entry: platform, its files,
 * estimates, package, registry checks. `compactBulletin` and `serialOf` (what a worker sends)
 * both lay ranges out with it, and `fromSerial` reads them back in that order. Sized first: a
 * number array grown by push and then copied was a third of what making a model allocated.
 */
export function layoutRanges(bulletin: Bulletin): RangeLayout {
  let size = 0;
  for (const platform of bulletin.platforms) {
    size += PLATFORM_SLOTS + platform.files.length * FILE_SLOTS + platform.deployment.length * ESTIMATE_SLOTS + (platform.package ? PACKAGE_SLOTS : 0) + (platform.registry?.length ?? 0) * REGISTRY_SLOTS;
  }
  const ranges = new Int32Array(size);
  let w = 0;
  const push = (range: Range | undefined): number => {
    const at = w;
    ranges[w++] = range ? range[0] : -1;
    ranges[w++] = range ? range[1] : -1;
    return at;
  };
  const layout: RangeLayout = { ranges, platformStarts: [], fileStarts: [], estimateStarts: [], packageStarts: [], registryStarts: [] };
  for (const platform of bulletin.platforms) {
    layout.platformStarts.push(push(platform.idRange));
    push(platform.range);
    layout.fileStarts.push(
      platform.files.map((f) => {
        const at = push(f.nameRange);
        push(f.versionRange);
        push(f.dateRange);
        push(f.sizeRange);
        push(f.range);
        const indices = filePointerIndices(f.pointer);
        // A file under an unusual pointer stays a plain object (its slots are unused).
        const [hash, identity] = indices === undefined ? UNUSED : fileHashes(platform.id, f);
        ranges[w++] = indices === undefined ? -1 : indices[0];
        ranges[w++] = indices === undefined ? -1 : indices[1];
        ranges[w++] = hash;
        ranges[w++] = identity;
        return at;
      }),
    );
    layout.estimateStarts.push(platform.deployment.map((d) => push(d.range)));
    const pkg = platform.package;
    if (pkg) {
      layout.packageStarts.push(push(pkg.fileRange));
      push(pkg.dateRange);
      push(pkg.range);
    } else layout.packageStarts.push(-1);
    layout.registryStarts.push(
      (platform.registry ?? []).map((r) => {
        const at = push(r.keyRange);
        push(r.typeRange);
        push(r.dataRange);
        push(r.range);
        return at;
      }),
    );
  }
  return layout;
}

/** Whether the file whose slots start at `at` keeps its usual pointer (else it stays a plain object). */
export const hasUsualPointer = (ranges: Int32Array, at: number): boolean => ranges[at + 10] >= 0;

export function compactBulletin(bulletin: Bulletin): Bulletin {
  const { ranges, platformStarts, fileStarts, estimateStarts, packageStarts, registryStarts } = layoutRanges(bulletin);
  const platforms: Platform[] = bulletin.platforms.map(
    (platform, pi) =>
      new CompactPlatform(
        ranges,
        platformStarts[pi],
        own(platform.id),
        pooled(platform.name),
        pooled(platform.pointer)!,
        /* package */ platform.package &&
          new CompactPackage(
            ranges,
            packageStarts[pi],
            own(platform.package.file),
            pooled(platform.package.date),
            pooled(platform.package.version),
            platform.package.size,
            pooled(platform.package.pointer)!,
          ),
        /* folder */ pooled(platform.folder),
        /* files */ platform.files.map((f, fi) => {
          if (!hasUsualPointer(ranges, fileStarts[pi][fi]))
            return { ...f, name: pooled(f.name)!, pointer: own(f.pointer) };
          return new CompactFile(
            ranges,
            fileStarts[pi][fi],
            pooled(f.name)!,
            own(f.version),
            f.size,
            pooled(f.date),
            pooled(f.variant),
            pooled(f.description),
            pooled(f.folder),
          );
        }),
        /* registry */ platform.registry?.map(
          (r, ri) =>
            new CompactRegistryCheck(
              ranges,
              registryStarts[pi][ri],
              pooled(r.key),
              pooled(r.value),
              pooled(r.type),
              typeof r.data === "string" ? own(r.data) : r.data,
              pooled(r.pointer)!,
            ),
        ),
        /* deployment */ estimateStarts[pi][0] ?? -1,
        platform.deployment.flatMap((d) => [d.machines, d.minutes]),
      ),
  );
  return {
    ...bulletin,
    id: own(bulletin.id),
    title: own(bulletin.title),
    published: pooled(bulletin.published),
    updated: pooled(bulletin.updated),
    severity: pooled(bulletin.severity),
    exploit: pooled(bulletin.exploit),
    urgency: pooled(bulletin.urgency),
    includes: bulletin.includes.map((r) => ({ ...r, id: own(r.id) })),
    related: bulletin.related.map((r) => ({ ...r, id: own(r.id) })),
    platforms,
  };
}

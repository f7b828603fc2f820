/**
 * Compact models for the workspace's closed files: the same `Bulletin` interface, but every
 * file entry and deployment estimate keeps its ranges in one shared Int32Array (read back on
 * access) and its repeated strings (names, dates, descriptions) pooled, about a third of the
 * memory of plain objects with a `[start, end]` array per range. Strings are copied out of the
 * source text, so no model keeps a whole file's text alive through a substring.
 */
import type { Bulletin, BulletinFile, DeploymentEstimate, Platform } from '../model';
import type { Range } from '../parse';

const pool = new Map<string, string>();
/** One copy of each repeated short string (file names, dates, descriptions, folders). */
function pooled(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const known = pool.get(value);
  if (known !== undefined) return known;
  const copy = own(value);
  if (pool.size < 200_000) pool.set(copy, copy);
  return copy;
}

/** A string that does not point into a larger one (V8 keeps substrings as slices of their parent). */
export function own(value: string): string;
export function own(value: string | undefined): string | undefined;
export function own(value: string | undefined): string | undefined {
  return value === undefined || value.length < 13 ? value : JSON.parse(JSON.stringify(value));
}

function rangeAt(ranges: Int32Array, at: number): Range | undefined {
  const start = ranges[at];
  return start < 0 ? undefined : [start, ranges[at + 1]];
}

class CompactFile implements BulletinFile {
  constructor(
    private readonly ranges: Int32Array,
    private readonly at: number,
    readonly name: string,
    readonly version: string | undefined,
    readonly size: number | undefined,
    readonly date: string | undefined,
    readonly variant: string | undefined,
    readonly description: string | undefined,
    readonly folder: string | undefined,
    readonly pointer: string,
  ) {}
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

class CompactEstimate implements DeploymentEstimate {
  constructor(
    private readonly ranges: Int32Array,
    private readonly at: number,
    readonly machines: number,
    readonly minutes: number,
  ) {}
  get range(): Range {
    return rangeAt(this.ranges, this.at)!;
  }
}

export function compactBulletin(bulletin: Bulletin): Bulletin {
  const flat: number[] = [];
  const push = (range: Range | undefined): number => {
    const at = flat.length;
    flat.push(range ? range[0] : -1, range ? range[1] : -1);
    return at;
  };
  // First pass: every range into one array, in a fixed order per entry.
  const fileStarts: number[][] = [];
  const estimateStarts: number[][] = [];
  for (const platform of bulletin.platforms) {
    fileStarts.push(platform.files.map((f) => {
      const at = push(f.nameRange);
      push(f.versionRange);
      push(f.dateRange);
      push(f.sizeRange);
      push(f.range);
      return at;
    }));
    estimateStarts.push(platform.deployment.map((d) => push(d.range)));
  }
  const ranges = Int32Array.from(flat);
  const platforms: Platform[] = bulletin.platforms.map((platform, pi) => ({
    ...platform,
    id: own(platform.id),
    name: pooled(platform.name),
    folder: pooled(platform.folder),
    package: platform.package && { ...platform.package, file: own(platform.package.file), date: pooled(platform.package.date), version: pooled(platform.package.version) },
    registry: platform.registry?.map((r) => ({ ...r, key: pooled(r.key), value: pooled(r.value), type: pooled(r.type), data: typeof r.data === 'string' ? own(r.data) : r.data })),
    files: platform.files.map(
      (f, fi) => new CompactFile(ranges, fileStarts[pi][fi], pooled(f.name)!, own(f.version), f.size, pooled(f.date), pooled(f.variant), pooled(f.description), pooled(f.folder), f.pointer),
    ),
    deployment: platform.deployment.map((d, di) => new CompactEstimate(ranges, estimateStarts[pi][di], d.machines, d.minutes)),
  }));
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

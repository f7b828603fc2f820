/**
 * A compact model as plain data (objects, arrays, typed arrays): what crosses from an index
 * worker to the server's thread (structured clone) and what the warm-start cache stores
 * (as JSON and typed arrays: lsp/cacheRecords.ts). Reviving rebuilds the compact classes around the same shared range array,
 * walking it in the order `layoutRanges` (compact.ts) filled it, so nothing is re-parsed.
 */
import type { Bulletin, BulletinFile, Platform } from '../model';
import {
  compactBulletin,
  CompactFile,
  CompactPackage,
  CompactPlatform,
  CompactRegistryCheck,
  ESTIMATE_SLOTS,
  FILE_SLOTS,
  hasUsualPointer,
  layoutRanges,
  PACKAGE_SLOTS,
  PLATFORM_SLOTS,
  pooled,
  REGISTRY_SLOTS,
} from './compact';

type Top = Omit<Bulletin, 'platforms'>;
/** A string as its index in the model's string table; -1 for none. */
type Str = number;

interface SerialPlatform {
  /** id, name, pointer, folder */
  strings: [Str, Str, Str, Str];
  /** file, date, version, size, pointer */
  pkg?: [Str, Str, Str, number | null, Str];
  /** Seven per file: name, version, size, date, variant, description, folder (the rest is in `ranges`). */
  files: (number | null)[];
  /** Files whose pointer is not the usual one, kept as they are (their slot in `files` is all null). */
  plainFiles?: Record<number, BulletinFile>;
  /** key, value, type, data, pointer */
  registry?: [Str, Str, Str, unknown, Str][];
  /** machines, minutes per estimate */
  deployment: number[];
}

export interface SerialBulletin {
  top: Top;
  ranges: Int32Array;
  /** Every string of the platforms once (dates, names and descriptions repeat a lot). */
  strings: string[];
  platforms: SerialPlatform[];
}

const FILE_FIELDS = 7;

/** Strings, each once: `str` gives a string's index in `strings` (-1 for none). */
export interface StringTable {
  strings: string[];
  str: (value: string | undefined) => Str;
}

/** A model's strings, each once (or a batch's: see `serialOf`). */
export function stringTable(): StringTable {
  const strings: string[] = [];
  const table = new Map<string, number>();
  const str = (value: string | undefined): Str => {
    if (value === undefined) return -1;
    let at = table.get(value);
    if (at === undefined) {
      at = strings.push(value) - 1;
      table.set(value, at);
    }
    return at;
  };
  return { strings, str };
}

/** A platform's record around its files and estimates, laid out the same by `toSerial` and `serialOf`. */
function platformRecord(platform: Platform, str: (value: string | undefined) => Str, files: (number | null)[], plainFiles: Record<number, BulletinFile> | undefined, deployment: number[]): SerialPlatform {
  const pkg = platform.package;
  return {
    strings: [str(platform.id), str(platform.name), str(platform.pointer), str(platform.folder)],
    pkg: pkg && [str(pkg.file), str(pkg.date), str(pkg.version), pkg.size ?? null, str(pkg.pointer)],
    files,
    plainFiles,
    registry: platform.registry?.map((r) => [str(r.key), str(r.value), str(r.type), r.data, str(r.pointer)]),
    deployment,
  };
}

export function toSerial(model: Bulletin): SerialBulletin {
  const bulletin = model.platforms.every((p) => p instanceof CompactPlatform) ? model : compactBulletin(model);
  const { platforms, ...top } = bulletin;
  const ranges = platforms.length > 0 ? (platforms[0] as CompactPlatform).ranges : new Int32Array(0);
  const { strings, str } = stringTable();
  const serialPlatforms = platforms.map((platform): SerialPlatform => {
    const files: (number | null)[] = [];
    let plainFiles: Record<number, BulletinFile> | undefined;
    platform.files.forEach((f, i) => {
      if (f instanceof CompactFile) {
        files.push(str(f.name), str(f.version), f.size ?? null, str(f.date), str(f.variant), str(f.description), str(f.folder));
      } else {
        for (let k = 0; k < FILE_FIELDS; k++) files.push(null);
        (plainFiles ??= {})[i] = { ...f };
      }
    });
    return platformRecord(platform, str, files, plainFiles, [...(platform as CompactPlatform).estimates]);
  });
  return { top, ranges, strings, platforms: serialPlatforms };
}

/**
 * `toSerial(compactBulletin(model))` without making the compact objects first: what an index
 * worker sends. The ranges are laid out by `layoutRanges`, as `compactBulletin` lays them out.
 */
export function serialOf(model: Bulletin, shared?: StringTable): SerialBulletin {
  const { platforms, ...top } = model;
  const { ranges, fileStarts } = layoutRanges(model);
  // With a `shared` table (an index worker's batch), the model's strings are indices into it
  // and its own `strings` stay empty: each string is looked up once per batch, not twice.
  const { strings, str } = shared ?? stringTable();
  const serialPlatforms = platforms.map((platform, pi): SerialPlatform => {
    const files: (number | null)[] = [];
    let plainFiles: Record<number, BulletinFile> | undefined;
    platform.files.forEach((f, i) => {
      if (!hasUsualPointer(ranges, fileStarts[pi][i])) {
        for (let k = 0; k < FILE_FIELDS; k++) files.push(null);
        (plainFiles ??= {})[i] = { ...f };
        return;
      }
      files.push(str(f.name), str(f.version), f.size ?? null, str(f.date), str(f.variant), str(f.description), str(f.folder));
    });
    return platformRecord(platform, str, files, plainFiles, platform.deployment.flatMap((d) => [d.machines, d.minutes]));
  });
  return { top, ranges, strings: shared ? [] : strings, platforms: serialPlatforms };
}

/** `stringsPooled`: the strings are pooled copies already (the warm-start cache pools its table once). */
export function fromSerial(serial: SerialBulletin, stringsPooled = false): Bulletin {
  const { ranges } = serial;
  // Each distinct string is pooled once (one copy across the workspace's models).
  const strings = stringsPooled ? serial.strings : serial.strings.map((s) => pooled(s)!);
  const str = (at: number | null): string | undefined => (at === null || at < 0 ? undefined : strings[at]);
  const num = (value: number | null): number | undefined => (value === null ? undefined : value);
  let at = 0;
  const take = (slots: number): number => {
    const start = at;
    at += slots;
    return start;
  };
  const platforms: Platform[] = serial.platforms.map((p) => {
    const platformAt = take(PLATFORM_SLOTS);
    const files: BulletinFile[] = [];
    for (let i = 0; i * FILE_FIELDS < p.files.length; i++) {
      const fileAt = take(FILE_SLOTS);
      const f = p.files;
      const k = i * FILE_FIELDS;
      const plain = p.plainFiles?.[i];
      files.push(plain ?? new CompactFile(ranges, fileAt, str(f[k])!, str(f[k + 1]), num(f[k + 2]), str(f[k + 3]), str(f[k + 4]), str(f[k + 5]), str(f[k + 6])));
    }
    const deploymentAt = p.deployment.length > 0 ? take((ESTIMATE_SLOTS * p.deployment.length) / 2) : -1;
    const pkg = p.pkg && new CompactPackage(ranges, take(PACKAGE_SLOTS), str(p.pkg[0]), str(p.pkg[1]), str(p.pkg[2]), num(p.pkg[3]), str(p.pkg[4])!);
    const registry = p.registry?.map(([key, value, type, data, pointer]) => new CompactRegistryCheck(ranges, take(REGISTRY_SLOTS), str(key), str(value), str(type), data, str(pointer)!));
    const [id, name, pointer, folder] = p.strings;
    return new CompactPlatform(ranges, platformAt, str(id), str(name), str(pointer)!, pkg, str(folder), files, registry, deploymentAt, p.deployment);
  });
  return { ...serial.top, published: pooled(serial.top.published), updated: pooled(serial.top.updated), platforms };
}

/**
 * The compact, typed bulletin the index and the rules read: only what a check needs, each
 * value with the range of its YAML node. Read tolerantly: a value of the wrong type is simply
 * absent here (the schema check reports it).
 */
import { entryOf, itemOf, rangeOfLocation, type NodeLocation, type ParsedDocument, type Range } from './parse';
import type { Problem } from './problems';

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
  includes: Ref[];
  related: Ref[];
  platforms: Platform[];
  /** The problems one file shows alone: `yaml-syntax` and `schema`. */
  intrinsic: Problem[];
  /** Start offset of each line, so positions can be made without keeping the text. */
  lineStarts: Uint32Array;
  textLength: number;
  /** Hash of the text the model was read from (cache key, change detection). */
  hash: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
/** Registry data is a number or text (booleans kept for the rule's message); a collection is a schema fault. */
const scalar = (v: unknown): string | number | boolean | undefined => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined);
const VALID_DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (v: unknown): string | undefined => (typeof v === 'string' && VALID_DATE.test(v) ? v : undefined);
const VALID_VERSION = /^\d+(\.\d+){1,3}$/;
// A copy, not a slice of the document's text: the rules' version cache (version.ts) keeps
// versions across edits, and a slice would keep every old text of the document alive with it.
// Copies are interned (keyed by the copy itself): a keystroke re-reads every version of the
// document, and one copy per version per keystroke was most of this function's garbage.
const versionCopies = new Map<string, string>();
const version = (v: unknown): string | undefined => {
  if (typeof v !== 'string' || !VALID_VERSION.test(v)) return undefined;
  const known = versionCopies.get(v);
  if (known !== undefined) return known;
  // V8 copies substrings shorter than 13 characters anyway (most versions); a longer one is a
  // slice of the text and is copied here.
  const copy = v.length < 13 ? v : Buffer.from(v, 'latin1').toString('latin1');
  if (versionCopies.size >= 100_000) versionCopies.clear();
  versionCopies.set(copy, copy);
  return copy;
};

export function readBulletin(uri: string, parsed: ParsedDocument, intrinsic: Problem[], hash: string): Bulletin {
  const root = isObj(parsed.value) ? parsed.value : {};
  const rootAt = parsed.root;
  // Locations are found by walking the tree along the path being read (see `NodeLocation`):
  // building and hashing a pointer per lookup was a fifth of reading a closed file.
  const at = (location: NodeLocation | undefined): Range | undefined => location && rangeOfLocation(location);
  const itemRange = (loc: NodeLocation | undefined): Range => {
    if (!loc) return [0, 0];
    const start = loc.key?.[0] ?? loc.value[0];
    const text = parsed.text;
    let end = start;
    for (let c = text.charCodeAt(end); end < text.length && c !== 10 && c !== 13; c = text.charCodeAt(++end));
    return [start, Math.min(end, Math.max(loc.value[1], loc.key?.[1] ?? start))];
  };
  const refs = (key: 'includes' | 'related'): Ref[] => {
    const list = root[key];
    if (!Array.isArray(list)) return [];
    const listAt = entryOf(rootAt, key);
    const out: Ref[] = [];
    list.forEach((v, i) => {
      const range = at(itemOf(listAt, i));
      if (typeof v === 'string' && range) out.push({ id: v, range, pointer: `/${key}/${i}` });
    });
    return out;
  };

  const platforms: Platform[] = [];
  const platformList = Array.isArray(root.platforms) ? root.platforms : [];
  const platformsAt = entryOf(rootAt, 'platforms');
  platformList.forEach((p, pi) => {
    if (!isObj(p)) return;
    const pointer = `/platforms/${pi}`;
    const platformAt = itemOf(platformsAt, pi);
    const files: BulletinFile[] = [];
    const filesAt = entryOf(platformAt, 'files');
    (Array.isArray(p.files) ? p.files : []).forEach((f, fi) => {
      if (!isObj(f) || typeof f.name !== 'string') return;
      const fileAt = itemOf(filesAt, fi);
      const range = itemRange(fileAt);
      files.push({
        name: f.name,
        nameRange: at(entryOf(fileAt, 'name')) ?? range,
        version: version(f.version),
        versionRange: at(entryOf(fileAt, 'version')),
        date: date(f.date),
        dateRange: at(entryOf(fileAt, 'date')),
        size: num(f.size),
        sizeRange: at(entryOf(fileAt, 'size')),
        description: str(f.description),
        variant: str(f.variant),
        folder: str(f.folder),
        pointer: `${pointer}/files/${fi}`,
        range,
      });
    });
    let pkg: PackageInfo | undefined;
    if (isObj(p.package)) {
      const packageAt = entryOf(platformAt, 'package');
      pkg = {
        file: str(p.package.file),
        fileRange: at(entryOf(packageAt, 'file')),
        date: date(p.package.date),
        dateRange: at(entryOf(packageAt, 'date')),
        version: version(p.package.version),
        size: num(p.package.size),
        pointer: `${pointer}/package`,
        range: packageAt?.key ?? at(packageAt) ?? itemRange(platformAt),
      };
    }
    let registry: RegistryCheck[] | undefined;
    if (isObj(p.verify) && Array.isArray(p.verify.registry)) {
      registry = [];
      const registryAt = entryOf(entryOf(platformAt, 'verify'), 'registry');
      p.verify.registry.forEach((r, ri) => {
        if (!isObj(r)) return;
        const checkAt = itemOf(registryAt, ri);
        registry!.push({
          key: str(r.key),
          keyRange: at(entryOf(checkAt, 'key')),
          value: str(r.value),
          type: str(r.type),
          typeRange: at(entryOf(checkAt, 'type')),
          data: scalar(r.data),
          dataRange: at(entryOf(checkAt, 'data')),
          pointer: `${pointer}/verify/registry/${ri}`,
          range: itemRange(checkAt),
        });
      });
    }
    const deployment: DeploymentEstimate[] = [];
    if (isObj(p.deployment)) {
      const deploymentAt = entryOf(platformAt, 'deployment');
      for (const [machines, minutes] of Object.entries(p.deployment)) {
        const n = Number(machines);
        const m = num(minutes);
        if (Number.isInteger(n) && n > 0 && m !== undefined) deployment.push({ machines: n, minutes: m, range: itemRange(entryOf(deploymentAt, machines)) });
      }
    }
    platforms.push({
      id: str(p.id),
      idRange: at(entryOf(platformAt, 'id')),
      name: str(p.name),
      pointer,
      range: itemRange(platformAt),
      package: pkg,
      folder: str(p.folder),
      files,
      registry,
      deployment,
    });
  });

  return {
    uri,
    id: str(root.id),
    idRange: at(entryOf(rootAt, 'id')),
    kb: num(root.kb),
    kbRange: at(entryOf(rootAt, 'kb')),
    title: str(root.title),
    lang: root.lang === 'en' ? 'en' : 'ja',
    published: date(root.published),
    publishedRange: at(entryOf(rootAt, 'published')),
    updated: date(root.updated),
    updatedRange: at(entryOf(rootAt, 'updated')),
    severity: str(root.severity),
    severityRange: at(entryOf(rootAt, 'severity')),
    exploit: str(root.exploit),
    exploitRange: at(entryOf(rootAt, 'exploit')),
    urgency: str(root.urgency),
    urgencyRange: at(entryOf(rootAt, 'urgency')),
    includes: refs('includes'),
    related: refs('related'),
    platforms,
    intrinsic,
    lineStarts: parsed.lineStarts,
    textLength: parsed.text.length,
    hash,
  };
}

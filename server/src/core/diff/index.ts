/**
 * The semantic diff of two versions of a bulletin (spec "The semantic diff"): what a reader
 * would call a change, never a text diff. List entries are matched by identity (platform `id`;
 * file name case-insensitive + variant; vulnerability `id`; advisory `url`; …), so reordering
 * is no change; comments, quoting, key order, blank lines, line ends, `comment` and
 * `revisions` are no change. Pure: two parsed documents (or texts) in, changes out, each with
 * the range of its node in the new text and a label in the bulletin's language.
 */
import { entryOf, escapePointerToken, itemOf, parse, rangeOfLocation, type NodeLocation, type ParsedDocument, type Range } from '../parse';
import type { Locale } from '../messages';
import { compareVersions, isVersion } from '../version';
import { describeChange } from './labels';
import { isObj, list, type Obj } from '../plain';
import { withoutCommonParts } from './sections';

export type ChangeKind = 'added' | 'removed' | 'changed';

/** What changed: a header field, or an entry of one of the bulletin's lists (or a part of one). */
export type ChangeSubject =
  | 'field'
  | 'summary'
  | 'advisory'
  | 'vulnerability'
  | 'includes'
  | 'related'
  | 'platform'
  | 'package'
  | 'file'
  | 'registry'
  | 'deployment'
  | 'unsupported'
  | 'workaround';

export interface Change {
  kind: ChangeKind;
  subject: ChangeSubject;
  /**
   * Who it is, from the outside in: `['platforms', 'nt4-server-sp6a', 'files', 'rpcrt4.dll']`,
   * `['severity']`; a file with a variant is `name (variant)`.
   */
  identity: string[];
  /** The field of the entry that changed (`version`, `size`, `title` …), for `changed`. */
  field?: string;
  /** The old and the new value as a reader sees them (lists joined by `, `). */
  old?: string;
  new?: string;
  /** For `summary`: the lines that went and the lines that came. */
  lines?: { removed: string[]; added: string[] };
  /** Where it is in the new text (a removed entry: its list, or the start of the text). */
  pointer: string;
  range: Range;
  /** One sentence in the bulletin's language. */
  label: string;
  /** The platform's or file's display name where the identity is a slug (`Windows NT Server 4.0 SP6a`). */
  name?: string;
  /**
   * The old value as written, for the preview to show it where it was: a changed or removed
   * field's value, a removed entry, the deployment table before.
   */
  was?: unknown;
  /** A removed list entry's position in the old list. */
  wasIndex?: number;
}

type Path = (string | number)[];

const HEADER_FIELDS = ['id', 'title', 'status', 'severity', 'exploit', 'urgency', 'restart', 'uninstall', 'targets', 'kb', 'lang', 'published', 'updated'] as const;
/** The top-level lists whose entries are matched by one text field: that field. */
const LIST_IDENTITY: Readonly<Record<string, string>> = { advisories: 'url', vulnerabilities: 'id', platforms: 'id', unsupported: 'name', workarounds: 'title' };
const identityIn = (listName: string) => (item: Obj) => {
  const value = item[LIST_IDENTITY[listName]];
  return typeof value === 'string' ? value : undefined;
};

/** Lists whose order carries no meaning: compared as sets. */
const SET_FIELDS = new Set(['targets', 'impact', 'udp', 'tcp']);

/** A value as a reader sees it: text, a number, a list, a mapping written canonically. */
export function shown(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => shown(v) ?? '').join(', ');
  if (isObj(value)) return Object.keys(value).sort().map((k) => `${k}: ${shown(value[k]) ?? ''}`).join(', ');
  return String(value);
}

/** Whether two values are the same to a reader (versions numerically, sets unordered, text modulo line ends). */
function same(a: unknown, b: unknown, field?: string): boolean {
  if (a === b) return true;
  const ta = typeof a;
  // Two different texts or numbers (the common case) differ unless they are versions or line ends.
  if (ta === typeof b && (ta === 'number' || ta === 'boolean')) return false;
  if (typeof a === 'string' && typeof b === 'string' && field !== 'version' && !a.includes('\r') && !b.includes('\r')) return false;
  if (a === undefined || b === undefined || a === null || b === null) return (a ?? undefined) === (b ?? undefined);
  if (field === 'version' && typeof a === 'string' && typeof b === 'string' && isVersion(a) && isVersion(b)) return compareVersions(a, b) === 0;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (field && SET_FIELDS.has(field)) {
      const sa = new Set(a.map((v) => shown(v)));
      const sb = new Set(b.map((v) => shown(v)));
      return sa.size === sb.size && [...sa].every((v) => sb.has(v));
    }
    return a.length === b.length && a.every((v, i) => same(v, b[i]));
  }
  if (isObj(a) && isObj(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => same(a[k], b[k], k));
  }
  return shown(a) === shown(b);
}

/** Markdown text equal up to line ends, trailing spaces and re-wrapping (`|` vs `>`, a reflowed paragraph). */
function sameText(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const norm = (v: unknown) =>
    typeof v === 'string'
      ? v.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/).map((paragraph) => paragraph.replace(/\s+/g, ' ').trim()).filter((p) => p !== '').join('\n\n')
      : v;
  return norm(a) === norm(b);
}

interface Differ {
  readonly out: Omit<Change, 'range' | 'label' | 'pointer'>[];
  readonly paths: Path[];
}

function push(d: Differ, change: Omit<Change, 'range' | 'label' | 'pointer'>, path: Path): void {
  d.out.push(change);
  d.paths.push(path);
}

/** Entries of a list by identity; a repeated identity keeps its order of appearance. */
function byIdentity(items: unknown[], identity: (item: Obj) => string | undefined): Map<string, { item: Obj; index: number }[]> {
  const map = new Map<string, { item: Obj; index: number }[]>();
  items.forEach((item, index) => {
    if (!isObj(item)) return;
    const key = identity(item) ?? `#${index}`;
    const bucket = map.get(key);
    if (bucket) bucket.push({ item, index });
    else map.set(key, [{ item, index }]);
  });
  return map;
}

/**
 * Pairs the entries of two lists by identity: `removed`, `added`, and `both` for the rest.
 * Answers in the new list's order (removed ones after, in the old order).
 */
function matchLists(
  before: unknown[],
  after: unknown[],
  identity: (item: Obj) => string | undefined,
  on: { both(o: Obj, n: Obj, index: number, key: string): void; added(n: Obj, index: number, key: string): void; removed(o: Obj, index: number, key: string): void },
): void {
  const olds = byIdentity(before, identity);
  const news = byIdentity(after, identity);
  for (const [key, entries] of news) {
    const matched = olds.get(key) ?? [];
    entries.forEach((entry, i) => (i < matched.length ? on.both(matched[i].item, entry.item, entry.index, key) : on.added(entry.item, entry.index, key)));
  }
  for (const [key, entries] of olds) {
    const kept = news.get(key)?.length ?? 0;
    entries.slice(kept).forEach((entry) => on.removed(entry.item, entry.index, key));
  }
}

function fields(d: Differ, subject: ChangeSubject, identity: string[], o: Obj, n: Obj, names: readonly string[], path: Path, extra?: { name?: string }): void {
  for (const field of names) {
    if (o[field] === n[field] || same(o[field], n[field], field)) continue;
    const kind: ChangeKind = o[field] === undefined ? 'added' : n[field] === undefined ? 'removed' : 'changed';
    push(d, { kind, subject, identity, field, old: shown(o[field]), new: shown(n[field]), was: o[field], ...extra }, n[field] === undefined ? path : [...path, field]);
  }
}

const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : undefined);
const fileIdentity = (f: Obj) => (typeof f.name === 'string' ? `${f.name.toLowerCase()}\u0000${typeof f.variant === 'string' ? f.variant : ''}` : undefined);
const fileName = (f: Obj) => `${String(f.name)}${typeof f.variant === 'string' ? ` (${f.variant})` : ''}`;

function diffPlatform(d: Differ, o: Obj, n: Obj, index: number, key: string): void {
  const id = typeof n.id === 'string' ? n.id : key;
  const name = typeof n.name === 'string' ? n.name : undefined;
  const base: Path = ['platforms', index];
  const identity = ['platforms', id];
  fields(d, 'platform', identity, o, n, ['name', 'folder', 'tested'], base, { name });
  const op = isObj(o.package) ? o.package : undefined;
  const np = isObj(n.package) ? n.package : undefined;
  if (op && !np) push(d, { kind: 'removed', subject: 'package', identity: [...identity, 'package'], old: shown(op.file), name, was: op }, base);
  else if (!op && np) push(d, { kind: 'added', subject: 'package', identity: [...identity, 'package'], new: shown(np.file), name }, [...base, 'package']);
  else if (op && np) fields(d, 'package', [...identity, 'package'], op, np, ['file', 'version', 'size', 'date'], [...base, 'package'], { name });

  matchLists(list(o.files), list(n.files), fileIdentity, {
    both: (of, nf, fi) => fields(d, 'file', [...identity, 'files', fileName(nf)], of, nf, ['version', 'size', 'date', 'description', 'folder'], [...base, 'files', fi], { name }),
    added: (nf, fi) => push(d, { kind: 'added', subject: 'file', identity: [...identity, 'files', fileName(nf)], new: shown(nf.version), name }, [...base, 'files', fi]),
    removed: (of, fi) => push(d, { kind: 'removed', subject: 'file', identity: [...identity, 'files', fileName(of)], old: shown(of.version), name, was: of, wasIndex: fi }, [...base, 'files']),
  });

  const registry = (v: Obj) => list(isObj(v.verify) ? v.verify.registry : undefined);
  const registryKey = (r: Obj) => (typeof r.key === 'string' ? `${r.key.toLowerCase()}\u0000${lower(r.value) ?? ''}` : undefined);
  const registryName = (r: Obj) => `${String(r.key)}${typeof r.value === 'string' ? `\\${r.value}` : ''}`;
  matchLists(registry(o), registry(n), registryKey, {
    both: (or, nr, ri) => fields(d, 'registry', [...identity, 'registry', registryName(nr)], or, nr, ['type', 'data'], [...base, 'verify', 'registry', ri], { name }),
    added: (nr, ri) => push(d, { kind: 'added', subject: 'registry', identity: [...identity, 'registry', registryName(nr)], new: shown(nr.data), name }, [...base, 'verify', 'registry', ri]),
    removed: (or, ri) => push(d, { kind: 'removed', subject: 'registry', identity: [...identity, 'registry', registryName(or)], old: shown(or.data), name, was: or, wasIndex: ri }, [...base, 'verify']),
  });

  if (!same(isObj(o.deployment) ? o.deployment : undefined, isObj(n.deployment) ? n.deployment : undefined)) {
    const table = (v: unknown) => (isObj(v) ? Object.keys(v).sort((a, b) => Number(a) - Number(b)).map((k) => `${k}: ${shown(v[k])}`).join(', ') : undefined);
    const [was, now] = [table(o.deployment), table(n.deployment)];
    push(d, { kind: was === undefined ? 'added' : now === undefined ? 'removed' : 'changed', subject: 'deployment', identity: [...identity, 'deployment'], old: was, new: now, name, was: o.deployment }, now === undefined ? base : [...base, 'deployment']);
  }
}

/** The lines of `b` not in `a` and of `a` not in `b`, by a longest common subsequence of lines. */
export function changedLines(a: string, b: string): { removed: string[]; added: string[] } {
  const x = a.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd()).filter((l) => l !== '');
  const y = b.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd()).filter((l) => l !== '');
  const dp: number[][] = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) for (let j = y.length - 1; j >= 0; j--) dp[i][j] = x[i] === y[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) (i++, j++);
    else if (dp[i + 1][j] >= dp[i][j + 1]) removed.push(x[i++]);
    else added.push(y[j++]);
  }
  return { removed: [...removed, ...x.slice(i)], added: [...added, ...y.slice(j)] };
}

/** The semantic diff of two parsed versions; labels in `locale` (default: the new version's `lang`). */
export function diffBulletins(before: ParsedDocument, after: ParsedDocument, locale?: Locale): Change[] {
  const o: Obj = isObj(before.value) ? before.value : {};
  const n: Obj = isObj(after.value) ? after.value : {};
  const lang: Locale = locale ?? (n.lang === 'en' ? 'en' : 'ja');
  const d: Differ = { out: [], paths: [] };

  for (const field of HEADER_FIELDS) {
    if (same(o[field], n[field], field)) continue;
    const kind: ChangeKind = o[field] === undefined ? 'added' : n[field] === undefined ? 'removed' : 'changed';
    push(d, { kind, subject: 'field', identity: [field], field, old: shown(o[field]), new: shown(n[field]) }, n[field] === undefined ? [] : [field]);
  }
  if (!sameText(o.summary, n.summary)) {
    const lines = changedLines(typeof o.summary === 'string' ? o.summary : '', typeof n.summary === 'string' ? n.summary : '');
    const kind: ChangeKind = o.summary === undefined ? 'added' : n.summary === undefined ? 'removed' : 'changed';
    push(d, { kind, subject: 'summary', identity: ['summary'], field: 'summary', lines }, n.summary === undefined ? [] : ['summary']);
  }

  matchLists(list(o.advisories), list(n.advisories), identityIn('advisories'), {
    both: (oa, na, i, key) => fields(d, 'advisory', ['advisories', key], oa, na, ['label'], ['advisories', i]),
    added: (na, i, key) => push(d, { kind: 'added', subject: 'advisory', identity: ['advisories', key], new: shown(na.label) }, ['advisories', i]),
    removed: (oa, i, key) => push(d, { kind: 'removed', subject: 'advisory', identity: ['advisories', key], old: shown(oa.label), was: oa, wasIndex: i }, ['advisories']),
  });
  matchLists(list(o.vulnerabilities), list(n.vulnerabilities), identityIn('vulnerabilities'), {
    both: (ov, nv, i, key) => fields(d, 'vulnerability', ['vulnerabilities', key], ov, nv, ['title', 'impact', 'cvss', 'cwe'], ['vulnerabilities', i]),
    added: (nv, i, key) => push(d, { kind: 'added', subject: 'vulnerability', identity: ['vulnerabilities', key], new: shown(nv.title) }, ['vulnerabilities', i]),
    removed: (ov, i, key) => push(d, { kind: 'removed', subject: 'vulnerability', identity: ['vulnerabilities', key], old: shown(ov.title), was: ov, wasIndex: i }, ['vulnerabilities']),
  });
  for (const kind of ['includes', 'related'] as const) {
    const was = list(o[kind]).filter((v): v is string => typeof v === 'string');
    const now = list(n[kind]).filter((v): v is string => typeof v === 'string');
    now.forEach((id) => !was.includes(id) && push(d, { kind: 'added', subject: kind, identity: [kind, id], new: id }, [kind, list(n[kind]).indexOf(id)]));
    was.forEach((id, i) => !now.includes(id) && push(d, { kind: 'removed', subject: kind, identity: [kind, id], old: id, was: id, wasIndex: i }, [kind]));
  }
  matchLists(list(o.platforms), list(n.platforms), identityIn('platforms'), {
    both: (op, np, i, key) => diffPlatform(d, op, np, i, key),
    added: (np, i, key) => push(d, { kind: 'added', subject: 'platform', identity: ['platforms', key], new: shown(np.name), name: shown(np.name) }, ['platforms', i]),
    removed: (op, i, key) => push(d, { kind: 'removed', subject: 'platform', identity: ['platforms', key], old: shown(op.name), name: shown(op.name), was: op, wasIndex: i }, ['platforms']),
  });
  matchLists(list(o.unsupported), list(n.unsupported), identityIn('unsupported'), {
    both: (ou, nu, i, key) => fields(d, 'unsupported', ['unsupported', key], ou, nu, ['reason'], ['unsupported', i]),
    added: (nu, i, key) => push(d, { kind: 'added', subject: 'unsupported', identity: ['unsupported', key], new: key }, ['unsupported', i]),
    removed: (ou, i, key) => push(d, { kind: 'removed', subject: 'unsupported', identity: ['unsupported', key], old: key, was: ou, wasIndex: i }, ['unsupported']),
  });
  matchLists(list(o.workarounds), list(n.workarounds), identityIn('workarounds'), {
    both: (ow, nw, i, key) => {
      fields(d, 'workaround', ['workarounds', key], ow, nw, ['note'], ['workarounds', i]);
      const ports = (w: Obj) => (isObj(w.ports) ? w.ports : {});
      fields(d, 'workaround', ['workarounds', key], ports(ow), ports(nw), ['udp', 'tcp'], ['workarounds', i, 'ports']);
    },
    added: (_nw, i, key) => push(d, { kind: 'added', subject: 'workaround', identity: ['workarounds', key], new: key }, ['workarounds', i]),
    removed: (ow, i, key) => push(d, { kind: 'removed', subject: 'workaround', identity: ['workarounds', key], old: key, was: ow, wasIndex: i }, ['workarounds']),
  });

  // Completed in place (a copy per change was a third of the diff's cost), in the order a
  // reader of the JSON expects: what changed, then where, then the label.
  return d.out.map((change, i) => {
    const full = change as Change;
    [full.pointer, full.range] = locate(after, d.paths[i]);
    full.label = describeChange(full, lang);
    return full;
  });
}

/** The deepest node of `path` that exists in the new version: its pointer and range. */
function locate(doc: ParsedDocument, path: Path): [string, Range] {
  let at: NodeLocation | undefined = doc.root;
  let pointer = '';
  let range: Range = [0, 0];
  for (const token of path) {
    const next: NodeLocation | undefined = typeof token === 'number' ? itemOf(at, token) : entryOf(at, token);
    if (!next) break;
    at = next;
    pointer += `/${escapePointerToken(String(token))}`;
    range = next.key ?? rangeOfLocation(next);
  }
  if (at && at !== doc.root && !at.key) range = rangeOfLocation(at);
  if (at && at.key && !at.block && path.length > 0) range = rangeOfLocation(at);
  return [pointer, range];
}

/** Read even where both versions have it alike: the labels' language. */
const ALWAYS_READ = new Set(['lang']);

/**
 * The semantic diff of two texts (each read the way the editor reads it). What both have alike
 * (top-level entries, list items with a plain identity) is not read (`sections.ts`); where the
 * rest needs the full parser, the parts cannot be told apart, or an identity left out comes
 * again among the items read, both texts are read whole.
 */
export function diffTexts(before: string, after: string, locale?: Locale): Change[] {
  if (before === after) return [];
  const common = withoutCommonParts(before, after, ALWAYS_READ, LIST_IDENTITY);
  const parsedBefore = common && parse(common.before, { reader: 'quick' });
  const parsedAfter = parsedBefore && parse(common.after, { reader: 'quick' });
  if (parsedBefore && parsedAfter && !identityRepeated(common.itemsLeftOut, parsedBefore, parsedAfter)) return diffBulletins(parsedBefore, parsedAfter, locale);
  return diffBulletins(parse(before), parse(after), locale);
}

/** Whether an item read has the identity of one left out (matched otherwise than in the whole texts). */
function identityRepeated(itemsLeftOut: Map<string, Set<string>>, ...docs: ParsedDocument[]): boolean {
  for (const [name, identities] of itemsLeftOut) {
    const key = LIST_IDENTITY[name];
    for (const doc of docs) {
      const items = isObj(doc.value) ? list(doc.value[name]) : [];
      if (items.some((item) => isObj(item) && typeof item[key] === 'string' && identities.has(item[key]))) return true;
    }
  }
  return false;
}

export { describeChange, draftSummary } from './labels';

/**
 * A bulletin (its plain JSON value) → a CSAF 2.0 `csaf_security_advisory`, plus a source map
 * from every CSAF pointer it writes back to the bulletin pointer it came from. Pure: the
 * publisher and what is known of other bulletins are passed in. The README documents the
 * mapping field by field.
 */
import type { Locale } from '../messages';
import { msg } from '../messages';
import './messages';
import { isObj, list, str, type Obj } from './json';
import { csafDate } from './dates';
import { enumLabel } from './labels';
import { buildProductTree } from './product-tree';
import { addRemediationsToMap, buildRemediations } from './remediations';
import { CsafSourceMap } from './source-map';
import { buildVulnerabilities } from './vulnerabilities';

export const PUBLISHER_CATEGORIES = ['coordinator', 'discoverer', 'other', 'translator', 'user', 'vendor'] as const;

export interface CsafPublisher {
  category: string;
  name: string;
  namespace: string;
}

export interface RelatedBulletinInfo {
  title?: string;
  /** The other bulletin's first advisory address. */
  url?: string;
}

export interface CsafExportOptions {
  publisher: CsafPublisher;
  /** What the workspace knows of a bulletin named in `includes` or `related`. */
  lookup?: (id: string) => RelatedBulletinInfo | undefined;
  /** `document.tracking.generator.engine`. */
  engine?: { name: string; version?: string };
  /**
   * The publisher's base URL for CSAF files (setting `bulletin.csaf.baseUrl`, CLI `--base-url`):
   * the export names its canonical URL, `BASE/<file name>`, as a `self` reference.
   */
  baseUrl?: string;
}

/** The CSAF file name of a tracking id (CSAF 2.0 section 5.1, which recommended test 6.2.11 checks). */
export function csafFileName(trackingId: string): string {
  return `${trackingId.toLowerCase().replace(/[^+\-a-z0-9]+/g, '_')}.json`;
}

/** TLP labels as CSAF 2.0 writes them. */
const TLP: Record<string, string> = { white: 'WHITE', green: 'GREEN', amber: 'AMBER', red: 'RED' };

/**
 * A value with every object's keys in the order recommended test 6.2.13 expects (sorted by the
 * collator, as csaf-validator-lib sorts them); arrays keep their order.
 */
export function sortedKeys<T>(value: T, collator = new Intl.Collator('en')): T {
  if (Array.isArray(value)) return value.map((v) => sortedKeys(v, collator)) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .sort(([a], [b]) => collator.compare(a, b))
      .map(([k, v]) => [k, sortedKeys(v, collator)]),
  ) as T;
}

export type CsafDocument = Record<string, unknown>;

export interface CsafExport {
  csaf: CsafDocument;
  sourceMap: CsafSourceMap;
}

/** Vendors by bulletin id prefix (MS04-029 → Microsoft); an unknown prefix names itself. */
const VENDORS: Record<string, string> = { MS: 'Microsoft' };

export function vendorOf(id: string): string {
  const prefix = /^[A-Z]+/.exec(id)?.[0] ?? id;
  return VENDORS[prefix] ?? prefix;
}

const STATUSES = new Set(['draft', 'interim', 'final']);

/** `revisions` as CSAF's revision history (date at midnight UTC), when every entry is dated and summarized. */
function revisionHistory(root: Obj): { date: string | undefined; summary: string; pointer: string }[] | undefined {
  const items = list(root.revisions);
  if (items.length === 0) return undefined;
  const out: { date: string | undefined; summary: string; pointer: string }[] = [];
  for (const [i, item] of items.entries()) {
    if (!isObj(item) || !str(item.summary) || !csafDate(item.date)) return undefined;
    out.push({ date: csafDate(item.date), summary: (item.summary as string).trim(), pointer: `/revisions/${i}` });
  }
  return out;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function bulletinToCsaf(value: unknown, options: CsafExportOptions): CsafExport {
  const root: Obj = isObj(value) ? value : {};
  const map = new CsafSourceMap();
  const lang: Locale = root.lang === 'en' ? 'en' : 'ja';
  const id = str(root.id) ?? '';
  const vendor = vendorOf(id);
  const kb = typeof root.kb === 'number' ? `KB${root.kb}` : undefined;
  const updateLabel = kb ?? id;

  // document
  map.set('', '');
  map.set('/document', '');
  map.set('/document/title', '/title');
  map.set('/document/lang', '/lang');
  map.set('/document/tracking/id', '/id');
  const history = revisionHistory(root);
  const published = history ? history[0].date : csafDate(root.published);
  const updated = history ? history[history.length - 1].date : csafDate(root.updated);
  const revisions = history ?? [{ date: published, summary: msg(lang, 'csaf.revision.initial'), pointer: '/published' }];
  if (!history && updated && published && updated !== published) revisions.push({ date: updated, summary: msg(lang, 'csaf.revision.update'), pointer: '/updated' });
  revisions.forEach((r, i) => map.set(`/document/tracking/revision_history/${i}`, r.pointer));
  const last = revisions[revisions.length - 1].pointer;
  map.set('/document/tracking/initial_release_date', revisions[0].pointer);
  map.set('/document/tracking/current_release_date', last);
  map.set('/document/tracking/version', history ? '/revisions' : last);
  if (str(root.status)) map.set('/document/tracking/status', '/status');

  const notes: { category: string; title: string; text: string }[] = [];
  const note = (category: string, titleKey: string, text: string, pointer: string) => {
    map.set(`/document/notes/${notes.length}`, pointer);
    notes.push({ category, title: msg(lang, titleKey), text });
  };
  if (str(root.summary)) note('summary', 'csaf.note.summary', root.summary as string, '/summary');
  if (str(root.comment)) note('general', 'csaf.note.comment', root.comment as string, '/comment');
  const ratings: string[] = [];
  for (const key of ['severity', 'exploit', 'urgency', 'restart'] as const) {
    if (str(root[key])) ratings.push(msg(lang, `csaf.ratings.${key}`, { value: enumLabel(key, root[key] as string, lang) }));
  }
  if (typeof root.uninstall === 'boolean') ratings.push(msg(lang, 'csaf.ratings.uninstall', { value: msg(lang, root.uninstall ? 'csaf.yes' : 'csaf.no') }));
  const targets = list(root.targets).filter((t): t is string => typeof t === 'string');
  if (targets.length > 0) ratings.push(msg(lang, 'csaf.ratings.targets', { value: targets.map((t) => enumLabel('targets', t, lang)).join(', ') }));
  if (ratings.length > 0) note('other', 'csaf.note.ratings', ratings.join('\n'), str(root.severity) ? '/severity' : '');

  const references: { category: 'external' | 'self'; summary: string; url: string }[] = [];
  list(root.advisories).forEach((a, i) => {
    if (!isObj(a) || !str(a.url)) return;
    map.set(`/document/references/${references.length}`, `/advisories/${i}`);
    map.set(`/document/references/${references.length}/url`, `/advisories/${i}/url`);
    map.set(`/document/references/${references.length}/summary`, `/advisories/${i}/label`);
    references.push({ category: 'external', summary: str(a.label) ?? (a.url as string), url: a.url as string });
  });
  const relatedLines: string[] = [];
  for (const kind of ['includes', 'related'] as const) {
    list(root[kind]).forEach((other, i) => {
      if (typeof other !== 'string') return;
      relatedLines.push(msg(lang, `csaf.related.${kind}`, { id: other }));
      const info = options.lookup?.(other);
      if (info?.url) {
        map.set(`/document/references/${references.length}`, `/${kind}/${i}`);
        references.push({ category: 'external', summary: msg(lang, 'csaf.related.reference', { id: other, title: info.title ?? other }), url: info.url });
      }
    });
  }
  if (relatedLines.length > 0) note('general', 'csaf.note.related', relatedLines.join('\n'), list(root.related).length > 0 ? '/related' : '/includes');
  const baseUrl = options.baseUrl?.trim().replace(/\/+$/, '');
  if (baseUrl && id) {
    map.set(`/document/references/${references.length}`, '/id');
    references.push({ category: 'self', summary: msg(lang, 'csaf.reference.self'), url: `${baseUrl}/${csafFileName(id)}` });
  }
  const tlp = str(root.tlp) ? TLP[root.tlp as string] : undefined;
  if (tlp) {
    map.set('/document/distribution', '/tlp');
    map.set('/document/distribution/tlp/label', '/tlp');
  }

  const document: Obj = {
    category: 'csaf_security_advisory',
    csaf_version: '2.0',
    publisher: { category: options.publisher.category, name: options.publisher.name, namespace: options.publisher.namespace },
    title: str(root.title) ?? id,
    lang,
    ...(tlp ? { distribution: { tlp: { label: tlp } } } : {}),
    ...(str(root.severity) ? { aggregate_severity: { text: capitalize(root.severity as string) } } : {}),
    ...(notes.length > 0 ? { notes } : {}),
    ...(references.length > 0 ? { references } : {}),
    tracking: {
      id,
      status: STATUSES.has(root.status as string) ? root.status : 'final',
      version: String(revisions.length),
      initial_release_date: published,
      current_release_date: updated && published && updated > published ? updated : published,
      revision_history: revisions.map((r, i) => ({ date: r.date, number: String(i + 1), summary: r.summary })),
      ...(options.engine ? { generator: { engine: options.engine } } : {}),
    },
  };
  if (str(root.severity)) map.set('/document/aggregate_severity', '/severity');

  map.set('/product_tree', '/platforms');
  const products = buildProductTree(root, vendor, updateLabel, map);
  const remediations = buildRemediations(root, products.platforms, products.unsupported, references[0]?.url, lang);
  const vulnerabilities = buildVulnerabilities(root, { vendor, lang, products, remediations, map, addRemediations: addRemediationsToMap });

  return {
    csaf: sortedKeys({ document, product_tree: products.tree, vulnerabilities }),
    sourceMap: map,
  };
}

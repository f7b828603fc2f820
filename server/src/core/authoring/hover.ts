/**
 * Hover text: the schema's description of a key or value; on a bulletin id, that bulletin's
 * title, severity, dates and platforms; on a file name, every bulletin that ships the file
 * for this platform, newest first.
 */
import type { Analysis } from '../analyze';
import type { WorkspaceIndex } from '../index/workspace-index';
import type { Bulletin } from '../model';
import type { Locale } from '../messages';
import type { Range } from '../parse';
import { newestFirst } from '../index/order';
import { FILE_VERSION_POINTER, versionHover } from './version-hover';
import { bulletinSummary } from './completion';
import { msg } from './messages';
import { choicesOf, describe, resolve, rootSchema, schemaAt } from './schema-info';
import { nodeAt, pointerTokens, schemaPath } from './yaml-text';
import { cvssHover } from './cvss';

export interface HoverResult {
  markdown: string;
  range: Range;
}

export interface HoverInput {
  analysis: Analysis;
  index: WorkspaceIndex;
  offset: number;
  locale: Locale;
}

/** `/id`, `/includes/N` or `/related/N`: where a value is a bulletin id. */
export const ID_POINTER = /^\/(id|(includes|related)\/\d+)$/;
export const FILE_NAME_POINTER = /^\/platforms\/(\d+)\/files\/(\d+)\/name$/;

export function hover(input: HoverInput): HoverResult | undefined {
  const { analysis, index, offset, locale } = input;
  const cvss = cvssHover(analysis, offset);
  if (cvss) return cvss;
  const hit = nodeAt(analysis.parsed, offset);
  if (!hit) return undefined;
  const value = hit.part === 'value' ? valueAtPointer(analysis.parsed.value, hit.pointer) : undefined;
  if (hit.part === 'value' && typeof value === 'string' && ID_POINTER.test(hit.pointer)) {
    return { markdown: idHover(value, analysis.bulletin, index, locale), range: hit.range };
  }
  const fileMatch = hit.part === 'value' && typeof value === 'string' ? FILE_NAME_POINTER.exec(hit.pointer) : null;
  if (fileMatch) {
    const markdown = fileHover(analysis, index, Number(fileMatch[1]), Number(fileMatch[2]), value as string, locale);
    if (markdown) return { markdown, range: hit.range };
  }
  if (hit.part === 'value' && FILE_VERSION_POINTER.test(hit.pointer)) {
    const markdown = versionHover(analysis, index, hit.pointer);
    if (markdown) return { markdown, range: hit.range };
  }
  const path = schemaPath(hit.pointer);
  const parentSchema = schemaAt(path.slice(0, -1));
  const schema = schemaAt(path);
  const name = pointerTokens(hit.pointer).pop() ?? '';
  const own = describe(keyDescriptionSource(path), locale) ?? describe(schema, locale);
  // A list item is described by its list's key.
  const description = own ?? (path[path.length - 1] === '*' ? describe(keyDescriptionSource(path.slice(0, -1)), locale) : undefined);
  if (hit.part === 'key') {
    if (!description) return undefined;
    const required = parentSchema?.required?.includes(name) ? ` (${msg(locale, 'authoring.required')})` : '';
    return { markdown: `**${name}**${required}\n\n${description}`, range: hit.range };
  }
  const choice = choicesOf(schema, analysis.bulletin.lang).find((c) => c.value === String(value));
  if (choice?.meaning) {
    const lines = [`\`${choice.value}\` — ${choice.meaning}`];
    if (description) lines.push('', `**${/^\d+$/.test(name) ? (pointerTokens(hit.pointer).slice(-2)[0] ?? '') : name}**: ${description}`);
    return { markdown: lines.join('\n'), range: hit.range };
  }
  // Any other value: what its key means.
  const owner = /^\d+$/.test(name) ? (pointerTokens(hit.pointer).slice(-2)[0] ?? '') : name;
  return description ? { markdown: `**${owner}**: ${description}`, range: hit.range } : undefined;
}

/** The property schema as written in its parent (its own description beats the `$ref` target's). */
function keyDescriptionSource(path: string[]) {
  if (path.length === 0) return rootSchema;
  const parent = schemaAt(path.slice(0, -1));
  const last = path[path.length - 1];
  if (last === '*') return resolve(parent?.items);
  return parent?.properties?.[last];
}

function valueAtPointer(root: unknown, pointer: string): unknown {
  let value = root;
  for (const token of pointerTokens(pointer)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[token];
  }
  return value;
}

function idHover(id: string, self: Bulletin, index: WorkspaceIndex, locale: Locale): string {
  const found = index.byId(id);
  if (found.length === 0) return msg(locale, 'hover.unknownId', { id });
  const parts = found.map((b) => bulletinSummary(b, locale, self.lang));
  if (found.length > 1) parts.unshift(msg(locale, 'hover.duplicateId', { count: found.length }));
  return parts.join('\n\n---\n\n');
}

interface Shipment {
  bulletin: Bulletin;
  version?: string;
  date?: string;
  size?: number;
}

function fileHover(analysis: Analysis, index: WorkspaceIndex, platformIndex: number, fileIndex: number, name: string, locale: Locale): string | undefined {
  const platform = (analysis.parsed.value as { platforms?: { id?: unknown; files?: { variant?: unknown }[] }[] }).platforms?.[platformIndex];
  const platformId = typeof platform?.id === 'string' ? platform.id : undefined;
  if (!platformId) return undefined;
  const variantValue = platform?.files?.[fileIndex]?.variant;
  const variant = typeof variantValue === 'string' ? variantValue : undefined;
  const wanted = name.toLowerCase();
  const rows: Shipment[] = [];
  for (const b of index.all()) {
    for (const p of b.platforms) {
      if (p.id !== platformId) continue;
      for (const f of p.files) {
        if (f.name.toLowerCase() === wanted && f.variant === variant) rows.push({ bulletin: b, version: f.version, date: f.date, size: f.size });
      }
    }
  }
  if (rows.length === 0) return undefined;
  const shipped = (r: Shipment) => ({ published: r.bulletin.published, id: r.bulletin.id, version: r.version });
  rows.sort((a, b) => newestFirst(shipped(a), shipped(b)));
  const label = variant ? `${name} (${variant})` : name;
  const head = `| ${msg(locale, 'hover.bulletin')} | ${msg(locale, 'hover.version')} | ${msg(locale, 'hover.date')} | ${msg(locale, 'hover.size')} |`;
  const lines = [msg(locale, 'hover.fileHistory', { name: label, platform: platformId }), '', head, '|---|---|---|---:|'];
  for (const r of rows) {
    const id = r.bulletin.id ?? '?';
    const own = r.bulletin.uri === analysis.bulletin.uri ? `**${id}**` : id;
    lines.push(`| ${own} | ${r.version ?? ''} | ${r.date ?? ''} | ${r.size !== undefined ? r.size.toLocaleString('en-US') : ''} |`);
  }
  return lines.join('\n');
}

/**
 * The table the seed page made by hand ("含まれるファイル MS04-012 MS04-029"), generated from
 * the workspace index for every bulletin named in `includes` or `related`: per platform both
 * bulletins cover, one row per file, the referenced bulletin's version first, then this one's.
 */
import type { Bulletin, BulletinFile, Platform, Ref } from '../model';
import type { WorkspaceIndex } from '../index/workspace-index';
import { compareVersions } from '../version';
import { escapeHtml } from './html';
import { label } from './labels';
import type { RenderContext } from './context';

export type RowStatus = 'same' | 'differs' | 'only-other' | 'only-self';

export interface ComparisonRow {
  name: string;
  variant?: string;
  /** Version in the referenced bulletin; `null` when the file is not in it. */
  other: string | null;
  /** Version in this bulletin; `null` when the file is not in it. */
  self: string | null;
  status: RowStatus;
}

export interface PlatformComparison {
  platformId: string;
  platformName: string;
  rows: ComparisonRow[];
}

export interface Comparison {
  ref: Ref;
  kind: 'includes' | 'related';
  /** Undefined when no bulletin in the workspace has this id. */
  other?: Bulletin;
  platforms: PlatformComparison[];
}

const fileKey = (file: BulletinFile) => `${file.name.toLowerCase()}\u0000${file.variant ?? ''}`;

function rowsFor(otherPlatform: Platform, selfPlatform: Platform): ComparisonRow[] {
  const rows = new Map<string, ComparisonRow>();
  for (const file of otherPlatform.files) {
    rows.set(fileKey(file), { name: file.name, variant: file.variant, other: file.version ?? '', self: null, status: 'only-other' });
  }
  for (const file of selfPlatform.files) {
    const row = rows.get(fileKey(file));
    if (row) row.self = file.version ?? '';
    else rows.set(fileKey(file), { name: file.name, variant: file.variant, other: null, self: file.version ?? '', status: 'only-self' });
  }
  for (const row of rows.values()) {
    if (row.other !== null && row.self !== null) {
      const same = row.other && row.self ? compareVersions(row.other, row.self) === 0 : row.other === row.self;
      row.status = same ? 'same' : 'differs';
    }
  }
  return [...rows.values()].sort(
    (a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || (a.variant ?? '').localeCompare(b.variant ?? ''),
  );
}

export function compareReferences(bulletin: Bulletin, index: WorkspaceIndex): Comparison[] {
  const refs: [Ref, 'includes' | 'related'][] = [
    ...bulletin.includes.map((ref): [Ref, 'includes'] => [ref, 'includes']),
    ...bulletin.related.map((ref): [Ref, 'related'] => [ref, 'related']),
  ];
  return refs.map(([ref, kind]) => {
    const other = index.byId(ref.id).find((candidate) => candidate.uri !== bulletin.uri);
    const platforms: PlatformComparison[] = [];
    if (other) {
      for (const selfPlatform of bulletin.platforms) {
        if (!selfPlatform.id) continue;
        const otherPlatform = other.platforms.find((p) => p.id === selfPlatform.id);
        if (!otherPlatform) continue;
        platforms.push({
          platformId: selfPlatform.id,
          platformName: selfPlatform.name ?? otherPlatform.name ?? selfPlatform.id,
          rows: rowsFor(otherPlatform, selfPlatform),
        });
      }
    }
    return { ref, kind, other, platforms };
  });
}

function versionCell(ctx: RenderContext, version: string | null, status: RowStatus, side: 'other' | 'self', newer: boolean): string {
  if (version === null) return `<td class="version absent">${escapeHtml(label(ctx.locale, 'render.comparison.absent'))}</td>`;
  const classes = ['version', status === 'differs' ? 'differs' : status === 'same' ? 'same' : 'only', newer ? 'newer' : ''].filter(Boolean);
  return `<td class="${classes.join(' ')}" data-side="${side}">${escapeHtml(version || '—')}</td>`;
}

export function renderComparison(ctx: RenderContext, comparison: Comparison, selfId: string): string {
  const { ref, kind, other } = comparison;
  const refLine = ctx.lineAtOffset(ref.range[0]);
  const heading = `<h3 data-line="${refLine}">${escapeHtml(label(ctx.locale, 'render.comparison', { id: ref.id }))}</h3>`;
  const findings = ctx.findingsHtml(ref.pointer);
  if (!other) {
    return `<section class="comparison" data-line="${refLine}">${heading}<p class="note">${escapeHtml(label(ctx.locale, 'render.comparison.missing', { id: ref.id }))}</p>${findings}</section>`;
  }
  const note = `<p class="relation relation-${kind}">${escapeHtml(label(ctx.locale, kind === 'includes' ? 'render.comparison.includes' : 'render.comparison.related', { id: ref.id }))}</p>`;
  if (comparison.platforms.length === 0) {
    return `<section class="comparison" data-line="${refLine}">${heading}${note}<p class="note">${escapeHtml(label(ctx.locale, 'render.comparison.noSharedPlatform', { id: ref.id }))}</p>${findings}</section>`;
  }
  const tables = comparison.platforms.map((platform) => {
    const rows = platform.rows.map((row) => {
      const order = row.other && row.self ? compareVersions(row.other, row.self) : 0;
      const name = escapeHtml(row.name) + (row.variant ? ` <span class="variant">(${escapeHtml(row.variant)})</span>` : '');
      return (
        `<tr class="row-${row.status}"><th scope="row">${name}</th>` +
        versionCell(ctx, row.other, row.status, 'other', order > 0) +
        versionCell(ctx, row.self, row.status, 'self', order < 0) +
        `</tr>`
      );
    });
    return (
      `<table class="comparison-table" data-platform="${escapeHtml(platform.platformId)}" data-line="${refLine}">` +
      `<caption>${escapeHtml(platform.platformName)}</caption>` +
      `<thead><tr><th scope="col">${escapeHtml(label(ctx.locale, 'render.comparison.file'))}</th>` +
      `<th scope="col">${escapeHtml(ref.id)}</th><th scope="col">${escapeHtml(selfId)}</th></tr></thead>` +
      `<tbody>${rows.join('')}</tbody></table>`
    );
  });
  return `<section class="comparison" data-line="${refLine}">${heading}${note}${tables.join('')}${findings}</section>`;
}


/**
 * bulletin + workspace index + findings → the page readers see, with the seed's structure.
 * Pure: no fs, no editor. Block elements carry `data-line` (0-based editor line) so the
 * preview and the editor can scroll together; every value is escaped.
 */
import type { ParsedDocument } from '../parse';
import type { Bulletin } from '../model';
import type { Problem } from '../problems';
import type { WorkspaceIndex } from '../index/workspace-index';
import type { Locale } from '../messages';
import { RenderContext } from './context';
import { escapeHtml } from './html';
import { label } from './labels';
import { renderMarkdown } from './markdown';
import { renderHeader } from './header';
import { renderPlatformDetails, renderPlatformList } from './platforms';
import { compareReferences, renderComparison } from './comparison';
import { isObj, list, str, type Obj } from './values';
import type { Change } from '../diff';
import { renderChangeList } from './revisions';
import { pagesBesideSources, refLinker, type PageLocations } from './links';
import { ADDED, entryClass, entryContent, REMOVED, removedEntry, setMembers, withRemoved } from './changes';

export interface RenderInput {
  parsed: ParsedDocument;
  bulletin: Bulletin;
  index: WorkspaceIndex;
  /** The checker's findings for this document (`checkBulletin`), shown beside their elements. */
  findings: readonly Problem[];
  /** Images from `https:` addresses as images; by default a link with the alt text (nothing is fetched). */
  allowRemoteImages?: boolean;
  /** Changes since the last commit, marked in place and listed at the top (`bulletin.preview.showChanges`). */
  changes?: readonly Change[];
  /** Where this page and the referenced bulletins' pages are, for links between them; by default each beside its source. */
  pages?: PageLocations;
}

export interface RenderedBulletin {
  /** The page body: one `<article>`. */
  html: string;
  /** Plain text for the panel and `<title>`. */
  title: string;
  lang: Locale;
}

function markdownSection(ctx: RenderContext, root: Obj, key: 'summary' | 'comment'): string {
  const text = str(root[key]);
  if (text === undefined) return '';
  const pointer = `/${key}`;
  let body = '';
  const location = ctx.parsed.nodes.get(pointer);
  if (text !== undefined && location) {
    const [start, end] = location.value;
    const indicator = ctx.parsed.text[start];
    // A block scalar's text starts on the line after `key: |`.
    const firstLine = ctx.lineAtOffset(start) + (indicator === '|' || indicator === '>' ? 1 : 0);
    body = renderMarkdown(text, firstLine, ctx.lineAtOffset(Math.max(start, end - 1)), ctx.allowRemoteImages);
  }
  const heading = escapeHtml(label(ctx.locale, key === 'summary' ? 'render.summary' : 'render.comment'));
  return `<section class="${key}"${ctx.dataLine(pointer)}><h2>${heading}</h2><div class="markdown">${body}</div>${ctx.findingsHtml(pointer)}</section>`;
}

/** A port; one added or removed since the last commit is marked. */
function port(value: unknown, mark: 'added' | 'removed' | undefined): string {
  if (mark === 'added') return `<span class="port ${ADDED}"><ins class="change-new">${escapeHtml(value)}</ins></span>`;
  if (mark === 'removed') return `<span class="port ${REMOVED}"><del class="change-old">${escapeHtml(value)}</del></span>`;
  return `<span class="port">${escapeHtml(value)}</span>`;
}

function ports(ctx: RenderContext, pointer: string, value: unknown): string {
  if (!isObj(value)) return '';
  const rows = (['udp', 'tcp'] as const)
    .filter((protocol) => Array.isArray(value[protocol]))
    .map(
      (protocol) =>
        `<tr${ctx.dataLine(`${pointer}/${protocol}`)}><th scope="row">${protocol.toUpperCase()}</th>` +
        `<td class="port-list">${setMembers(ctx, `${pointer}/${protocol}`, list(value[protocol]), port).join('')}${ctx.findingsHtml(`${pointer}/${protocol}`)}</td></tr>`,
    );
  return rows.length > 0 ? `<table class="ports"><caption>${escapeHtml(label(ctx.locale, 'render.ports'))}</caption><tbody>${rows.join('')}</tbody></table>` : '';
}

function workarounds(ctx: RenderContext, root: Obj): string {
  const current = list(root.workarounds).map((w, i) => {
    const pointer = `/workarounds/${i}`;
    if (!isObj(w)) return `<li${ctx.dataLine(pointer)}>${ctx.findingsHtml(pointer)}</li>`;
    const note = str(w.note);
    return (
      `<li${entryClass(ctx, pointer, 'workaround')}${ctx.dataLine(pointer)}>${entryContent(ctx, pointer, `<h3>${escapeHtml(str(w.title) ?? '')}</h3>`)}` +
      ports(ctx, `${pointer}/ports`, w.ports) +
      (note ? `<p class="note"${ctx.dataLine(`${pointer}/note`)}>${ctx.marked(`${pointer}/note`, escapeHtml(note))}</p>` : '') +
      `${ctx.findingsHtml(pointer)}</li>`
    );
  });
  // Workarounds removed since the last commit, struck through where they were.
  const all = withRemoved(current, ctx.changesOf('workaround', (c) => c.kind === 'removed'), (c) => {
    const was = isObj(c.was) ? c.was : {};
    const note = str(was.note);
    return removedEntry(ctx, c, 'li', 'workaround', `<h3>${escapeHtml(str(was.title) ?? '')}</h3>${note ? `<p class="note">${escapeHtml(note)}</p>` : ''}`);
  });
  if (all.length === 0) return '';
  return `<section class="workarounds"${ctx.dataLine('/workarounds')}><h2>${escapeHtml(label(ctx.locale, 'render.workarounds'))}</h2><ul class="workaround-list">${all.join('')}</ul>${ctx.findingsHtml('/workarounds')}</section>`;
}

export function renderBulletin(input: RenderInput): RenderedBulletin {
  const { parsed, bulletin, index, findings } = input;
  const locale: Locale = bulletin.lang;
  const ctx = new RenderContext(locale, parsed, findings);
  ctx.allowRemoteImages = input.allowRemoteImages === true;
  ctx.changes = input.changes;
  ctx.refLink = refLinker(bulletin, index, input.pages ?? pagesBesideSources(bulletin.uri));
  const root: Obj = isObj(parsed.value) ? parsed.value : {};
  const title = str(root.title) ?? str(root.id) ?? label(locale, 'render.noTitle');

  const parts: string[] = [];
  if (Object.keys(root).length === 0) {
    parts.push(`<p class="note empty-document">${escapeHtml(label(locale, 'render.emptyDocument'))}</p>`);
  } else {
    parts.push(renderHeader(ctx, root, bulletin));
    parts.push(markdownSection(ctx, root, 'summary'));
    parts.push(renderPlatformList(ctx, root));
    const selfId = bulletin.id ?? str(root.id) ?? '';
    const comparisons = compareReferences(bulletin, index).map((c) => renderComparison(ctx, c, selfId)).join('');
    parts.push(markdownSection(ctx, root, 'comment'));
    // The tables are the workspace's facts, not the editors' words: a section of their own.
    if (comparisons) parts.push(`<section class="comparisons"><h2>${escapeHtml(label(locale, 'render.comparisons'))}</h2>${comparisons}</section>`);
    parts.push(renderPlatformDetails(ctx, root, bulletin.platforms));
    parts.push(workarounds(ctx, root));
  }
  // Findings no element claimed (a syntax error at the top, an unknown root key) lead the page.
  const rest = ctx.findingList(ctx.takeFindings(''));
  const general = rest ? `<aside class="general-findings"><h2>${escapeHtml(label(locale, 'render.findings'))}</h2>${rest}</aside>` : '';
  const changes = input.changes ? renderChangeList(ctx, input.changes) : '';
  const html = `<article class="bulletin" lang="${locale}">${changes}${general}${parts.join('')}</article>`;
  return { html, title, lang: locale };
}

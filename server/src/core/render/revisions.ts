/**
 * The revision history (改訂履歴) under the dates, oldest first as written, and the status of a
 * bulletin that is not final yet. Its words are registered here, in the bulletin's language.
 */
import { msg, registerMessages } from '../messages';
import type { RenderContext } from './context';
import { escapeHtml, formatDate } from './html';
import { isObj, list, str, type Obj } from './values';
import type { Change } from '../diff';

registerMessages({
  en: { 'render.changes': 'Changes since the last commit', 'render.noChanges': 'No change since the last commit.', 'render.revisions': 'Revision history', 'render.status.draft': 'Draft', 'render.status.interim': 'Interim (more revisions expected)' },
  ja: { 'render.changes': '前回のコミットからの変更', 'render.noChanges': '前回のコミットから変更はありません。', 'render.revisions': '改訂履歴', 'render.status.draft': '下書き', 'render.status.interim': '暫定版 (今後も更新予定)' },
});

/** The dates a bulletin dated by `revisions` alone shows in place of `published` / `updated`. */
export function revisionDates(root: Obj): { published?: [string, string]; updated?: [string, string] } {
  const items = list(root.revisions);
  const dated: [string, string][] = [];
  items.forEach((item, i) => {
    const date = isObj(item) ? str(item.date) : undefined;
    if (date !== undefined) dated.push([date, `/revisions/${i}`]);
  });
  if (dated.length === 0) return {};
  return { published: [dated[0][0], dated[0][1]], ...(dated.length > 1 ? { updated: [dated[dated.length - 1][0], dated[dated.length - 1][1]] } : {}) };
}

export function renderRevisions(ctx: RenderContext, root: Obj): string {
  const { locale } = ctx;
  const status = str(root.status);
  const statusText = status === 'draft' ? msg(locale, 'render.status.draft') : status === 'interim' ? msg(locale, 'render.status.interim') : undefined;
  const statusLine = statusText ? `<p class="bulletin-status status-${status}"${ctx.dataLine('/status')}>${escapeHtml(statusText)}${ctx.findingsHtml('/status')}</p>` : '';
  const items = list(root.revisions);
  if (items.length === 0) return statusLine;
  const rows = items.map((item, i) => {
    const pointer = `/revisions/${i}`;
    if (!isObj(item)) return `<li${ctx.dataLine(pointer)}>${ctx.findingsHtml(pointer)}</li>`;
    const date = str(item.date);
    return (
      `<li class="revision"${ctx.dataLine(pointer)}>` +
      `<span class="revision-number">${i + 1}.</span> ` +
      (date !== undefined ? `<time class="revision-date" datetime="${escapeHtml(date)}">${escapeHtml(formatDate(locale, date))}</time> ` : '') +
      `<span class="revision-summary">${escapeHtml(str(item.summary) ?? '')}</span>${ctx.findingsHtml(pointer)}</li>`
    );
  });
  return (
    statusLine +
    `<section class="revision-history"${ctx.dataLine('/revisions')}><h2>${escapeHtml(msg(locale, 'render.revisions'))}</h2>` +
    `<ol class="revisions">${rows.join('')}</ol>${ctx.findingsHtml('/revisions')}</section>`
  );
}

/** The changes since the last commit, each linked to its line (what was removed has no place of its own on the page). */
export function renderChangeList(ctx: RenderContext, changes: readonly Change[]): string {
  const heading = `<h2>${escapeHtml(msg(ctx.locale, 'render.changes'))}</h2>`;
  if (changes.length === 0) return `<aside class="changes">${heading}<p>${escapeHtml(msg(ctx.locale, 'render.noChanges'))}</p></aside>`;
  const items = changes.map((c) => `<li class="change change-${c.kind}" data-line="${ctx.lineAtOffset(c.range[0])}">${escapeHtml(c.label)}</li>`);
  return `<aside class="changes">${heading}<ul>${items.join('')}</ul></aside>`;
}

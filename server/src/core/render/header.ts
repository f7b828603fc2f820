/**
 * The top of the page, as the seed lays it out: id, KB and dates; then the facts box
 * (severity meter, exploit code, action, restart, uninstall, targets, advisories, included
 * and related bulletins, vulnerabilities with their impacts); then the urgency scale.
 */
import type { Bulletin } from '../model';
import type { RenderContext } from './context';
import { classToken, escapeHtml, formatDate, safeUrl } from './html';
import { enumLabel, label, type LabelKey } from './labels';
import { isObj, list, str, type Obj } from './values';
import { renderRevisions, revisionDates } from './revisions';
import { renderVulnerabilityScores } from './cvss';
import { ADDED, entryClass, entryContent, REMOVED, removedEntry, setMembers, withRemoved } from './changes';

const SEVERITIES = ['critical', 'important', 'moderate', 'low'];
const URGENCIES = ['wait-for-sp', 'early', 'urgent'];
const TARGETS = ['server', 'client'];

export function renderHeader(ctx: RenderContext, root: Obj, bulletin: Bulletin): string {
  const { locale } = ctx;
  const id = str(root.id);
  const kb = root.kb;
  const title = str(root.title);
  const idLine = id !== undefined ? `<span class="bulletin-id"${ctx.dataLine('/id')}>${escapeHtml(id)}</span>` : '';
  const kbLine = typeof kb === 'number' || typeof kb === 'string' ? `<span class="bulletin-kb"${ctx.dataLine('/kb')}>${escapeHtml(label(locale, 'render.kb'))}${escapeHtml(kb)}</span>` : '';
  const fromRevisions = revisionDates(root);
  const dates = (['published', 'updated'] as const)
    .map((key) => {
      const written = str(root[key]);
      const [date, pointer]: [string | undefined, string] = written !== undefined ? [written, `/${key}`] : (fromRevisions[key] ?? [undefined, '']);
      return date === undefined ? '' : `<span class="date date-${key}"${ctx.dataLine(pointer)}>【${escapeHtml(label(locale, `render.${key}`))}】${ctx.marked(pointer, escapeHtml(formatDate(locale, date)))}</span>`;
    })
    .join('');
  const findings = ctx.findingsHtml('/id') + ctx.findingsHtml('/kb') + ctx.findingsHtml('/title') + ctx.findingsHtml('/published') + ctx.findingsHtml('/updated') + ctx.findingsHtml('/lang') + ctx.findingsHtml('/bulletin');
  return (
    `<header class="bulletin-header"${ctx.dataLine('/id') || ctx.dataLine('')}>` +
    `<p class="bulletin-ids">${idLine}${kbLine}</p>` +
    `<h1${ctx.dataLine('/title')}>${ctx.marked('/title', escapeHtml(title ?? label(locale, 'render.noTitle')))}</h1>` +
    `<p class="bulletin-dates">${dates}</p>${renderRevisions(ctx, root)}${findings}</header>` +
    renderFacts(ctx, root, bulletin)
  );
}

function row(ctx: RenderContext, key: string, labelKey: LabelKey, content: string): string {
  const pointer = `/${key}`;
  const worst = ctx.worstUnder(pointer);
  return (
    `<tr class="fact fact-${key}${worst ? ` has-${worst}` : ''}"${ctx.dataLine(pointer)}>` +
    `<th scope="row">${escapeHtml(label(ctx.locale, labelKey))}</th><td>${ctx.marked(pointer, content)}${ctx.findingsHtml(pointer)}</td></tr>`
  );
}

/** A step meter: every step shown, the chosen one marked (and announced to screen readers). */
function meter(ctx: RenderContext, kind: string, steps: string[], chosen: unknown, prefix: string, numbered: boolean): string {
  const items = steps.map((step, i) => {
    const current = step === chosen;
    const text = enumLabel(ctx.locale, prefix, step);
    const body = numbered ? `${i + 1}(${escapeHtml(text)})` : escapeHtml(text);
    return `<li class="step step-${i + 1}${current ? ' current' : ''}" data-value="${escapeHtml(step)}"${current ? ' aria-current="true"' : ''}>${body}</li>`;
  });
  const unknown = typeof chosen === 'string' && !steps.includes(chosen) ? `<span class="unknown-value">${escapeHtml(chosen)}</span>` : '';
  return `<ol class="meter meter-${kind}">${items.join('')}</ol>${unknown}`;
}

function enumText(ctx: RenderContext, prefix: string, value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'boolean') return '';
  return escapeHtml(enumLabel(ctx.locale, prefix, String(value)));
}

function advisoryLinks(ctx: RenderContext, advisories: unknown[]): string {
  const items = advisories.map((advisory, i) => {
    const pointer = `/advisories/${i}`;
    if (!isObj(advisory)) return `<li${ctx.dataLine(pointer)}>${ctx.findingsHtml(pointer)}</li>`;
    const text = str(advisory.label) ?? str(advisory.url) ?? '';
    const url = safeUrl(advisory.url);
    const shown = ctx.marked(`${pointer}/label`, escapeHtml(text));
    const link = url
      ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${shown}</a>`
      : `<span class="unsafe-link">${shown}</span>${str(advisory.url) && text !== str(advisory.url) ? ` <code>${escapeHtml(advisory.url)}</code>` : ''}`;
    return `<li${entryClass(ctx, pointer)}${ctx.dataLine(pointer)}>${entryContent(ctx, pointer, link)}${ctx.findingsHtml(pointer)}</li>`;
  });
  // An advisory removed since the last commit: its label struck through where it was (no link to follow).
  const all = withRemoved(items, ctx.changesOf('advisory', (c) => c.kind === 'removed'), (c) => {
    const was = isObj(c.was) ? c.was : {};
    return removedEntry(ctx, c, 'li', '', escapeHtml(str(was.label) ?? str(was.url) ?? ''));
  });
  return `<ul class="advisories">${all.join('')}</ul>`;
}

/** An id that names a bulletin of the workspace links to its page (and, in the preview, opens it); any other stays text. */
function refLink(ctx: RenderContext, ref: unknown): string {
  const link = typeof ref === 'string' ? ctx.refLink(ref) : undefined;
  if (!link) return escapeHtml(ref);
  const source = link.source === undefined ? '' : ` data-source="${escapeHtml(link.source)}"`;
  return `<a class="bulletin-ref" href="${escapeHtml(link.href)}"${source}>${escapeHtml(ref)}</a>`;
}

function refList(ctx: RenderContext, key: 'includes' | 'related', refs: unknown[]): string {
  const removed = ctx.changesOf(key, (c) => c.kind === 'removed');
  if (refs.length === 0 && removed.length === 0) return escapeHtml(label(ctx.locale, 'render.none'));
  const items = refs.map((ref, i) => `<li${entryClass(ctx, `/${key}/${i}`)}${ctx.dataLine(`/${key}/${i}`)}>${entryContent(ctx, `/${key}/${i}`, refLink(ctx, ref))}</li>`);
  return `<ul class="refs">${withRemoved(items, removed, (c) => removedEntry(ctx, c, 'li', '', escapeHtml(c.was))).join('')}</ul>`;
}

function vulnerabilities(ctx: RenderContext, vulns: unknown[]): string {
  const items = vulns.map((vuln, i) => {
    const pointer = `/vulnerabilities/${i}`;
    if (!isObj(vuln)) return `<li${ctx.dataLine(pointer)}>${ctx.findingsHtml(pointer)}</li>`;
    const impacts = setMembers(ctx, `${pointer}/impact`, list(vuln.impact), (impact, mark) => {
      const text = enumText(ctx, 'render.impact', impact);
      const cls = `impact impact-${classToken(impact)}${mark === 'added' ? ` ${ADDED}` : mark === 'removed' ? ` ${REMOVED}` : ''}`;
      return `<li class="${cls}">${mark === 'added' ? `<ins class="change-new">${text}</ins>` : mark === 'removed' ? `<del class="change-old">${text}</del>` : text}</li>`;
    }).join('');
    const heading = `<span class="vuln-id">${escapeHtml(str(vuln.id) ?? '')}</span> <span class="vuln-title">${ctx.marked(`${pointer}/title`, escapeHtml(str(vuln.title) ?? ''))}</span>`;
    return (
      `<li${entryClass(ctx, pointer, 'vulnerability')}${ctx.dataLine(pointer)}>${entryContent(ctx, pointer, heading)}` +
      (impacts ? `<ul class="impacts">${impacts}</ul>` : '') +
      renderVulnerabilityScores(ctx, vuln, pointer) +
      `${ctx.findingsHtml(pointer)}</li>`
    );
  });
  // A vulnerability gone since the last commit: its id and title struck through where it was.
  const removed = withRemoved(items, ctx.changesOf('vulnerability', (c) => c.kind === 'removed'), (c) => {
    const was = isObj(c.was) ? c.was : {};
    return removedEntry(ctx, c, 'li', 'vulnerability', `<span class="vuln-id">${escapeHtml(str(was.id) ?? '')}</span> <span class="vuln-title">${escapeHtml(str(was.title) ?? '')}</span>`);
  });
  return `<ul class="vulnerabilities">${removed.join('')}</ul>`;
}

function renderFacts(ctx: RenderContext, root: Obj, bulletin: Bulletin): string {
  const rows: string[] = [];
  const has = (key: string) => root[key] !== undefined;
  rows.push(row(ctx, 'severity', 'render.severity', meter(ctx, 'severity', SEVERITIES, root.severity, 'render.severity', true)));
  if (has('exploit')) rows.push(row(ctx, 'exploit', 'render.exploit', enumText(ctx, 'render.exploit', root.exploit)));
  if (has('urgency')) rows.push(row(ctx, 'urgency', 'render.urgency', enumText(ctx, 'render.urgency', root.urgency)));
  if (has('restart')) rows.push(row(ctx, 'restart', 'render.restart', enumText(ctx, 'render.restart', root.restart)));
  if (has('uninstall')) rows.push(row(ctx, 'uninstall', 'render.uninstall', enumText(ctx, 'render.uninstall', root.uninstall)));
  if (has('targets')) {
    const chosen = new Set(list(root.targets));
    const extra = [...chosen].filter((t) => typeof t !== 'string' || !TARGETS.includes(t));
    const items = [...TARGETS, ...extra].map(
      (t) => `<li class="${chosen.has(t) ? 'chosen' : 'not-chosen'}"${chosen.has(t) ? ' aria-current="true"' : ''}>${enumText(ctx, 'render.targets', t)}</li>`,
    );
    rows.push(row(ctx, 'targets', 'render.targets', `<ul class="targets">${items.join('')}</ul>`));
  }
  if (has('advisories')) rows.push(row(ctx, 'advisories', 'render.advisories', advisoryLinks(ctx, list(root.advisories))));
  rows.push(row(ctx, 'includes', 'render.includes', refList(ctx, 'includes', list(root.includes))));
  if (bulletin.related.length > 0 || has('related')) rows.push(row(ctx, 'related', 'render.related', refList(ctx, 'related', list(root.related))));
  if (has('vulnerabilities')) rows.push(row(ctx, 'vulnerabilities', 'render.vulnerabilities', vulnerabilities(ctx, list(root.vulnerabilities))));
  let html = `<table class="facts"><tbody>${rows.join('')}</tbody></table>`;
  if (has('urgency')) {
    html +=
      `<section class="urgency"${ctx.dataLine('/urgency')}>` +
      `<h2>${escapeHtml(label(ctx.locale, 'render.urgencyScale'))}: ${enumText(ctx, 'render.urgency', root.urgency)}</h2>` +
      meter(ctx, 'urgency', URGENCIES, root.urgency, 'render.urgency', false) +
      `<p class="explanation">${escapeHtml(label(ctx.locale, 'render.urgencyExplained'))}</p></section>`;
  }
  return html;
}

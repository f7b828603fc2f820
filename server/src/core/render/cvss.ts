/**
 * CVSS and CWE beside each vulnerability: per vector its version, computed score and
 * severity, and the vector itself; the CWE id with its name. A vector that does not score
 * is shown as written, marked as not scored (its finding says why).
 */
import { scoreVector } from '../cvss/score';
import { severityLabel } from '../cvss/labels';
import { weaknessOf } from '../cwe';
import { msg, registerMessages } from '../messages';
import type { RenderContext } from './context';
import { classToken, escapeHtml } from './html';
import { isObj, list, str, type Obj } from './values';
import type { Change } from '../diff';
import { ADDED, removedEntry, withRemoved } from './changes';

registerMessages({
  en: { 'render.cvssNotScored': 'not scored' },
  ja: { 'render.cvssNotScored': '評価できません' },
});

function scoreItem(ctx: RenderContext, vector: string, at: string | undefined, mark: 'added' | 'removed' | undefined, removed?: Change): string {
  const score = scoreVector(vector);
  const version = /^CVSS:(\d\.\d)/.exec(vector)?.[1] ?? '?';
  const head = `<span class="cvss-version">CVSS ${escapeHtml(version)}</span>`;
  const body = score
    ? `<span class="cvss-score">${score.score.toFixed(1)}</span> <span class="cvss-severity">${escapeHtml(severityLabel(score.severity, ctx.locale))}</span>`
    : `<span class="cvss-severity">${escapeHtml(msg(ctx.locale, 'render.cvssNotScored'))}</span>`;
  const cls = score ? `cvss severity-${classToken(score.severity)}` : 'cvss cvss-invalid';
  const content = `${head} ${body} <code class="cvss-vector">${escapeHtml(vector)}</code>`;
  if (removed) return removedEntry(ctx, removed, 'li', cls, content);
  const marked = mark === 'added' ? `<li class="${cls} ${ADDED}"${ctx.dataLine(at!)}><ins class="change-new">${content}</ins>` : `<li class="${cls}"${ctx.dataLine(at!)}>${content}`;
  return `${marked}${ctx.findingsHtml(at!)}</li>`;
}

const vectorOf = (entry: unknown) => (isObj(entry) ? str(entry.vector) : undefined);

export function renderVulnerabilityScores(ctx: RenderContext, vuln: Obj, pointer: string): string {
  // Since the last commit, a vector is added or removed as a whole (a changed metric is both).
  const change = ctx.changeAt(`${pointer}/cvss`);
  const before = change ? list(change.was).map(vectorOf) : undefined;
  const now = list(vuln.cvss).map(vectorOf);
  const rows = now.flatMap((vector, i) => (vector === undefined ? [] : [scoreItem(ctx, vector, `${pointer}/cvss/${i}`, before && !before.includes(vector) ? 'added' : undefined)]));
  const gone = (before ?? []).flatMap((vector, i) => (vector === undefined || now.includes(vector) ? [] : [{ ...change!, wasIndex: i, was: vector }]));
  const scores = withRemoved(rows, gone, (c) => scoreItem(ctx, String(c.was), undefined, 'removed', c)).join('');
  const cweId = str(vuln.cwe);
  const weakness = cweId ? weaknessOf(cweId) : undefined;
  const cweText = cweId !== undefined ? `${escapeHtml(cweId)}${weakness ? ` <span class="cwe-name">${escapeHtml(weakness.name)}</span>` : ''}` : '';
  let cwe = cweId !== undefined ? `<span class="cwe"${ctx.dataLine(`${pointer}/cwe`)}>${ctx.marked(`${pointer}/cwe`, cweText)}</span>` : '';
  // A CWE removed since the last commit has no node: shown struck through in its place.
  const id = str(vuln.id);
  const removedCwe = cweId === undefined ? ctx.changesOf('vulnerability', (c) => c.kind === 'removed' && c.field === 'cwe' && c.identity[1] === id)[0] : undefined;
  if (removedCwe) cwe = removedEntry(ctx, removedCwe, 'span', 'cwe', escapeHtml(removedCwe.was));
  return (cwe ? ` ${cwe}` : '') + (scores ? `<ul class="cvss-scores">${scores}</ul>` : '');
}

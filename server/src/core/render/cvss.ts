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

registerMessages({
  en: { 'render.cvssNotScored': 'not scored' },
  ja: { 'render.cvssNotScored': '評価できません' },
});

export function renderVulnerabilityScores(ctx: RenderContext, vuln: Obj, pointer: string): string {
  const rows = list(vuln.cvss).map((entry, i) => {
    const at = `${pointer}/cvss/${i}`;
    const vector = isObj(entry) ? str(entry.vector) : undefined;
    if (vector === undefined) return '';
    const score = scoreVector(vector);
    const version = /^CVSS:(\d\.\d)/.exec(vector)?.[1] ?? '?';
    const head = `<span class="cvss-version">CVSS ${escapeHtml(version)}</span>`;
    const body = score
      ? `<span class="cvss-score">${score.score.toFixed(1)}</span> <span class="cvss-severity">${escapeHtml(severityLabel(score.severity, ctx.locale))}</span>`
      : `<span class="cvss-severity">${escapeHtml(msg(ctx.locale, 'render.cvssNotScored'))}</span>`;
    const cls = score ? `cvss severity-${classToken(score.severity)}` : 'cvss cvss-invalid';
    return `<li class="${cls}"${ctx.dataLine(at)}>${head} ${body} <code class="cvss-vector">${escapeHtml(vector)}</code>${ctx.findingsHtml(at)}</li>`;
  });
  const scores = rows.filter(Boolean).join('');
  const cweId = str(vuln.cwe);
  const weakness = cweId ? weaknessOf(cweId) : undefined;
  const cwe = cweId !== undefined ? `<span class="cwe"${ctx.dataLine(`${pointer}/cwe`)}>${escapeHtml(cweId)}${weakness ? ` <span class="cwe-name">${escapeHtml(weakness.name)}</span>` : ''}</span>` : '';
  return (cwe ? ` ${cwe}` : '') + (scores ? `<ul class="cvss-scores">${scores}</ul>` : '');
}

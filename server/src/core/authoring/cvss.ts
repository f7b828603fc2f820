/**
 * The editor's help with CVSS vectors and CWE ids: hover on a vector (version, score,
 * severity, each metric in words) or on one metric, completion inside a vector (the next
 * metric, then its values) and of CWE ids by number or by words of the name, and the score
 * and severity shown after each vector (inlay hints, or code lenses). Words are in the
 * bulletin's language.
 */
import type { Analysis } from '../analyze';
import type { CvssEntry } from '../model';
import { lineIndexAt } from '../text';
import { entryOf, itemOf, type NodeLocation, type Range } from '../parse';
import { metricOf, metricsOf, type Metric } from '../cvss/metrics';
import { parseVector } from '../cvss/parse';
import { scoreVector, type CvssScore } from '../cvss/score';
import { severityLabel } from '../cvss/labels';
import { searchWeaknesses, weaknessOf } from '../cwe';
import { faultReason, validAsMessage } from '../rules/cvss-vector';
import { msg, registerMessages, type Locale } from '../messages';
import type { CompletionProposal } from './completion';
import type { HoverResult } from './hover';

registerMessages({
  en: {
    'cvss.hover.title': '**CVSS {version}** — {what} **{score}** ({severity})',
    'cvss.hover.nomenclature': 'Scored as {nomenclature}.',
    'cvss.hover.invalid': '**CVSS** — not scored: {reason}',
    'cvss.hover.metric': 'Metric',
    'cvss.hover.value': 'Value',
    'cvss.hover.values': 'Values',
    'cvss.hover.group.base': 'base metric',
    'cvss.hover.group.temporal': 'temporal metric',
    'cvss.hover.group.threat': 'threat metric',
    'cvss.hover.group.environmental': 'environmental metric',
    'cvss.hover.group.supplemental': 'supplemental metric',
    'cvss.completion.prefix': 'CVSS {version} vector',
    'cvss.hint': '{score} {severity}',
  },
  ja: {
    'cvss.hover.title': '**CVSS {version}** — {what} **{score}** (深刻度 {severity})',
    'cvss.hover.nomenclature': '{nomenclature} として評価。',
    'cvss.hover.invalid': '**CVSS** — 評価できません: {reason}',
    'cvss.hover.metric': '評価基準',
    'cvss.hover.value': '値',
    'cvss.hover.values': '取り得る値',
    'cvss.hover.group.base': '基本評価基準',
    'cvss.hover.group.temporal': '現状評価基準',
    'cvss.hover.group.threat': '脅威評価基準',
    'cvss.hover.group.environmental': '環境評価基準',
    'cvss.hover.group.supplemental': '補助評価基準',
    'cvss.completion.prefix': 'CVSS {version} ベクトル',
    'cvss.hint': '{score} {severity}',
  },
});

/** A `vector` or `cwe` value of a vulnerability, found in the parse. */
interface Found {
  kind: 'vector' | 'cwe';
  /** The entry's location (its key on the line). */
  location: NodeLocation;
  /** The bulletin's CVSS entry (vector only). */
  entry?: CvssEntry;
}

/** The `vector` or `cwe` entry whose key is on the cursor's line. */
function findAt(analysis: Analysis, offset: number): Found | undefined {
  const { parsed, bulletin } = analysis;
  const line = lineIndexAt(parsed.lineStarts, offset);
  const onLine = (loc: NodeLocation | undefined) => loc?.key !== undefined && lineIndexAt(parsed.lineStarts, loc.key[0]) === line;
  const vulns = entryOf(parsed.root, 'vulnerabilities');
  for (let i = 0; i < (vulns?.children?.length ?? 0); i++) {
    const item = itemOf(vulns, i);
    const cwe = entryOf(item, 'cwe');
    if (onLine(cwe)) return { kind: 'cwe', location: cwe! };
    const cvss = entryOf(item, 'cvss');
    for (let j = 0; j < (cvss?.children?.length ?? 0); j++) {
      const vector = entryOf(itemOf(cvss, j), 'vector');
      if (!onLine(vector)) continue;
      const entry = bulletin.vulnerabilities.flatMap((v) => v.cvss).find((e) => e.pointer === `/vulnerabilities/${i}/cvss/${j}`);
      return { kind: 'vector', location: vector!, entry };
    }
  }
  return undefined;
}

function scoreTitle(score: CvssScore, lang: Locale): string {
  const what = msg(lang, score.version === '4.0' ? 'cvss.label.score4' : 'cvss.label.baseScore');
  return msg(lang, 'cvss.hover.title', { version: score.version, what, score: score.score.toFixed(1), severity: severityLabel(score.severity, lang) });
}

function metricHover(metric: Metric, value: string | undefined, lang: Locale): string {
  const chosen = metric.values.find((v) => v.code === value);
  const group = msg(lang, `cvss.hover.group.${metric.group}`);
  const lines = [`**${metric.key}** — ${metric.name[lang]} (${group})`, '', metric.meaning[lang]];
  if (chosen) lines.push('', `${msg(lang, 'cvss.hover.value')}: \`${chosen.code}\` — ${chosen.name[lang]}`);
  lines.push('', `${msg(lang, 'cvss.hover.values')}: ${metric.values.map((v) => `\`${v.code}\` ${v.name[lang]}`).join(', ')}`);
  return lines.join('\n');
}

/** Hover on a vector (the whole vector, or the metric under the cursor) or on a CWE id. */
export function cvssHover(analysis: Analysis, offset: number): HoverResult | undefined {
  const found = findAt(analysis, offset);
  if (!found || !within(found.location.value, offset)) return undefined;
  const lang = analysis.bulletin.lang;
  const valueRange = found.location.value;
  if (found.kind === 'cwe') {
    const id = analysis.bulletin.vulnerabilities.find((v) => v.cweRange?.[0] === valueRange[0])?.cwe;
    const weakness = id ? weaknessOf(id) : undefined;
    return weakness ? { markdown: `**${weakness.id}** — ${weakness.name}`, range: valueRange } : undefined;
  }
  const entry = found.entry;
  if (!entry?.vector) return undefined;
  const vector = entry.vector;
  const parsed = parseVector(vector);
  if (entry.vectorAt !== undefined && parsed.version) {
    const at = offset - entry.vectorAt;
    const token = parsed.metrics.find((t) => at >= t.start && at < t.end);
    const metric = token && metricOf(parsed.version, token.key);
    if (token && metric) return { markdown: metricHover(metric, token.value, lang), range: [entry.vectorAt + token.start, entry.vectorAt + token.end] };
  }
  const score = scoreVector(vector, parsed);
  if (!score) {
    // Every fault, not only the first: an author fixing `AV:X` should see the missing metrics too.
    // The advice to change the prefix, which each fault of a misprefixed vector carries, once.
    const reasons = [...new Set(parsed.faults.map((fault) => faultReason(fault, vector, parsed.version, lang)))];
    const advice = parsed.validAs ? validAsMessage(parsed.validAs, lang).trim() : '';
    const reason = reasons.length === 1 ? reasons[0] + (advice ? `${lang === 'ja' ? '' : ' '}${advice}` : '') : `\n\n${reasons.map((r) => `- ${r}`).join('\n')}${advice ? `\n\n${advice}` : ''}`;
    return { markdown: msg(lang, 'cvss.hover.invalid', { reason }), range: valueRange };
  }
  const lines = [scoreTitle(score, lang)];
  if (score.nomenclature) lines.push('', msg(lang, 'cvss.hover.nomenclature', { nomenclature: score.nomenclature }));
  lines.push('', `| ${msg(lang, 'cvss.hover.metric')} | ${msg(lang, 'cvss.hover.value')} |`, '|---|---|');
  for (const token of parsed.metrics) {
    const metric = metricOf(score.version, token.key)!;
    const value = metric.values.find((v) => v.code === token.value)!;
    lines.push(`| \`${metric.key}\` ${metric.name[lang]} | \`${value.code}\` ${value.name[lang]} |`);
  }
  return { markdown: lines.join('\n'), range: valueRange };
}

const within = (range: Range, offset: number) => offset >= range[0] && offset <= range[1];

/**
 * Completion in a vector (the prefix; then the next metric, base metrics first and 4.0 in the
 * specification's order; after `KEY:` its values with their meanings) or in a `cwe` value
 * (ids by number or by words of the name). Undefined where the cursor is in neither.
 */
export function cvssCompletion(analysis: Analysis, offset: number): CompletionProposal[] | undefined {
  const found = findAt(analysis, offset);
  if (!found) return undefined;
  const { text } = analysis.parsed;
  const key = found.location.key!;
  const lineBefore = text.slice(key[0], offset);
  const lang = analysis.bulletin.lang;
  const match = /^(?:vector|cwe)[ \t]*:[ \t]*(["']?)([^"'#]*)$/.exec(lineBefore);
  if (!match) return undefined;
  const typed = match[2];
  const typedStart = offset - typed.length;
  if (found.kind === 'cwe') {
    return searchWeaknesses(typed).map((w, i) => ({
      label: w.id,
      kind: 'value' as const,
      detail: w.name,
      documentation: `**${w.id}** — ${w.name}`,
      insertText: w.id,
      replace: [typedStart, offset + restOfScalar(text, offset)] as Range,
      sortText: String(i).padStart(4, '0'),
      // The list is filtered here, by number or words; the editor keeps every proposal for what is typed.
      filterText: typed,
      incomplete: true,
    }));
  }
  if (/\s/.test(typed)) return [];
  const slash = typed.lastIndexOf('/');
  if (slash < 0) {
    return (['3.1', '4.0', '3.0'] as const).map((version, i) => ({
      label: `CVSS:${version}/`,
      kind: 'metric' as const,
      detail: msg(lang, 'cvss.completion.prefix', { version }),
      insertText: `CVSS:${version}/`,
      replace: [typedStart, offset] as Range,
      sortText: String(i),
      retrigger: true,
    }));
  }
  const version = parseVector(typed.slice(0, slash)).version ?? /^CVSS:(3\.0|3\.1|4\.0)/.exec(typed)?.[1];
  if (version !== '3.0' && version !== '3.1' && version !== '4.0') return [];
  const table = metricsOf(version);
  const part = typed.slice(slash + 1);
  const partStart = typedStart + slash + 1;
  const colon = part.indexOf(':');
  if (colon >= 0) {
    const metric = metricOf(version, part.slice(0, colon));
    if (!metric) return [];
    return metric.values.map((v, i) => ({
      label: v.code,
      kind: 'metric' as const,
      detail: `${metric.key}: ${v.name[lang]}`,
      documentation: metricHover(metric, v.code, lang),
      insertText: v.code,
      replace: [partStart + colon + 1, offset] as Range,
      sortText: String(i).padStart(2, '0'),
    }));
  }
  const used = new Set(typed.split('/').slice(1, -1).map((p) => p.split(':')[0]));
  const lastIndex = Math.max(-1, ...[...used].map((k) => table.findIndex((m) => m.key === k)));
  const free = table.filter((m, i) => !used.has(m.key) && (version !== '4.0' || i > lastIndex));
  // The next metric first: base metrics still missing, in the specification's order.
  const ranked = [...free.filter((m) => m.group === 'base'), ...free.filter((m) => m.group !== 'base')];
  return ranked.map((metric, i) => ({
    label: `${metric.key}:`,
    kind: 'metric' as const,
    detail: metric.name[lang],
    documentation: metricHover(metric, undefined, lang),
    insertText: `${metric.key}:`,
    replace: [partStart, offset] as Range,
    sortText: String(i).padStart(2, '0'),
    retrigger: true,
  }));
}

/** The rest of a plain scalar after the cursor (what a CWE proposal replaces too). */
function restOfScalar(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && !/[\s#"']/.test(text[end])) end++;
  return end - offset;
}

export interface CvssHint {
  /** Where the hint goes: right after the vector's scalar. */
  offset: number;
  label: string;
  tooltip: string;
}

/** The computed score and severity after each vector that scores, in the bulletin's language. */
export function cvssHints(analysis: Analysis, range?: Range): CvssHint[] {
  const out: CvssHint[] = [];
  const lang = analysis.bulletin.lang;
  for (const v of analysis.bulletin.vulnerabilities) {
    for (const entry of v.cvss) {
      if (!entry.vector || !entry.vectorRange) continue;
      if (range && (entry.vectorRange[1] < range[0] || entry.vectorRange[0] > range[1])) continue;
      const score = scoreVector(entry.vector);
      if (!score) continue;
      out.push({ offset: entry.vectorRange[1], label: msg(lang, 'cvss.hint', { score: score.score.toFixed(1), severity: severityLabel(score.severity, lang) }), tooltip: scoreTitle(score, lang).replace(/\*\*/g, '') });
    }
  }
  return out;
}

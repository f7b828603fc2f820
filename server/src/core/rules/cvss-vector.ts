import type { Rule } from './types';
import { problem, type Problem } from '../problems';
import { msg, registerMessages, type Locale } from '../messages';
import { metricOf, metricsOf, type CvssVersion } from '../cvss/metrics';
import { metricsRange, versionOf, type CvssFault } from '../cvss/parse';
import { rangeInVector, vectorsOf } from './cvss-support';

registerMessages({
  en: {
    'rule.cvssVector.prefix': '`{value}` is not a CVSS vector prefix: a vector starts with {allowed}.',
    'rule.cvssVector.prefixCase': 'The prefix is written `{fix}`.',
    'rule.cvssVector.syntax': '`{part}` is not a metric: each part after the prefix is KEY:VALUE, such as AV:N.',
    'rule.cvssVector.empty': 'An empty part: remove the extra `/`.',
    'rule.cvssVector.unknownMetric': '`{key}` is not a CVSS {version} metric.',
    'rule.cvssVector.unknownMetricCase': '`{key}` is not a CVSS {version} metric. Did you mean `{fix}`?',
    'rule.cvssVector.repeated': '`{key}` is given twice: each metric appears at most once.',
    'rule.cvssVector.value': '`{key}:{value}`: {name} takes {allowed}.',
    'rule.cvssVector.missing': 'Base metrics missing: {keys}. A CVSS {version} vector gives every base metric.',
    'rule.cvssVector.order': '`{key}` is out of order: CVSS 4.0 metrics go in the specification’s order ({order}).',
    'rule.cvssVector.twice': 'A second CVSS {version} vector for this vulnerability: give at most one vector per version.',
    'rule.cvssVector.or': ' or ',
    'rule.cvssVector.otherMetric': '`{key}` is a CVSS {other} metric, not a {version} one.',
    'rule.cvssVector.counterpart': '`{key}` is a CVSS {other} metric: in CVSS {version} it is `{fix}` ({name}).',
    'rule.cvssVector.otherValue': ' (`{key}:{value}` is CVSS {other}’s {name}.)',
    'rule.cvssVector.validAs': ' These metrics are a valid CVSS {other} vector: is the prefix meant to be `CVSS:{other}`?',
  },
  ja: {
    'rule.cvssVector.prefix': '`{value}` は CVSS ベクトルの接頭辞ではありません。ベクトルは {allowed} で始めます。',
    'rule.cvssVector.prefixCase': '接頭辞は `{fix}` と書きます。',
    'rule.cvssVector.syntax': '`{part}` はメトリクスではありません。接頭辞の後は AV:N のような「キー:値」を並べます。',
    'rule.cvssVector.empty': '空の部分があります。余分な `/` を削除してください。',
    'rule.cvssVector.unknownMetric': '`{key}` は CVSS {version} のメトリクスではありません。',
    'rule.cvssVector.unknownMetricCase': '`{key}` は CVSS {version} のメトリクスではありません。`{fix}` ではありませんか?',
    'rule.cvssVector.repeated': '`{key}` が二度書かれています。各メトリクスは一度までです。',
    'rule.cvssVector.value': '`{key}:{value}`: {name} の値は {allowed} のいずれかです。',
    'rule.cvssVector.missing': '基本評価基準 {keys} がありません。CVSS {version} のベクトルにはすべての基本評価基準が必要です。',
    'rule.cvssVector.order': '`{key}` の位置が違います。CVSS 4.0 のメトリクスは仕様の順序 ({order}) で書きます。',
    'rule.cvssVector.twice': 'この脆弱性に CVSS {version} のベクトルが二つあります。各バージョン一つまでです。',
    'rule.cvssVector.or': ' または ',
    'rule.cvssVector.otherMetric': '`{key}` は CVSS {other} のメトリクスで、{version} のものではありません。',
    'rule.cvssVector.counterpart': '`{key}` は CVSS {other} のメトリクスです。CVSS {version} では `{fix}` ({name}) です。',
    'rule.cvssVector.otherValue': '(`{key}:{value}` は CVSS {other} の{name}の値です。)',
    'rule.cvssVector.validAs': 'このメトリクスは CVSS {other} のベクトルとして正しい形です。接頭辞は `CVSS:{other}` ではありませんか?',
  },
});

function list(locale: Locale, items: readonly string[]): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(locale === 'ja' ? '、' : ', ')}${msg(locale, 'rule.cvssVector.or')}${items[items.length - 1]}`;
}

/** 3.0 and 3.1 share their metrics: a metric of the other generation is a "3.x" one. */
const generation = (version: CvssVersion) => (version === '4.0' ? '4.0' : '3.x');

/** The message of one fault of a vector. */
export function faultMessage(fault: CvssFault, vector: string, version: string | undefined, locale: Locale): string {
  const message = faultReason(fault, vector, version, locale);
  return fault.fixKind === 'version' && fault.fix ? message + validAsMessage(fault.fix.slice('CVSS:'.length), locale) : message;
}

/** The advice that the metrics are a valid vector of `other`: the prefix is what is wrong. */
export function validAsMessage(other: string, locale: Locale): string {
  return msg(locale, 'rule.cvssVector.validAs', { other });
}

/** The fault itself, without the advice on the prefix. */
export function faultReason(fault: CvssFault, vector: string, version: string | undefined, locale: Locale): string {
  const other = fault.otherVersion;
  switch (fault.kind) {
    case 'prefix':
      return fault.fix ? msg(locale, 'rule.cvssVector.prefixCase', { fix: fault.fix }) : msg(locale, 'rule.cvssVector.prefix', { value: fault.value ?? '', allowed: list(locale, fault.allowed ?? []) });
    case 'syntax':
      return fault.end - fault.start === 1 && vector[fault.start] === '/' ? msg(locale, 'rule.cvssVector.empty') : msg(locale, 'rule.cvssVector.syntax', { part: vector.slice(fault.start, fault.end) });
    case 'unknown-metric': {
      const key = fault.key ?? '';
      if (fault.fixKind === 'counterpart' && fault.fix && version) {
        const metric = metricOf(version as CvssVersion, fault.fix);
        return msg(locale, 'rule.cvssVector.counterpart', { key, other: other ? generation(other) : '', version, fix: fault.fix, name: metric?.name[locale] ?? '' });
      }
      if (other && (fault.fix === undefined || fault.fixKind === 'version')) return msg(locale, 'rule.cvssVector.otherMetric', { key, other: generation(other), version: version ?? '' });
      return msg(locale, fault.fix ? 'rule.cvssVector.unknownMetricCase' : 'rule.cvssVector.unknownMetric', { key, version: version ?? '', fix: fault.fix ?? '' });
    }
    case 'repeated':
      return msg(locale, 'rule.cvssVector.repeated', { key: fault.key ?? '' });
    case 'value': {
      const metric = version ? metricOf(version as CvssVersion, fault.key ?? '') : undefined;
      const own = msg(locale, 'rule.cvssVector.value', { key: fault.key ?? '', value: fault.value ?? '', name: metric ? `${metric.key} (${metric.name[locale]})` : (fault.key ?? ''), allowed: list(locale, fault.allowed ?? []) });
      const otherMetric = other && metricOf(other, fault.key ?? '');
      return otherMetric && (fault.fix === undefined || fault.fixKind === 'version') ? own + msg(locale, 'rule.cvssVector.otherValue', { key: fault.key ?? '', value: fault.value ?? '', other: generation(other), name: otherMetric.name[locale] }) : own;
    }
    case 'missing':
      return msg(locale, 'rule.cvssVector.missing', { keys: fault.key ?? '', version: version ?? '' });
    case 'order':
      return msg(locale, 'rule.cvssVector.order', { key: fault.key ?? '', order: metricsOf('4.0').map((m) => m.key).join(', ') });
  }
}

/**
 * A vector that is not a valid CVSS 3.0, 3.1 or 4.0 vector, on the offending metric inside the
 * string; a second vector of one version. Where the intent is clear (a lowercase value or
 * prefix, 4.0 metrics out of order, an empty part, a metric of the other generation with a
 * counterpart, a vector under the other generation's prefix), the finding carries the replacement.
 */
export const cvssVector: Rule = {
  code: 'cvss-vector',
  defaultSeverity: 'error',
  title: { en: 'Not a valid CVSS vector', ja: 'CVSS ベクトルが正しくない' },
  crossFile: false,
  description:
    'A `cvss` vector that is not a valid CVSS 3.0, 3.1 or 4.0 vector: unknown prefix, unknown or repeated metric, a value the metric does not take, a base metric missing, 4.0 metrics out of the specification\'s order; or a second vector of one version for a vulnerability. Reported on the offending metric inside the string (`AV:X` in `CVSS:3.1/AV:X/…`); the message names the values the metric takes, and a metric or value of the other CVSS generation as such (`C` in a 4.0 vector is 3.x’s, 4.0 calls it `VC`). Quick fixes where the intent is clear: the case of a value, metric or prefix, an extra `/`, 4.0 metrics out of order, a metric’s counterpart in the other generation (`C` → `VC`), and the prefix of a vector whose metrics are valid under the other one (`CVSS:4.0/AV:N/…/S:U/C:L/…` → `CVSS:3.1`).',
  check: ({ bulletin, locale }) => {
    const out: Problem[] = [];
    const versions = new Map<object, Set<string>>();
    for (const read of vectorsOf(bulletin)) {
      const { entry, vector, parsed } = read;
      for (const fault of parsed.faults) {
        const fix = fault.fix === undefined || entry.vectorAt === undefined ? undefined : { range: fault.fixRange ?? (fault.kind === 'order' ? metricsRange(vector) : [fault.start, fault.end]), text: fault.fix };
        out.push(
          problem('cvss-vector', 'error', rangeInVector(entry, fault.start, fault.end), faultMessage(fault, vector, parsed.version, locale), {
            ...(fix ? { data: { fault: fault.fixKind ?? fault.kind, replace: [entry.vectorAt! + fix.range[0], entry.vectorAt! + fix.range[1]], with: fix.text } } : {}),
          }),
        );
      }
      const version = versionOf(vector);
      if (!version) continue;
      const seen = versions.get(read.vulnerability) ?? new Set<string>();
      versions.set(read.vulnerability, seen);
      if (seen.has(version)) out.push(problem('cvss-vector', 'error', rangeInVector(entry, 0, `CVSS:${version}`.length), msg(locale, 'rule.cvssVector.twice', { version })));
      seen.add(version);
    }
    return out;
  },
};

import type { Rule } from './types';
import { problem, type Problem } from '../problems';
import { msg, registerMessages, type Locale } from '../messages';
import { metricOf, metricsOf } from '../cvss/metrics';
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
  },
});

function list(locale: Locale, items: readonly string[]): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(locale === 'ja' ? '、' : ', ')}${msg(locale, 'rule.cvssVector.or')}${items[items.length - 1]}`;
}

/** The message of one fault of a vector. */
export function faultMessage(fault: CvssFault, vector: string, version: string | undefined, locale: Locale): string {
  switch (fault.kind) {
    case 'prefix':
      return fault.fix ? msg(locale, 'rule.cvssVector.prefixCase', { fix: fault.fix }) : msg(locale, 'rule.cvssVector.prefix', { value: fault.value ?? '', allowed: list(locale, fault.allowed ?? []) });
    case 'syntax':
      return fault.end - fault.start === 1 && vector[fault.start] === '/' ? msg(locale, 'rule.cvssVector.empty') : msg(locale, 'rule.cvssVector.syntax', { part: vector.slice(fault.start, fault.end) });
    case 'unknown-metric':
      return msg(locale, fault.fix ? 'rule.cvssVector.unknownMetricCase' : 'rule.cvssVector.unknownMetric', { key: fault.key ?? '', version: version ?? '', fix: fault.fix ?? '' });
    case 'repeated':
      return msg(locale, 'rule.cvssVector.repeated', { key: fault.key ?? '' });
    case 'value': {
      const metric = version ? metricOf(version as '3.1', fault.key ?? '') : undefined;
      return msg(locale, 'rule.cvssVector.value', { key: fault.key ?? '', value: fault.value ?? '', name: metric ? `${metric.key} (${metric.name[locale]})` : (fault.key ?? ''), allowed: list(locale, fault.allowed ?? []) });
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
 * prefix, 4.0 metrics out of order, an empty part), the finding carries the replacement.
 */
export const cvssVector: Rule = {
  code: 'cvss-vector',
  defaultSeverity: 'error',
  title: { en: 'Not a valid CVSS vector', ja: 'CVSS ベクトルが正しくない' },
  crossFile: false,
  description:
    'A `cvss` vector that is not a valid CVSS 3.0, 3.1 or 4.0 vector: unknown prefix, unknown or repeated metric, a value the metric does not take, a base metric missing, 4.0 metrics out of the specification\'s order; or a second vector of one version for a vulnerability. Reported on the offending metric inside the string (`AV:X` in `CVSS:3.1/AV:X/…`); the message names the values the metric takes.',
  check: ({ bulletin, locale }) => {
    const out: Problem[] = [];
    const versions = new Map<object, Set<string>>();
    for (const read of vectorsOf(bulletin)) {
      const { entry, vector, parsed } = read;
      for (const fault of parsed.faults) {
        const fix = fault.fix === undefined || entry.vectorAt === undefined ? undefined : fault.kind === 'order' ? { range: metricsRange(vector), text: fault.fix } : { range: [fault.start, fault.end], text: fault.fix };
        out.push(
          problem('cvss-vector', 'error', rangeInVector(entry, fault.start, fault.end), faultMessage(fault, vector, parsed.version, locale), {
            ...(fix ? { data: { fault: fault.kind, replace: [entry.vectorAt! + fix.range[0], entry.vectorAt! + fix.range[1]], with: fix.text } } : {}),
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

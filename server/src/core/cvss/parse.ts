/**
 * A strict reader of CVSS vector strings over FIRST's grammar for 3.0, 3.1 and 4.0:
 * `CVSS:<version>/<metric>:<value>/…`, every base metric once, other metrics at most once,
 * values as the specification spells them, 4.0 metrics in the specification's order. Every
 * fault carries its range inside the vector (offsets into the string), and, where the intent
 * is clear, the text that fixes it. The scoring library is lenient, so nothing reaches it
 * before this reader accepts the vector.
 */
import { counterpartIn, metricOf, metricsOf, CVSS_VERSIONS, type CvssVersion } from './metrics';

export interface CvssMetricToken {
  key: string;
  value: string;
  /** The `KEY:VALUE` part's range in the vector. */
  start: number;
  end: number;
}

export type CvssFaultKind = 'prefix' | 'syntax' | 'unknown-metric' | 'repeated' | 'value' | 'missing' | 'order';

export interface CvssFault {
  kind: CvssFaultKind;
  start: number;
  end: number;
  /** The metric at fault (or, for `missing`, the missing base metrics joined by `, `). */
  key?: string;
  value?: string;
  /** The values the metric takes (`value`), or the versions known (`prefix`). */
  allowed?: readonly string[];
  /** A replacement of [start, end) when the intent is clear (a lowercase value, metrics out of order). */
  fix?: string;
  /** What `fix` replaces when it is not the fault's own range: the prefix (`version`). */
  fixRange?: [number, number];
  /** Why the fix is clear: `version`, the metrics are a valid vector of another version;
   * `counterpart`, a metric of the other CVSS generation with a counterpart here (`C` → `VC`). */
  fixKind?: 'version' | 'counterpart';
  /** The version whose metric `key` is (an unknown metric of the other generation). */
  otherVersion?: CvssVersion;
}

export interface ParsedVector {
  version?: CvssVersion;
  metrics: CvssMetricToken[];
  faults: CvssFault[];
  /** Another version under which the same metrics are a valid vector (`CVSS:4.0/AV:N/…/S:U/C:L/…`). */
  validAs?: CvssVersion;
}

const PREFIX = /^CVSS:(\d+\.\d+)$/i;

export function parseVector(vector: string): ParsedVector {
  const parsed = readVector(vector);
  const { version, faults } = parsed;
  if (!version || faults.length === 0) return parsed;
  // The metrics of one version under another's prefix: the prefix is what is wrong.
  const prefixEnd = vector.indexOf('/');
  const rest = prefixEnd < 0 ? '' : vector.slice(prefixEnd);
  const validAs = [...CVSS_VERSIONS].reverse().find((other) => other !== version && !sameGeneration(other, version) && rest !== '' && readVector(`CVSS:${other}${rest}`).faults.length === 0);
  if (validAs) {
    for (const fault of faults) Object.assign(fault, { fix: `CVSS:${validAs}`, fixRange: [0, prefixEnd], fixKind: 'version' });
    return { ...parsed, validAs };
  }
  return parsed;
}

const sameGeneration = (a: CvssVersion, b: CvssVersion) => (a === '4.0') === (b === '4.0');

function readVector(vector: string): ParsedVector {
  const metrics: CvssMetricToken[] = [];
  const faults: CvssFault[] = [];
  const slash = vector.indexOf('/');
  const prefixEnd = slash < 0 ? vector.length : slash;
  const prefix = vector.slice(0, prefixEnd);
  const prefixMatch = PREFIX.exec(prefix);
  const known = prefixMatch && (['3.0', '3.1', '4.0'] as const).find((v) => v === prefixMatch[1]);
  if (!known) {
    faults.push({ kind: 'prefix', start: 0, end: prefixEnd, value: prefix, allowed: ['CVSS:3.0', 'CVSS:3.1', 'CVSS:4.0'] });
    return { metrics, faults };
  }
  const version: CvssVersion = known;
  if (!prefix.startsWith('CVSS:')) faults.push({ kind: 'prefix', start: 0, end: prefixEnd, value: prefix, allowed: [`CVSS:${version}`], fix: `CVSS:${version}` });

  const seen = new Map<string, CvssMetricToken>();
  const table = metricsOf(version);
  let at = prefixEnd + 1;
  if (slash < 0) at = vector.length + 1;
  while (at <= vector.length) {
    const next = vector.indexOf('/', at);
    const end = next < 0 ? vector.length : next;
    const part = vector.slice(at, end);
    const colon = part.indexOf(':');
    if (colon <= 0 || colon === part.length - 1 || part.indexOf(':', colon + 1) >= 0) {
      // An empty part (`//`, a trailing `/`) is the slash itself.
      faults.push(part.length === 0 ? { kind: 'syntax', start: at - 1, end: at, fix: '' } : { kind: 'syntax', start: at, end });
    } else {
      const key = part.slice(0, colon);
      const value = part.slice(colon + 1);
      const token: CvssMetricToken = { key, value, start: at, end };
      const metric = metricOf(version, key);
      if (!metric) {
        const upper = metricOf(version, key.toUpperCase());
        const counterpart = counterpartIn(version, key);
        const other = CVSS_VERSIONS.find((x) => !sameGeneration(x, version) && metricOf(x, key));
        const fix = upper && !seen.has(upper.key) ? { fix: upper.key } : counterpart && !metricsKeyed(vector, counterpart) ? { fix: counterpart, fixKind: 'counterpart' as const } : {};
        faults.push({ kind: 'unknown-metric', start: at, end: at + key.length, key, ...(other ? { otherVersion: other } : {}), ...fix });
      } else if (seen.has(key)) {
        faults.push({ kind: 'repeated', start: at, end, key });
      } else {
        seen.set(key, token);
        metrics.push(token);
        const allowed = metric.values.map((x) => x.code);
        if (!allowed.includes(value)) {
          const same = allowed.find((x) => x.toLowerCase() === value.toLowerCase());
          const other = CVSS_VERSIONS.find((x) => !sameGeneration(x, version) && metricOf(x, key)?.values.some((y) => y.code === value));
          faults.push({ kind: 'value', start: at + colon + 1, end, key, value, allowed, ...(other ? { otherVersion: other } : {}), ...(same ? { fix: same } : {}) });
        }
      }
    }
    at = end + 1;
  }
  if (version === '4.0') for (const t of outOfOrder(metrics, (key) => table.indexOf(metricOf(version, key)!))) faults.push({ kind: 'order', start: t.start, end: t.end, key: t.key });
  faults.sort((a, b) => a.start - b.start);
  const missing = table.filter((metric) => metric.group === 'base' && !seen.has(metric.key)).map((metric) => metric.key);
  if (missing.length > 0) faults.push({ kind: 'missing', start: 0, end: vector.length, key: missing.join(', ') });
  const order = faults.filter((f) => f.kind === 'order');
  if (order.length > 0 && faults.length === order.length) {
    // Every metric is right but the order: the fix writes them in the specification's order.
    const sorted = [...metrics].sort((a, b) => table.indexOf(metricOf(version, a.key)!) - table.indexOf(metricOf(version, b.key)!));
    const fix = sorted.map((t) => `${t.key}:${t.value}`).join('/');
    for (const f of order) f.fix = fix;
  }
  return { version, metrics, faults };
}

/** Whether `key` is written as a metric anywhere in the vector. */
function metricsKeyed(vector: string, key: string): boolean {
  return vector.split('/').some((part) => part.startsWith(`${key}:`));
}

/**
 * The metrics out of place: those outside one longest run already in the specification's
 * order (in `…/VC:H/SC:N/VI:H/VA:H/…` that is SC, the one metric that moved).
 */
function outOfOrder(tokens: readonly CvssMetricToken[], rank: (key: string) => number): CvssMetricToken[] {
  const ranks = tokens.map((t) => rank(t.key));
  const length = ranks.map(() => 1);
  const previous = ranks.map(() => -1);
  let best = -1;
  for (let i = 0; i < ranks.length; i++) {
    for (let j = 0; j < i; j++) {
      if (ranks[j] < ranks[i] && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        previous[i] = j;
      }
    }
    if (best < 0 || length[i] > length[best]) best = i;
  }
  const inOrder = new Set<number>();
  for (let i = best; i >= 0; i = previous[i]) inOrder.add(i);
  return tokens.filter((_, i) => !inOrder.has(i));
}

/** The range an `order` fault's fix replaces: every metric after the prefix. */
export function metricsRange(vector: string): [number, number] {
  const slash = vector.indexOf('/');
  return slash < 0 ? [vector.length, vector.length] : [slash + 1, vector.length];
}

/** The version a vector's prefix names (for the one-vector-per-version check), whatever the rest holds. */
export function versionOf(vector: string): CvssVersion | undefined {
  const match = /^CVSS:(3\.0|3\.1|4\.0)(?:\/|$)/.exec(vector);
  return match ? (match[1] as CvssVersion) : undefined;
}

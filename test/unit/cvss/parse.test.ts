/**
 * The strict reader: every malformed shape a vector of each version can take, with the exact
 * range of the fault inside the string and
 * the fix where the intent is clear. Then the rule over a bulletin: the range in the text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseVector, type CvssFaultKind } from '../../../server/src/core/cvss/parse';
import { METRICS_3, METRICS_4 } from '../../../server/src/core/cvss/metrics';
import { faultMessage } from '../../../server/src/core/rules/cvss-vector';
import { analyzeText } from './support';

/** Each case: the vector, the exact text of the fault's range (`part`, at its last occurrence unless `at` says where), the fix. */
const CASES: { vector: string; part: string; at?: number; kind: CvssFaultKind; fix?: string; allowed?: string[] }[] = [
  // prefixes
  { vector: 'CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L', part: 'CVSS:3.2', kind: 'prefix', allowed: ['CVSS:3.0', 'CVSS:3.1', 'CVSS:4.0'] },
  { vector: 'AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L', part: 'AV:N', kind: 'prefix' },
  { vector: 'CVSS:2.0', part: 'CVSS:2.0', kind: 'prefix' },
  { vector: '', part: '', kind: 'prefix' },
  { vector: 'cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L', part: 'cvss:3.1', kind: 'prefix', fix: 'CVSS:3.1' },
  // 3.0 and 3.1
  { vector: 'CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L', part: 'X', kind: 'value', allowed: ['N', 'A', 'L', 'P'] },
  { vector: 'CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L', part: 'n', kind: 'value', fix: 'N' },
  { vector: 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L/E:Z', part: 'Z', kind: 'value', allowed: ['X', 'H', 'F', 'P', 'U'] },
  { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L/MS:x', part: 'x', kind: 'value', fix: 'X' },
  { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L/AV:L', part: 'AV:L', kind: 'repeated' },
  { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L/XX:L', part: 'XX', kind: 'unknown-metric' },
  { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L/rl:O', part: 'rl', kind: 'unknown-metric', fix: 'RL' },
  { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/AT:N/A:L', part: 'AT', kind: 'unknown-metric' },
  { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N', part: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N', kind: 'missing' },
  { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L/', part: '/', kind: 'syntax', fix: '' },
  { vector: 'CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L', part: '/', at: 13, kind: 'syntax', fix: '' },
  { vector: 'CVSS:3.1/AV:N/ACL/PR:N/UI:N/S:U/C:L/I:N/A:L', part: 'ACL', kind: 'syntax' },
  { vector: 'CVSS:3.1/AV:N/AC:L:H/PR:N/UI:N/S:U/C:L/I:N/A:L', part: 'AC:L:H', kind: 'syntax' },
  { vector: 'CVSS:3.1/AV:N/AC:/PR:N/UI:N/S:U/C:L/I:N/A:L', part: 'AC:', kind: 'syntax' },
  // 4.0
  { vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:R/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', part: 'R', kind: 'value', allowed: ['N', 'P', 'A'] },
  { vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:S/SI:N/SA:N', part: 'S', at: 52, kind: 'value', allowed: ['H', 'L', 'N'] },
  { vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:amber', part: 'amber', kind: 'value', fix: 'Amber' },
  { vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/SC:N/VI:H/VA:H/SI:N/SA:N', part: 'SC:N', kind: 'order', fix: 'AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' },
  { vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:P/E:A', part: 'E:A', kind: 'order', fix: 'AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/S:P' },
  { vector: 'CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', part: 'CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', kind: 'missing' },
  { vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:N/S:P', part: 'S:P', kind: 'repeated' },
  { vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/RL:O', part: 'RL', kind: 'unknown-metric' },
  { vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/S:U/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', part: 'U', kind: 'value', allowed: ['X', 'N', 'P'] },
  // a metric of the other generation with a counterpart: C, I, A ↔ VC, VI, VA (and modified)
  { vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/C:H/VI:H/VA:H/SC:N/SI:N/SA:N', part: 'C', at: 34, kind: 'unknown-metric', fix: 'VC' },
  { vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MA:L', part: 'MA', kind: 'unknown-metric', fix: 'MVA' },
  { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/VI:N/A:L', part: 'VI', kind: 'unknown-metric', fix: 'I' },
  // … but not where the counterpart is written too: two fixes would collide
  { vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/C:H', part: 'C', kind: 'unknown-metric' },
  // the metrics of one generation under the other's prefix: every fault's fix is the prefix
  { vector: 'CVSS:4.0/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L', part: 'C', kind: 'unknown-metric', fix: 'CVSS:3.1' },
  { vector: 'CVSS:4.0/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L', part: 'U', kind: 'value', fix: 'CVSS:3.1' },
  { vector: 'CVSS:3.1/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', part: 'AT', kind: 'unknown-metric', fix: 'CVSS:4.0' },
];

for (const c of CASES) {
  test(`${c.kind} in ${JSON.stringify(c.vector)}`, () => {
    const { faults } = parseVector(c.vector);
    const fault = faults.find((f) => f.kind === c.kind);
    assert.ok(fault, JSON.stringify(faults));
    const start = c.at ?? c.vector.lastIndexOf(c.part);
    assert.deepEqual([fault.start, fault.end], [start, start + c.part.length], JSON.stringify(faults));
    assert.equal(fault.fix, c.fix);
    if (c.allowed) assert.deepEqual(fault.allowed, c.allowed);
  });
}

test('valid vectors have no fault: 3.x in any order with every group, 4.0 with every group in order', () => {
  const every3 = METRICS_3.map((m) => `${m.key}:${m.values[m.values.length - 1].code}`);
  const every4 = METRICS_4.map((m) => `${m.key}:${m.values[m.values.length - 1].code}`);
  for (const vector of [`CVSS:3.1/${every3.join('/')}`, `CVSS:3.0/${[...every3].reverse().join('/')}`, `CVSS:4.0/${every4.join('/')}`]) assert.deepEqual(parseVector(vector).faults, [], vector);
});

test('a vector under the other generation’s prefix: the fix replaces the prefix, once per fault, and the faults say why', () => {
  const vector = 'CVSS:4.0/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L';
  const parsed = parseVector(vector);
  assert.equal(parsed.validAs, '3.1');
  assert.ok(parsed.faults.length > 1);
  for (const fault of parsed.faults) assert.deepEqual([fault.fix, fault.fixRange, fault.fixKind], ['CVSS:3.1', [0, 8], 'version'], fault.kind);
  assert.equal(parseVector('CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L').validAs, undefined, 'a fault under either prefix: no version to suggest');
  assert.equal(parseVector('CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L/AV:L').validAs, undefined, '3.0 and 3.1 share their metrics: never suggested for each other');
});

test('messages name the other generation: a 3.x metric or value in a 4.0 vector, the counterpart, the prefix advice', () => {
  const message = (vector: string, kind: CvssFaultKind, locale: 'en' | 'ja' = 'en') => {
    const parsed = parseVector(vector);
    return faultMessage(parsed.faults.find((f) => f.kind === kind)!, vector, parsed.version, locale);
  };
  assert.equal(message('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/C:H/VI:H/VA:H/SC:N/SI:N/SA:N', 'unknown-metric'), '`C` is a CVSS 3.x metric: in CVSS 4.0 it is `VC` (Vulnerable System Confidentiality).');
  assert.equal(message('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/C:H/VI:H/VA:H/SC:N/SI:N/SA:N', 'unknown-metric', 'ja'), '`C` は CVSS 3.x のメトリクスです。CVSS 4.0 では `VC` (脆弱なシステムの機密性への影響) です。');
  assert.equal(message('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/RL:O', 'unknown-metric'), '`RL` is a CVSS 3.x metric, not a 4.0 one.');
  assert.equal(message('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:R/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 'value'), '`UI:R`: UI (User Interaction) takes N, P or A. (`UI:R` is CVSS 3.x’s User Interaction.)');
  assert.equal(message('CVSS:4.0/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L', 'value'), '`S:U`: S (Safety) takes X, N or P. (`S:U` is CVSS 3.x’s Scope.) These metrics are a valid CVSS 3.1 vector: is the prefix meant to be `CVSS:3.1`?');
  assert.equal(message('CVSS:3.1/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 'unknown-metric', 'ja'), '`AT` は CVSS 4.0 のメトリクスで、3.1 のものではありません。このメトリクスは CVSS 4.0 のベクトルとして正しい形です。接頭辞は `CVSS:4.0` ではありませんか?');
  assert.equal(message('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L/XX:L', 'unknown-metric'), '`XX` is not a CVSS 3.1 metric.');
});

test('a missing fault names the missing base metrics', () => {
  assert.equal(parseVector('CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N').faults[0].key, 'AT, SA');
});

test('the rule: the range is the metric in the text, plain or quoted; an escaped scalar gets the whole value', () => {
  const text = (vector: string) => `bulletin: 1\nid: MS05-001\ntitle: T\npublished: 2005-01-10\nseverity: important\nvulnerabilities:\n  - id: CVE-2005-0001\n    title: T\n    cvss:\n      - vector: ${vector}\n`;
  for (const vector of ['CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L', '"CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L"', "'CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L'"]) {
    const t = text(vector);
    const [p] = analyzeText(t).filter((x) => x.code === 'cvss-vector');
    assert.equal(t.slice(p.offset, p.offset + p.length), 'X', vector);
    assert.deepEqual(p.data, undefined, 'no fix for a value that is not a case slip');
  }
  const escaped = text('"CVSS:3.1/AV:\\x58/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L"');
  const [p] = analyzeText(escaped).filter((x) => x.code === 'cvss-vector');
  assert.equal(escaped.slice(p.offset, p.offset + p.length), '"CVSS:3.1/AV:\\x58/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L"');
  const lower = text('CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L');
  const [q] = analyzeText(lower).filter((x) => x.code === 'cvss-vector');
  assert.deepEqual(q.data, { fault: 'value', replace: [q.offset, q.offset + 1], with: 'N' });
});

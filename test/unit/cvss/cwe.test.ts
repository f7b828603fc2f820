/** The CWE list is csaf-validator-lib's own (the one mandatory test 6.1.11 checks against), and the unknown-cwe rule reads it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { weaknesses } from '@secvisogram/csaf-validator-lib/cwe.js';
import { allWeaknesses, searchWeaknesses, weaknessOf } from '../../../server/src/core/cwe';
import { analyzeText } from './support';

test('known and unknown CWE ids, with names from the validator’s list', () => {
  assert.equal(weaknessOf('CWE-120')?.name, "Buffer Copy without Checking Size of Input ('Classic Buffer Overflow')");
  assert.equal(weaknessOf('CWE-787')?.name, 'Out-of-bounds Write');
  assert.equal(weaknessOf('CWE-99999'), undefined);
  assert.equal(weaknessOf('cwe-120'), undefined, 'ids are written CWE-<number>');
  assert.equal(allWeaknesses().length, weaknesses.length, 'every entry of the shipped list, no other');
});

test('search by number or by words of the name, best first', () => {
  assert.equal(searchWeaknesses('120')[0].id, 'CWE-120');
  assert.equal(searchWeaknesses('CWE-79')[0].id, 'CWE-79');
  const overflow = searchWeaknesses('stack overflow').map((w) => w.id);
  assert.ok(overflow.includes('CWE-121'), overflow.join());
  for (const w of searchWeaknesses('buffer overflow')) assert.match(w.name.toLowerCase(), /buffer.*overflow|overflow.*buffer/);
  assert.deepEqual(searchWeaknesses('no such words at all zzz'), []);
});

test('unknown-cwe on the value; a malformed id is a schema finding only', () => {
  const text = (cwe: string) => `bulletin: 1\nid: MS05-001\ntitle: T\npublished: 2005-01-10\nseverity: important\nvulnerabilities:\n  - id: CVE-2005-0001\n    title: T\n    cwe: ${cwe}\n`;
  const unknown = text('CWE-99999');
  const [p] = analyzeText(unknown).filter((x) => x.code === 'unknown-cwe');
  assert.equal(unknown.slice(p.offset, p.offset + p.length), 'CWE-99999');
  assert.equal(p.severity, 'warning');
  assert.deepEqual(analyzeText(text('CWE-120')).map((x) => x.code), []);
  assert.deepEqual(analyzeText(text('CWE120')).map((x) => x.code), ['schema']);
});

test('tlp and cpe: values of the CSAF forms are accepted, others are schema findings on the value', () => {
  const text = (tlp: string, cpe: string) => `bulletin: 1\nid: MS05-001\ntitle: T\npublished: 2005-01-10\nseverity: important\ntlp: ${tlp}\nplatforms:\n  - id: nt4\n    name: NT\n    cpe: ${cpe}\n`;
  assert.deepEqual(analyzeText(text('white', 'cpe:/o:microsoft:windows_nt:4.0:sp6a:server')).map((x) => x.code), []);
  assert.deepEqual(analyzeText(text('green', 'cpe:2.3:o:microsoft:windows_2000:-:sp4:*:*:*:*:*:*')).map((x) => x.code), []);
  const bad = text('clear', 'windows nt 4');
  const found = analyzeText(bad);
  assert.deepEqual(found.map((x) => `${x.code} ${bad.slice(x.offset, x.offset + x.length)}`), ['schema clear', 'schema windows nt 4']);
  assert.match(found[1].message, /CPE 2\.2 URI/);
});

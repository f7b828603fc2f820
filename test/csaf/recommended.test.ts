/**
 * CSAF's recommended (optional, 6.2.x) and informative (6.3.x) tests over the exports of the
 * examples and the rich fixture that carries CVSS, CWE, TLP, CPE and a base URL: no warning at
 * all, and no missing-CWE info. Left out: the spell check (6.3.8, hunspell dictionaries) and
 * the two tests that fetch every URL (6.3.6, 6.3.7: no network in tests). A bulletin without
 * the fields draws the warnings the fields answer, so the test cannot pass on its own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../server/src/core/analyze';
import { exportBulletin } from '../../server/src/core/csaf';
import { validateCsaf } from '../../server/src/core/csaf/validate';
import { publisher, root } from './cases';
import { recommendedFindings } from './recommended';

const NETWORK = new Set(['informativeTest_6_3_6', 'informativeTest_6_3_7']);
const CARRIERS = ['examples/MS04-012.bulletin.yaml', 'examples/MS04-029.bulletin.yaml', 'test/fixtures/csaf/rich-cvss.bulletin.yaml'];

async function exported(file: string, baseUrl?: string): Promise<Record<string, unknown>> {
  const analysis = analyzeText(file, readFileSync(join(root, file), 'utf8'));
  const result = await exportBulletin(analysis, { publisher, baseUrl }, 'en', validateCsaf);
  assert.equal(result.kind, 'valid', JSON.stringify(result.kind === 'invalid' ? result.failures : result));
  return (result as { csaf: Record<string, unknown> }).csaf;
}

async function findings(csaf: unknown) {
  const found = await recommendedFindings(csaf);
  const offline = (line: string) => !NETWORK.has(line.split(' ')[0]);
  return { ...found, warnings: found.warnings.filter(offline), infos: found.infos.filter(offline) };
}

for (const file of CARRIERS) {
  test(`${file}: passes the strict schema, every mandatory test and every recommended test`, async () => {
    const { warnings, infos, tests } = await findings(await exported(file, 'https://bulletin.test/csaf'));
    assert.ok(tests.filter((t) => t.startsWith('optionalTest_6_2_')).length >= 20, tests.join());
    assert.deepEqual(warnings, []);
    assert.deepEqual(infos.filter((i) => i.startsWith('informativeTest_6_3_4')), [], 'every vulnerability has a CWE');
  });
}

test('without the new fields or a base URL, the warnings the fields answer come back', async () => {
  const { warnings, infos } = await findings(await exported('test/fixtures/csaf/rich-en.bulletin.yaml'));
  const tests = new Set(warnings.map((w) => w.split(' ')[0]));
  for (const t of ['optionalTest_6_2_3', 'optionalTest_6_2_10', 'optionalTest_6_2_11', 'optionalTest_6_2_16']) assert.ok(tests.has(t), `${t} in ${[...tests].join(', ')}`);
  assert.ok(!tests.has('optionalTest_6_2_13'), 'keys are sorted whatever the bulletin holds');
  assert.ok(infos.some((i) => i.startsWith('informativeTest_6_3_4')));
});

test('the rich fixture: cvss_v3 as FIRST JSON for every affected product, 3.1 before 3.0, 4.0 in a note, cwe with its name, TLP, CPEs, self URL', async () => {
  const csaf = (await exported('test/fixtures/csaf/rich-cvss.bulletin.yaml', 'https://bulletin.test/csaf/')) as any;
  const [smb, hardening] = csaf.vulnerabilities;
  assert.deepEqual(smb.cwe, { id: 'CWE-787', name: 'Out-of-bounds Write' });
  assert.equal(smb.scores.length, 1, 'one cvss_v3 per product (mandatory test 6.1.7)');
  assert.deepEqual(smb.scores[0].products, ['w2k-sp4', 'w2k3', 'xp-sp1', 'xp-sp2', 'unsupported-windows-98', 'unsupported-windows-98-second-edition']);
  const v3 = smb.scores[0].cvss_v3;
  assert.equal(v3.vectorString, 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:F/RL:O/RC:C');
  assert.equal(v3.baseScore, 9.8);
  assert.equal(v3.baseSeverity, 'CRITICAL');
  assert.equal(v3.exploitCodeMaturity, 'FUNCTIONAL');
  assert.equal(v3.temporalScore, 9.1, '9.8 × 0.97 × 0.95 × 1, rounded up');
  const note = smb.notes.find((n: { title: string }) => n.title === 'CVSS');
  assert.equal(note.text, 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H — base score 9.8 (Critical)\nCVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A — score 9.3 (Critical, CVSS-BT)');
  assert.equal(hardening.scores[0].cvss_v3.baseScore, 4.2);
  assert.equal(hardening.notes.length, 1, 'no note where cvss_v3 holds the only vector');
  assert.deepEqual(csaf.document.distribution, { tlp: { label: 'GREEN' } });
  assert.deepEqual(csaf.document.references.at(-1), { category: 'self', summary: 'Canonical URL of this advisory', url: 'https://bulletin.test/csaf/ms05-011.json' });
  const products = JSON.stringify(csaf.product_tree);
  for (const cpe of ['cpe:/o:microsoft:windows_2000::sp4', 'cpe:2.3:o:microsoft:windows_server_2003:-:*:*:*:*:*:*:*', 'cpe:/o:microsoft:windows_98se']) assert.ok(products.includes(`"cpe":"${cpe}"`), cpe);
  assert.ok(products.includes('"skus":["Windows2000-KB885250-x86-ENU.EXE"]'), 'a package is named by its file');
  assert.deepEqual(Object.keys(csaf), ['document', 'product_tree', 'vulnerabilities']);
  assert.deepEqual(Object.keys(smb), [...Object.keys(smb)].sort((a, b) => new Intl.Collator('en').compare(a, b)));
});

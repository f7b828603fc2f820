import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../server/src/core/parse';
import { bulletinToCsaf, splitServicePack, vendorOf } from '../../server/src/core/csaf';
import { positionAt } from '../../server/src/core/text';
import { publisher, root } from './cases';

type Json = Record<string, any>;

function exportFile(path: string, lookup?: (id: string) => { title?: string; url?: string } | undefined) {
  const parsed = parse(readFileSync(join(root, path), 'utf8'));
  const { csaf, sourceMap } = bulletinToCsaf(parsed.value, { publisher, lookup });
  return { csaf: csaf as Json, sourceMap, parsed };
}

const lineOf = (parsed: { lineStarts: Uint32Array }, offset: number) => positionAt(parsed.lineStarts, offset).line + 1;

test('service packs are split off platform names; vendors come from the id prefix', () => {
  assert.deepEqual(splitServicePack('Windows NT Server 4.0 SP6a'), ['Windows NT Server 4.0', 'SP6a']);
  assert.deepEqual(splitServicePack('Windows NT Server 4.0, Terminal Server Edition SP6'), ['Windows NT Server 4.0, Terminal Server Edition', 'SP6']);
  assert.deepEqual(splitServicePack('Windows XP Service Pack 2'), ['Windows XP', 'Service Pack 2']);
  assert.deepEqual(splitServicePack('Windows Server 2003'), ['Windows Server 2003']);
  assert.equal(vendorOf('MS04-029'), 'Microsoft');
  assert.equal(vendorOf('APSB09-001'), 'APSB');
});

test('MS04-029: document, tracking and references', () => {
  const { csaf } = exportFile('examples/MS04-029.bulletin.yaml', (id) => (id === 'MS04-012' ? { title: 'RPC/DCOM', url: 'https://example.test/ms04-012' } : undefined));
  const d = csaf.document;
  assert.equal(d.category, 'csaf_security_advisory');
  assert.equal(d.csaf_version, '2.0');
  assert.deepEqual(d.publisher, publisher);
  assert.equal(d.lang, 'ja');
  assert.deepEqual(d.aggregate_severity, { text: 'Important' });
  assert.deepEqual(
    { ...d.tracking, revision_history: undefined },
    { id: 'MS04-029', status: 'final', version: '1', initial_release_date: '2004-10-16T00:00:00.000Z', current_release_date: '2004-10-16T00:00:00.000Z', revision_history: undefined },
  );
  assert.deepEqual(d.tracking.revision_history, [{ date: '2004-10-16T00:00:00.000Z', number: '1', summary: '初版。' }]);
  assert.deepEqual(d.references.map((r: Json) => r.url), [
    'https://www.microsoft.com/japan/technet/security/bulletin/ms04-029.mspx',
    'https://www.microsoft.com/technet/security/bulletin/ms04-029.mspx',
    'http://www.securityfocus.com/archive/1/378277',
    'https://example.test/ms04-012',
  ]);
  assert.equal(d.references[3].summary, '関連するセキュリティ情報 MS04-012: RPC/DCOM');
  assert.deepEqual(d.notes.map((n: Json) => n.category), ['summary', 'general', 'other', 'general']);
  assert.match(d.notes[3].text, /MS04-012 は同じファイルを置き換えるが含まれていない/);
});

test('MS04-029: product tree vendor → product → service pack, one product per platform id, packages installed_on platforms', () => {
  const { csaf } = exportFile('examples/MS04-029.bulletin.yaml');
  const [vendor] = csaf.product_tree.branches;
  assert.equal(vendor.category, 'vendor');
  assert.equal(vendor.name, 'Microsoft');
  const server = vendor.branches[0];
  assert.deepEqual(server, {
    category: 'product_name',
    name: 'Windows NT Server 4.0',
    branches: [{ category: 'service_pack', name: 'SP6a', product: { product_id: 'nt4-server-sp6a', name: 'Windows NT Server 4.0 SP6a', product_identification_helper: { cpe: 'cpe:/o:microsoft:windows_nt:4.0:sp6a:server' } } }],
  });
  assert.equal(vendor.branches[1].name, 'Windows NT Server 4.0, Terminal Server Edition');
  assert.equal(vendor.branches[2].branches[0].product.product_id, 'unsupported-windows-nt-workstation-4.0-sp6a');
  assert.deepEqual(vendor.branches[3], {
    category: 'product_name',
    name: 'WindowsNT4Server-KB873350-x86-JPN.exe',
    branches: [{ category: 'product_version', name: '5.4.15.0', product: { product_id: 'package:WindowsNT4Server-KB873350-x86-JPN.exe', name: 'WindowsNT4Server-KB873350-x86-JPN.exe', product_identification_helper: { skus: ['WindowsNT4Server-KB873350-x86-JPN.exe'] } } }],
  });
  assert.deepEqual(csaf.product_tree.relationships[0], {
    category: 'installed_on',
    product_reference: 'package:WindowsNT4Server-KB873350-x86-JPN.exe',
    relates_to_product_reference: 'nt4-server-sp6a',
    full_product_name: { product_id: 'nt4-server-sp6a:KB873350', name: 'WindowsNT4Server-KB873350-x86-JPN.exe (KB873350) on Windows NT Server 4.0 SP6a', product_identification_helper: { cpe: 'cpe:/o:microsoft:windows_nt:4.0:sp6a:server' } },
  });
});

test('MS04-029: the CAN id goes to ids; impacts and exploit status are threats; statuses and remediations', () => {
  const { csaf } = exportFile('examples/MS04-029.bulletin.yaml');
  assert.equal(csaf.vulnerabilities.length, 1);
  const v = csaf.vulnerabilities[0];
  assert.equal(v.cve, undefined);
  assert.deepEqual(v.ids, [{ system_name: 'CAN', text: 'CAN-2004-0569' }]);
  assert.equal(v.title, 'RPC ランタイム・ライブラリの未チェック・バッファの脆弱性');
  assert.deepEqual(v.threats.map((t: Json) => [t.category, t.details]), [
    ['impact', '情報漏えい'],
    ['impact', 'サービス拒否'],
    ['exploit_status', '攻撃コードは確認されていない。'],
  ]);
  assert.deepEqual(v.product_status, {
    known_affected: ['nt4-server-sp6a', 'nt4-tse-sp6', 'unsupported-windows-nt-workstation-4.0-sp6a'],
    fixed: ['nt4-server-sp6a:KB873350', 'nt4-tse-sp6:KB873350'],
  });
  const [fix, fixTse, workaround, none] = v.remediations;
  assert.equal(fix.category, 'vendor_fix');
  assert.deepEqual(fix.product_ids, ['nt4-server-sp6a']);
  assert.deepEqual(fix.restart_required, { category: 'machine', details: '再起動が必要。' });
  assert.equal(fix.date, '2004-08-19T00:00:00.000Z');
  assert.equal(fix.url, 'https://www.microsoft.com/japan/technet/security/bulletin/ms04-029.mspx');
  assert.match(fix.details, /WindowsNT4Server-KB873350-x86-JPN\.exe を適用する \(バージョン 5\.4\.15\.0, 614544 バイト, 日付 2004-08-19\)/);
  assert.match(fix.details, /- rpcrt4\.dll 4\.0\.1381\.7303 2004-08-13 374400 Remote Procedure Call Runtime/);
  assert.match(fix.details, /HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Hotfix\\KB873350 の Installed \(REG_DWORD\) が 1/);
  assert.deepEqual(fixTse.product_ids, ['nt4-tse-sp6']);
  assert.equal(workaround.category, 'workaround');
  assert.match(workaround.details, /UDP ポート 135, 137, 138, 445 をブロックする/);
  assert.match(workaround.details, /TCP ポート 135, 139, 389, 445, 593 をブロックする/);
  assert.deepEqual(workaround.product_ids, ['nt4-server-sp6a', 'nt4-tse-sp6', 'unsupported-windows-nt-workstation-4.0-sp6a']);
  assert.equal(none.category, 'no_fix_planned');
  assert.deepEqual(none.product_ids, ['unsupported-windows-nt-workstation-4.0-sp6a']);
});

test('rich fixture: CVE in cve, vendor id in ids, two revisions, platforms without service pack, restart may be required', () => {
  const { csaf } = exportFile('test/fixtures/csaf/rich-en.bulletin.yaml');
  const t = csaf.document.tracking;
  assert.equal(t.version, '2');
  assert.equal(t.current_release_date, '2005-03-01T00:00:00.000Z');
  assert.deepEqual(t.revision_history.map((r: Json) => [r.number, r.summary]), [['1', 'Initial release.'], ['2', 'Update.']]);
  const [cve, vendorId] = csaf.vulnerabilities;
  assert.equal(cve.cve, 'CVE-2005-0045');
  assert.equal(cve.ids, undefined);
  assert.deepEqual(vendorId.ids, [{ system_name: 'Microsoft', text: 'MSRC-5678' }]);
  const products = csaf.product_tree.branches[0].branches;
  assert.deepEqual(products.find((b: Json) => b.name === 'Windows Server 2003'), { category: 'product_name', name: 'Windows Server 2003', product: { product_id: 'w2k3', name: 'Windows Server 2003' } });
  assert.deepEqual(products.find((b: Json) => b.name === 'Windows XP').branches.map((b: Json) => [b.category, b.name]), [['service_pack', 'SP1'], ['service_pack', 'Service Pack 2']]);
  assert.deepEqual(cve.remediations[0].restart_required, { category: 'machine', details: 'A restart may be required.' });
  // Platforms without a package are affected with a fix described by the advisory, not "fixed".
  assert.deepEqual(cve.product_status.fixed, ['w2k-sp4:KB885250', 'w2k3:KB885250']);
  assert.match(cve.remediations.find((r: Json) => r.product_ids[0] === 'xp-sp1').details, /Apply the update for Windows XP SP1/);
});

test('the source map leads CSAF pointers back to the YAML they came from', () => {
  const { sourceMap, parsed } = exportFile('test/fixtures/csaf/rich-en.bulletin.yaml');
  const text = readFileSync(join(root, 'test/fixtures/csaf/rich-en.bulletin.yaml'), 'utf8');
  const line = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
  const at = (pointer: string) => lineOf(parsed, sourceMap.rangeFor(pointer, parsed.nodes, text)[0]);
  assert.equal(at('/vulnerabilities/0/cve'), line('CVE-2005-0045'));
  assert.equal(at('/vulnerabilities/1/ids/0/text'), line('MSRC-5678'));
  assert.equal(at('/document/tracking/current_release_date'), line('updated:'));
  assert.equal(at('/document/references/0/url'), line('ms05-011.mspx'));
  assert.equal(at('/product_tree/branches/0/branches/0/branches/0/product/product_id'), line('id: w2k-sp4'));
  assert.equal(at('/vulnerabilities/0/product_status/known_affected/1'), line('id: w2k3'));
  assert.equal(at('/vulnerabilities/0/remediations/0/date'), line('date: 2005-01-14') );
  // An unmapped pointer falls back to its nearest mapped ancestor; the root to the id.
  assert.equal(at('/vulnerabilities/0/notes/0/text'), line('title: Server Message Block Vulnerability'));
  assert.equal(at('/document/csaf_version'), line('id: MS05-011'));
});

test('revisions: one revision_history entry per revision, version the count, status from `status`, dates from the first and last', () => {
  const { csaf, sourceMap, parsed } = exportFile('test/fixtures/csaf/revisions-ja.bulletin.yaml');
  const text = readFileSync(join(root, 'test/fixtures/csaf/revisions-ja.bulletin.yaml'), 'utf8');
  const t = csaf.document.tracking;
  assert.equal(t.status, 'interim');
  assert.equal(t.version, '3');
  assert.equal(t.initial_release_date, '2004-10-16T00:00:00.000Z');
  assert.equal(t.current_release_date, '2004-11-02T00:00:00.000Z');
  assert.deepEqual(t.revision_history, [
    { date: '2004-10-16T00:00:00.000Z', number: '1', summary: '初版' },
    { date: '2004-10-20T00:00:00.000Z', number: '2', summary: '対象プラットフォームを訂正 (Windows NT Workstation 4.0 SP6a は修正プログラムなし)' },
    { date: '2004-11-02T00:00:00.000Z', number: '3', summary: 'ファイル情報を更新' },
  ]);
  const line = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
  const at = (pointer: string) => lineOf(parsed, sourceMap.rangeFor(pointer, parsed.nodes, text)[0]);
  assert.equal(at('/document/tracking/revision_history/2'), line('date: 2004-11-02'));
  assert.equal(at('/document/tracking/status'), line('status: interim'));
});

test('status draft and final pass through; without revisions the export keeps published/updated', () => {
  const base = readFileSync(join(root, 'test/fixtures/csaf/minimal.bulletin.yaml'), 'utf8');
  const draft = bulletinToCsaf(parse(`${base}status: draft\n`).value, { publisher }).csaf as Json;
  assert.equal(draft.document.tracking.status, 'draft');
  const plain = bulletinToCsaf(parse(base).value, { publisher }).csaf as Json;
  assert.deepEqual([plain.document.tracking.status, plain.document.tracking.version, plain.document.tracking.revision_history.length], ['final', '1', 1]);
});

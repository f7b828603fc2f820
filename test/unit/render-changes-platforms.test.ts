/**
 * The preview's change marks in the platforms' parts of the page (`bulletin.preview.showChanges:
 * last-commit`): registry checks, the deployment table's cells, `tested`, unsupported platforms
 * and workarounds. A changed value is the old one struck through (`<del class="change-old">`)
 * then the new one (`<ins class="change-new">`); an added entry is marked as new
 * (`change-entry-added`), a removed one is struck through where it was (`change-entry-removed`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { edit, element, marks, readExample, renderChanged, tableRows } from '../fixtures/render/support';

const base = readExample('MS04-029');

/** The first platform's section (nt4-server-sp6a) of the file information. */
const firstPlatform = (html: string) => {
  const start = html.indexOf('<section class="platform" data-platform="nt4-server-sp6a"');
  assert.ok(start >= 0);
  return html.slice(start, html.indexOf('</section>', start));
};
const registryItems = (html: string) => [...firstPlatform(html).matchAll(/<li class="registry-check[^"]*"[\s\S]*?<\/li>/g)].map((m) => m[0]);

const check = '        - key: HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Hotfix\\KB873350\n          value: Installed\n          type: REG_DWORD\n          data: 1\n';
const extraCheck = '        - key: HKLM\\SOFTWARE\\Microsoft\\Updates\\KB873350\n          value: Installed\n          type: REG_DWORD\n          data: 1\n';

test('registry check: a changed data value is struck through and replaced in the instruction', () => {
  const page = renderChanged(base, edit(base, check, check.replace('data: 1', 'data: 2')));
  const [item] = registryItems(page.html);
  assert.deepEqual(marks(item!), { old: ['1'], new: ['2'] });
  assert.match(item!, /^<li class="registry-check"/, 'the entry itself is not new');
  const type = renderChanged(base, edit(base, check, check.replace('REG_DWORD', 'REG_SZ')));
  assert.deepEqual(marks(registryItems(type.html)[0]!), { old: ['REG_DWORD'], new: ['REG_SZ'] });
});

test('registry check: an added check is marked as new, a removed one struck through where it was', () => {
  const added = renderChanged(base, edit(base, check, check + extraCheck));
  const [kept, fresh] = registryItems(added.html);
  assert.doesNotMatch(kept!, /change-/);
  assert.match(fresh!, /^<li class="registry-check change-entry-added"/);
  assert.match(marks(fresh!).new.join(''), /HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Updates\\KB873350/);
  const removed = renderChanged(edit(base, check, extraCheck + check), base);
  const list = registryItems(removed.html);
  assert.equal(list.length, 2);
  assert.match(list[0]!, /^<li class="registry-check change-entry-removed" data-line="\d+"><del class="change-old">/, 'first, where it was');
  assert.match(marks(list[0]!).old.join(''), /HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Updates\\KB873350.*REG_DWORD/);
  assert.doesNotMatch(list[1]!, /change-/);
  // Only the first platform lost a check: the others are not marked.
  assert.equal((removed.html.match(/change-entry-removed/g) ?? []).length, 1);
});

test('deployment table: a changed estimate marks its cell; an added machine count is a new column, a removed one a struck-through column', () => {
  const deployment = '    deployment:\n      50: 18\n      100: 27\n      250: 52\n      500: 94\n';
  const page = renderChanged(base, edit(base, deployment, deployment.replace('500: 94', '500: 99')));
  const table = element(firstPlatform(page.html), 'table', 'deployment-table')!;
  assert.deepEqual(marks(table), { old: ['1時間34分'], new: ['1時間39分'] });
  const cells = tableRows(table)[1]!;
  assert.deepEqual(cells.slice(1, 4), ['18分', '27分', '52分'], 'the other cells are plain');

  const reshaped = renderChanged(base, edit(base, deployment, deployment.replace('      50: 18\n', '').replace('500: 94', '500: 94\n      1000: 150')));
  const other = element(firstPlatform(reshaped.html), 'table', 'deployment-table')!;
  const [head, row] = tableRows(other);
  assert.deepEqual(head!.slice(1), ['50台', '100台', '250台', '500台', '1000台'], 'the removed count keeps its column, in order');
  assert.match(other, /<td class="num change-entry-removed"[^>]*><del class="change-old">18分<\/del><\/td>/);
  assert.match(other, /<td class="num change-entry-added"[^>]*><ins class="change-new">2時間30分<\/ins><\/td>/);
  assert.equal(row!.length, 6);
});

test('tested: a changed result shows the old label struck through; an added one is highlighted', () => {
  const changed = renderChanged(base, edit(base, 'tested: passed', 'tested: failed'));
  const cell = /<td class="tested tested-failed"[\s\S]*?<\/td>/.exec(changed.html)![0];
  assert.deepEqual(marks(cell), { old: ['問題なし'], new: ['問題あり'] });
  const withoutTested = edit(base, '    tested: passed\n', '');
  const added = renderChanged(withoutTested, base);
  assert.deepEqual(marks(/<td class="tested tested-passed"[\s\S]*?<\/td>/.exec(added.html)![0]), { old: [], new: ['問題なし'] });
  const removed = renderChanged(base, withoutTested);
  const firstRow = tableRows(element(removed.html, 'table', 'platform-list')!)[1]!;
  assert.equal(firstRow[1], '問題なし', 'the removed result is shown struck through in its cell');
  assert.match(removed.html, /<td class="tested"[^>]*><del class="change-old">問題なし<\/del><\/td>/);
});

const unsupported = '  - name: Windows NT Workstation 4.0 SP6a\n    cpe: cpe:/o:microsoft:windows_nt:4.0:sp6a:workstation\n    reason: サポート・ライフサイクルが 2004年6月30日 で終了したため、修正プログラムは提供されない\n';
const unsupportedItems = (html: string) => [...element(html, 'div', 'class="unsupported"')!.matchAll(/<li[\s\S]*?<\/li>/g)].map((m) => m[0]);

test('unsupported: a changed reason is marked in place; an added entry is new, a removed one struck through', () => {
  const reason = renderChanged(base, edit(base, 'で終了したため、修正プログラムは提供されない', 'で終了したため'));
  assert.deepEqual(marks(unsupportedItems(reason.html)[0]!), {
    old: ['サポート・ライフサイクルが 2004年6月30日 で終了したため、修正プログラムは提供されない'],
    new: ['サポート・ライフサイクルが 2004年6月30日 で終了したため'],
  });
  const extra = '  - name: Windows 95\n    reason: 対象外\n';
  const added = renderChanged(base, edit(base, unsupported, unsupported + extra));
  const [kept, fresh] = unsupportedItems(added.html);
  assert.doesNotMatch(kept!, /change-/);
  assert.match(fresh!, /^<li class="change-entry-added"/);
  assert.deepEqual(marks(fresh!).new, ['Windows 95: 対象外']);
  const removed = renderChanged(edit(base, unsupported, extra + unsupported), base);
  const list = unsupportedItems(removed.html);
  assert.match(list[0]!, /^<li class="change-entry-removed" data-line="\d+"><del class="change-old">/);
  assert.deepEqual(marks(list[0]!).old, ['Windows 95: 対象外']);
});

test('workarounds: a changed note and changed ports are marked in place; an added workaround is new, a removed one struck through', () => {
  const changed = renderChanged(base, edit(edit(base, 'udp: [135, 137, 138, 445]', 'udp: [135, 137, 445, 1434]'), '根本的な解決ではない。', '根本的な解決ではない (暫定)。'));
  const workaround = element(changed.html, 'section', 'class="workarounds"')!;
  const udp = /<tr[^>]*><th scope="row">UDP<\/th>[\s\S]*?<\/tr>/.exec(workaround)![0];
  assert.deepEqual(marks(udp), { old: ['138'], new: ['1434'] });
  assert.match(udp, /<span class="port">135<\/span>/, 'a kept port is plain');
  assert.deepEqual([...udp.matchAll(/<span class="port[^"]*">([\s\S]*?)<\/span>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '')), ['135', '137', '138', '445', '1434'], 'the removed port where it was');
  const note = /<p class="note"[\s\S]*?<\/p>/.exec(workaround)![0];
  assert.match(marks(note).old[0]!, /根本的な解決ではない。$/);
  assert.match(marks(note).new[0]!, /根本的な解決ではない \(暫定\)。$/);

  const extra = '  - title: RPC over HTTP を無効にする\n    note: IIS の設定で無効にする。\n';
  const added = renderChanged(base, `${base.trimEnd()}\n${extra}`);
  const fresh = [...element(added.html, 'section', 'class="workarounds"')!.matchAll(/<li class="workaround[^"]*"[\s\S]*?<\/li>/g)].map((m) => m[0]);
  assert.equal(fresh.length, 2);
  assert.doesNotMatch(fresh[0]!, /change-entry/);
  assert.match(fresh[1]!, /^<li class="workaround change-entry-added"/);
  assert.match(marks(fresh[1]!).new.join(' '), /RPC over HTTP を無効にする/);
  const removed = renderChanged(`${base.trimEnd()}\n${extra}`, base);
  const section = element(removed.html, 'section', 'class="workarounds"')!;
  assert.match(section, /<li class="workaround change-entry-removed" data-line="\d+"><del class="change-old"><h3>RPC over HTTP を無効にする<\/h3>/);
});

test('files: an added file row is marked as new, a removed one struck through cell by cell where it was', () => {
  const rpcss = '      - name: rpcss.exe\n        date: 2004-02-27\n        version: 4.0.1381.7263\n        size: 130112\n        description: Distribute COM Services\n';
  const fileTable = (html: string) => element(firstPlatform(html), 'table', 'class="files"')!;
  const removed = fileTable(renderChanged(base, edit(base, rpcss, '')).html);
  const rows = tableRows(removed);
  assert.deepEqual(rows.at(-1), ['rpcss.exe', '2004/02/27', '4.0.1381.7263', '130,112', 'Distribute COM Services']);
  assert.match(removed, /<tr class="change-entry-removed" data-line="\d+"><td class="file-name"><del class="change-old">rpcss\.exe<\/del><\/td>/);
  assert.equal(marks(removed).old.length, 5, 'every cell of the row struck through');
  const added = fileTable(renderChanged(edit(base, rpcss, ''), base).html);
  assert.match(added, /<tr class="change-entry-added" data-line="\d+"><td class="file-name"><ins class="change-new">rpcss\.exe<\/ins><\/td>/);
  assert.deepEqual(marks(added), { old: [], new: ['rpcss.exe'] });
});

/** The platform sections of the file information, in page order. */
const platformSections = (html: string) => [...html.matchAll(/<section class="platform(?: [^"]*)?"[^>]*>[\s\S]*?<h3>[\s\S]*?<\/h3>/g)].map((m) => m[0]);

test('file information: an added platform’s section is new, a removed one’s heading struck through where it was', () => {
  const start = base.indexOf('  - id: nt4-tse-sp6\n');
  const end = base.indexOf('unsupported:\n');
  const withoutTse = base.slice(0, start) + base.slice(end);
  const added = renderChanged(withoutTse, base);
  const [kept, fresh] = platformSections(added.html);
  assert.match(kept!, /^<section class="platform" data-platform="nt4-server-sp6a"/);
  assert.match(fresh!, /^<section class="platform change-entry-added" data-platform="nt4-tse-sp6"[^>]*><h3><ins class="change-new">Windows NT Server 4\.0, Terminal Server Edition SP6<\/ins><\/h3>$/);

  const removed = renderChanged(base, withoutTse);
  const sections = platformSections(removed.html);
  assert.equal(sections.length, 2);
  assert.doesNotMatch(sections[0]!, /change-/);
  assert.match(sections[1]!, /^<section class="platform change-entry-removed" data-line="\d+"><del class="change-old"><h3>Windows NT Server 4\.0, Terminal Server Edition SP6<\/h3>$/);
});

test('package table: a package added to a platform is a new row', () => {
  const pkg = '    package:\n      file: WindowsNT4Server-KB873350-x86-JPN.exe\n      date: 2004-08-19\n      version: 5.4.15.0\n      size: 614544\n';
  const page = renderChanged(edit(base, pkg, ''), base);
  const table = element(firstPlatform(page.html), 'table', 'package')!;
  assert.match(table, /<tr class="change-entry-added"><td class="file-name"><ins class="change-new">WindowsNT4Server-KB873350-x86-JPN\.exe<\/ins><\/td>/);
  const unchanged = renderChanged(base, base);
  assert.doesNotMatch(element(firstPlatform(unchanged.html), 'table', 'package')!, /change-/);
});

test('file information: with every platform removed, each one’s heading is struck through', () => {
  const start = base.indexOf('platforms:\n');
  const end = base.indexOf('unsupported:\n');
  const page = renderChanged(base, `${base.slice(0, start)}platforms: []\n${base.slice(end)}`);
  const sections = platformSections(page.html);
  assert.deepEqual(sections.map((s) => /change-entry-removed/.test(s)), [true, true]);
  assert.match(sections[0]!, /<h3>Windows NT Server 4\.0 SP6a<\/h3>$/);
});

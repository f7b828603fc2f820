/**
 * The renderer on the MS04-029 example: every section of the seed page, the comparison table
 * against MS04-012 exactly as the seed shows it, data-line markers, ja and en labels.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { element, readExample, renderExample, renderWorkspace, tableRows, text } from '../fixtures/render/support';

const page = renderExample('MS04-029');

test('the header has the id, KB, title and both dates (seed: 【登録日】2004/10/16)', () => {
  const header = element(page.html, 'header', 'bulletin-header')!;
  assert.match(text(header), /MS04-029/);
  assert.match(text(header), /KB873350/);
  assert.match(text(header), /RPC ランタイム ライブラリの脆弱性により、情報漏えいおよびサービス拒否が起こる/);
  assert.match(text(header), /【登録日】2004\/10\/16/);
  assert.match(text(header), /【更新日】2004\/10\/16/);
  assert.equal(page.title, 'RPC ランタイム ライブラリの脆弱性により、情報漏えいおよびサービス拒否が起こる');
  assert.equal(page.lang, 'ja');
});

test('severity is a 4-step meter with 2(重要) marked, urgency a 3-step scale with 早期適用 marked', () => {
  const severity = element(page.html, 'ol', 'meter-severity')!;
  assert.deepEqual([...severity.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) => m[1]), ['1(緊急)', '2(重要)', '3(警告)', '4(注意)']);
  assert.match(severity, /<li class="step step-2 current" data-value="important" aria-current="true">/);
  assert.equal((severity.match(/current/g) ?? []).length, 2); // the class and aria-current of one step
  const urgency = element(page.html, 'ol', 'meter-urgency')!;
  assert.deepEqual([...urgency.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) => m[1]), ['SP待ち', '早期適用', '緊急適用']);
  assert.match(urgency, /<li class="step step-2 current" data-value="early"/);
});

test('the facts box: exploit code, action, restart, uninstall, targets, advisories, includes, related, vulnerabilities', () => {
  const facts = tableRows(element(page.html, 'table', 'class="facts"')!);
  const byLabel = new Map(facts.map((cells) => [cells[0], cells[1]]));
  assert.equal(byLabel.get('攻撃コードの有無'), 'なし');
  assert.equal(byLabel.get('対策'), '早期適用');
  assert.equal(byLabel.get('再起動の必要性'), '必要');
  assert.equal(byLabel.get('アンインストール'), '可能');
  assert.equal(byLabel.get('含まれる過去の修正'), 'なし');
  assert.equal(byLabel.get('関連するセキュリティ情報'), 'MS04-012');
  assert.match(byLabel.get('脆弱性識別番号')!, /CAN-2004-0569\s*RPC ランタイム・ライブラリの未チェック・バッファの脆弱性\s*情報漏えい\s*サービス拒否/);
  const targets = element(page.html, 'ul', 'class="targets"')!;
  assert.match(targets, /<li class="chosen" aria-current="true">サーバ<\/li><li class="not-chosen">クライアント<\/li>/);
  const advisories = element(page.html, 'ul', 'class="advisories"')!;
  assert.match(advisories, /<a href="https:\/\/www\.microsoft\.com\/japan\/technet\/security\/bulletin\/ms04-029\.mspx" rel="noopener noreferrer">MS04-029 \(日本\)<\/a>/);
  assert.equal((advisories.match(/<a /g) ?? []).length, 3);
});

test('summary and comment are Markdown (bold, code) with data-line on their paragraphs', () => {
  const summary = element(page.html, 'section', 'class="summary"')!;
  assert.match(summary, /<strong>Windows NT 4\.0 のみ<\/strong>/);
  const lines = readExample('MS04-029').split('\n');
  const paragraphLines = [...summary.matchAll(/<p data-line="(\d+)">/g)].map((m) => Number(m[1]));
  assert.equal(paragraphLines.length, 2);
  assert.match(lines[paragraphLines[0]], /^ {2}Windows NT 4\.0 の RPC/);
  assert.match(lines[paragraphLines[1]], /^ {2}RPC ランタイム・ライブラリは/);
  const comment = element(page.html, 'section', 'class="comment"')!;
  assert.match(comment, /<code>rpcproxy\.dll<\/code>/);
});

test('the comparison table against MS04-012 is the seed table, row for row', () => {
  const table = element(page.html, 'table', 'data-platform="nt4-server-sp6a"')!;
  assert.ok(table.includes('comparison-table'));
  assert.deepEqual(tableRows(table), [
    ['含まれるファイル', 'MS04-012', 'MS04-029'],
    ['ole32.dll', '4.0.1381.7263', '4.0.1381.7263'],
    ['rpcproxy.dll', '4.0.1381.7255', '含まれない'],
    ['rpcrt4.dll', '4.0.1381.7230', '4.0.1381.7303'],
    ['rpcss.exe', '4.0.1381.7263', '4.0.1381.7263'],
  ]);
  // Differences are highlighted: the absent file, and the newer of two versions.
  assert.match(table, /<tr class="row-same"><th scope="row">ole32\.dll/);
  assert.match(table, /<tr class="row-only-other"><th scope="row">rpcproxy\.dll<\/th><td class="version only" data-side="other">4\.0\.1381\.7255<\/td><td class="version absent">含まれない<\/td>/);
  assert.match(table, /<tr class="row-differs"><th scope="row">rpcrt4\.dll<\/th><td class="version differs" data-side="other">4\.0\.1381\.7230<\/td><td class="version differs newer" data-side="self">4\.0\.1381\.7303<\/td>/);
  // The Terminal Server Edition, shared by both bulletins, gets its own table.
  assert.ok(element(page.html, 'table', 'data-platform="nt4-tse-sp6"'));
  assert.match(page.html, /MS04-012 は同じファイルを置き換えるが、この修正プログラムには含まれないため、別途適用する必要がある。/);
});

test('per platform: package, files with sizes 768,288, the registry check as an instruction, deployment times', () => {
  const platform = element(page.html, 'section', 'data-platform="nt4-server-sp6a"')!;
  assert.deepEqual(tableRows(element(platform, 'table', 'class="package"')!), [
    ['修正プログラム', '日付', 'バージョン', 'サイズ'],
    ['WindowsNT4Server-KB873350-x86-JPN.exe', '2004/08/19', '5.4.15.0', '614,544'],
  ]);
  assert.deepEqual(tableRows(element(platform, 'table', 'class="files"')!), [
    ['ファイル名', '日付', 'バージョン', 'サイズ', '機能'],
    ['展開フォルダ', '%SystemRoot%\\System32\\'],
    ['ole32.dll', '2004/02/27', '4.0.1381.7263', '768,288', 'Microsoft OLE for Windows and Windows NT'],
    ['rpcrt4.dll', '2004/08/13', '4.0.1381.7303', '374,400', 'Remote Procedure Call Runtime'],
    ['rpcss.exe', '2004/02/27', '4.0.1381.7263', '130,112', 'Distribute COM Services'],
  ]);
  assert.equal(
    text(element(platform, 'li', 'registry-check')!),
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Hotfix\\KB873350 の Installed (REG_DWORD 値) が「1」であることを確認',
  );
  assert.deepEqual(tableRows(element(platform, 'table', 'deployment-table')!), [
    ['修正プログラム', '50台', '100台', '250台', '500台'],
    ['WindowsNT4Server-KB873350-x86-JPN.exe(Windows NT Server 4.0 SP6a)', '18分', '27分', '52分', '1時間34分'],
  ]);
});

test('platform list with test results, unsupported platforms, workarounds with their ports', () => {
  assert.deepEqual(tableRows(element(page.html, 'table', 'platform-list')!), [
    ['プラットフォーム', '適用テスト結果'],
    ['Windows NT Server 4.0 SP6a', '問題なし'],
    ['Windows NT Server 4.0, Terminal Server Edition SP6', '未テスト'],
  ]);
  assert.match(text(element(page.html, 'div', 'class="unsupported"')!), /Windows NT Workstation 4\.0 SP6a: サポート・ライフサイクルが 2004年6月30日 で終了/);
  const workarounds = element(page.html, 'section', 'class="workarounds"')!;
  assert.match(text(workarounds), /ファイアウォールでポートをブロックする/);
  assert.deepEqual(tableRows(element(workarounds, 'table', 'class="ports"')!), [
    ['UDP', '135137138445'],
    ['TCP', '135139389445593'],
  ]);
});

test('block elements carry data-line pointing at their YAML line', () => {
  const lines = readExample('MS04-029').split('\n');
  const at = (attr: string) => Number(page.html.match(new RegExp(`<[a-z0-9]+ [^>]*${attr}[^>]*data-line="(\\d+)"`))![1]);
  assert.match(lines[at('class="fact fact-severity"')], /^severity: important/);
  assert.match(lines[at('class="platform" data-platform="nt4-tse-sp6"')], /^ {2}- id: nt4-tse-sp6/);
  assert.match(lines[at('class="workarounds"')], /^workarounds:/);
  const fileRow = page.html.match(/<tr data-line="(\d+)"><td class="file-name">rpcrt4\.dll/)!;
  assert.match(lines[Number(fileRow[1])], /^ {6}- name: rpcrt4\.dll/);
});

test('English labels follow lang: en', () => {
  const en = readExample('MS04-029').replace('lang: ja', 'lang: en');
  const page = renderWorkspace([
    { uri: 'file:///ws/MS04-029.bulletin.yaml', text: en },
    { uri: 'file:///ws/MS04-012.bulletin.yaml', text: readExample('MS04-012') },
  ]);
  assert.equal(page.lang, 'en');
  assert.deepEqual([...element(page.html, 'ol', 'meter-severity')!.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) => m[1]), ['1(Critical)', '2(Important)', '3(Moderate)', '4(Low)']);
  assert.deepEqual(tableRows(element(page.html, 'table', 'data-platform="nt4-server-sp6a"')!)[2], ['rpcproxy.dll', '4.0.1381.7255', 'Not included']);
  assert.match(text(page.html), /【Published】2004-10-16/);
  assert.match(text(page.html), /Check that the value Installed \(REG_DWORD\) under HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Hotfix\\KB873350 is 1\./);
  assert.match(text(page.html), /1 h 34 min/);
  assert.doesNotMatch(page.html, />含まれない<|登録日|深刻度|予想適用時間/);
});

test('findings of the checker are shown beside the element they concern', () => {
  const broken = readExample('MS04-029').replace('        size: 130112\n', '        size: 130113\n').replace('severity: important', 'severity: importent');
  const page = renderWorkspace([
    { uri: 'file:///ws/MS04-029.bulletin.yaml', text: broken },
    { uri: 'file:///ws/MS04-012.bulletin.yaml', text: readExample('MS04-012') },
  ]);
  const severityRow = element(page.html, 'tr', 'fact-severity')!;
  assert.match(severityRow, /has-error/);
  assert.match(severityRow, /<li class="finding finding-error" data-line="8">.*<code class="finding-code">schema<\/code>/);
  // rpcss.exe at the same version as in MS04-012 but another size: the finding sits right under its row.
  assert.match(page.html, /<tr class="has-error" data-line="\d+"><td class="file-name">rpcss\.exe<\/td>(?:(?!<\/tr>).)*<\/tr><tr class="finding-row"><td colspan="5"><ul class="findings"><li class="finding finding-error" data-line="\d+"><span class="finding-severity">エラー<\/span> <code class="finding-code">file-metadata-mismatch<\/code>/);
});

test('a reference to a bulletin outside the workspace: the finding on its row, the comparison says why it is empty', () => {
  const page = renderWorkspace([{ uri: 'file:///ws/MS04-029.bulletin.yaml', text: readExample('MS04-029') }]);
  assert.match(element(page.html, 'tr', 'fact-related')!, /<code class="finding-code">unresolved-reference<\/code>/);
  const comparison = element(page.html, 'section', 'class="comparison"')!;
  assert.match(text(comparison), /MS04-012 はワークスペースにないため、ファイルを比較できない。/);
  assert.doesNotMatch(comparison, /<table/);
});

test('an empty or unreadable document renders a note and its syntax finding, never throws', () => {
  for (const source of ['', 'title: [unclosed', '- just\n- a list', 'bulletin: 1\nplatforms: 7\nadvisories: {a: 1}\n']) {
    const page = renderWorkspace([{ uri: 'file:///ws/x.bulletin.yaml', text: source }]);
    assert.match(page.html, /^<article class="bulletin" lang="ja">/);
    assert.ok(page.html.endsWith('</article>'));
  }
  const broken = renderWorkspace([{ uri: 'file:///ws/x.bulletin.yaml', text: 'title: [unclosed' }]);
  assert.match(broken.html, /yaml-syntax/);
});

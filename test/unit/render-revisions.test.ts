/**
 * The revision history (改訂履歴 / Revision history) under the dates, in the bulletin's language;
 * a bulletin dated by `revisions` alone shows its first and last dates as 登録日 / 更新日.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { element, readExample, renderWorkspace, text } from '../fixtures/render/support';
import { standaloneHtml } from '../../server/src/core/render/standalone';

const revised = readExample('MS04-029').replace(
  'updated: 2004-10-16\n',
  'updated: 2004-10-20\nrevisions:\n  - date: 2004-10-16\n    summary: 初版\n  - date: 2004-10-20\n    summary: 対象プラットフォームを訂正 (Windows NT Workstation 4.0 SP6a は修正プログラムなし)\n',
);
const render = (source: string) => renderWorkspace([{ uri: 'file:///ws/MS04-029.bulletin.yaml', text: source }, { uri: 'file:///ws/MS04-012.bulletin.yaml', text: readExample('MS04-012') }]);

test('改訂履歴: one numbered entry per revision, oldest first, under the dates, each with its line', () => {
  const page = render(revised);
  const header = element(page.html, 'header', 'bulletin-header')!;
  const history = element(header, 'section', 'revision-history')!;
  assert.ok(header.indexOf('bulletin-dates') < header.indexOf('revision-history'), 'under the dates');
  assert.match(text(history), /^改訂履歴/);
  const items = [...history.matchAll(/<li class="revision" data-line="(\d+)"[^>]*>(.*?)<\/li>/g)].map((m) => [Number(m[1]), text(m[2])]);
  const line = (needle: string) => revised.split('\n').findIndex((l) => l.includes(needle));
  assert.deepEqual(items, [
    [line('- date: 2004-10-16'), '1. 2004/10/16 初版'],
    [line('- date: 2004-10-20'), '2. 2004/10/20 対象プラットフォームを訂正 (Windows NT Workstation 4.0 SP6a は修正プログラムなし)'],
  ]);
  assert.match(text(header), /【更新日】2004\/10\/20/);
});

test('Revision history in English; dates from revisions when published/updated are not written; status interim is said', () => {
  const en = revised.replace('lang: ja', 'lang: en').replace(/^published: .*\n/m, '').replace(/^updated: .*\n/m, '').replace('severity: important', 'status: interim\nseverity: important');
  const page = render(en);
  const header = element(page.html, 'header', 'bulletin-header')!;
  assert.match(text(header), /Revision history/);
  assert.match(text(header), /【Published】2004-10-16/);
  assert.match(text(header), /【Updated】2004-10-20/);
  assert.match(text(header), /Interim \(more revisions expected\)/);
  assert.doesNotMatch(header, /改訂履歴/);
});

test('no revisions, no history section; the exported page carries it too', () => {
  assert.equal(element(render(readExample('MS04-029')).html, 'section', 'revision-history'), undefined);
  const page = render(revised);
  const html = standaloneHtml(page, '');
  assert.match(html, /<section class="revision-history"/);
});

/**
 * `unrevised-change` and its fix Add revision, in the core, given the committed version the
 * way the server and the CLI give it (the git side is tested over real repositories in
 * test/lsp/revisions.test.ts and test/cli/diff.test.ts). The seed's correction: MS04-029 first
 * listed Windows NT Workstation 4.0 SP6a as fixed; the corrected text is flagged until a
 * revision is added, and the fix's result is byte-exact and clean.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText, checkBulletin } from '../../../server/src/core/analyze';
import { WorkspaceIndex } from '../../../server/src/core/index/workspace-index';
import { committedVersion } from '../../../server/src/core/history';
import { fixesFor } from '../../../server/src/core/authoring/fixes';
import type { Problem } from '../../../server/src/core/problems';

const root = join(__dirname, '..', '..', '..');
const first = readFileSync(join(root, 'test', 'fixtures', 'revisions', 'MS04-029.first.yaml'), 'utf8');
const corrected = readFileSync(join(root, 'examples', 'MS04-029.bulletin.yaml'), 'utf8');
const related = readFileSync(join(root, 'examples', 'MS04-012.bulletin.yaml'), 'utf8');
const uri = 'file:///ws/MS04-029.bulletin.yaml';

function check(text: string, committedText: string | undefined, locale: 'en' | 'ja' = 'en'): Problem[] {
  const index = new WorkspaceIndex();
  const analysis = analyzeText(uri, text, { locale });
  index.set(analysis.bulletin);
  index.set(analyzeText('file:///ws/MS04-012.bulletin.yaml', related).bulletin);
  const history = committedText === undefined ? undefined : (u: string) => (u === uri ? committedVersion('0123456789abcdef', committedText, analysis.parsed) : undefined);
  return checkBulletin(analysis.bulletin, index, { locale, history });
}

function fix(text: string, committedText: string, today: string): string {
  const analysis = analyzeText(uri, text);
  const [finding] = check(text, committedText).filter((p) => p.code === 'unrevised-change');
  assert.ok(finding, 'the rule fires');
  const fixes = fixesFor(finding, { analysis, index: new WorkspaceIndex(), locale: 'ja', today });
  assert.equal(fixes.length, 1);
  let out = text;
  for (const edit of [...fixes[0].edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  return out;
}

const codes = (problems: Problem[]) => problems.map((p) => p.code);

test('the seed\'s correction: unrevised-change fires on the corrected text, on `updated`, naming the change', () => {
  const found = check(corrected, first).filter((p) => p.code === 'unrevised-change');
  assert.equal(found.length, 1);
  assert.equal(corrected.slice(found[0].offset, found[0].offset + found[0].length), '2004-10-16');
  assert.equal(corrected.lastIndexOf('\n', found[0].offset), corrected.indexOf('updated:') - 1, 'on the updated line');
  assert.match(found[0].message, /MS04-029 has changed since commit 0123456 \(プラットフォームを削除: Windows NT Workstation 4\.0 SP6a \(nt4-wks-sp6a\), and 1 more\)/);
  assert.equal(found[0].data?.summary, 'Windows NT Workstation 4.0 SP6a を対象外に');
  const ja = check(corrected, first, 'ja').find((p) => p.code === 'unrevised-change')!;
  assert.match(ja.message, /コミット 0123456 から変更されています/);
});

test('silent: no committed version, no material change, a draft or interim committed version, a new revision, a changed `updated`', () => {
  assert.deepEqual(codes(check(corrected, undefined)), []);
  assert.deepEqual(codes(check(corrected, corrected.replace('comment: |', '# a comment\ncomment: |'))), [], 'only a comment differs');
  assert.deepEqual(codes(check(corrected, first.replace('severity: important', 'status: draft\nseverity: important'))), []);
  assert.deepEqual(codes(check(corrected, first.replace('severity: important', 'status: interim\nseverity: important'))), []);
  assert.deepEqual(codes(check(corrected.replace('updated: 2004-10-16', 'updated: 2004-10-20'), first)), []);
  const revised = corrected.replace('updated: 2004-10-16\n', 'updated: 2004-10-16\nrevisions:\n  - date: 2004-10-16\n    summary: 初版\n  - date: 2004-10-20\n    summary: 訂正\n');
  assert.deepEqual(codes(check(revised, first)), ['revision-order'], 'only the disagreeing updated is left to say');
  // Committed with status final: it fires.
  assert.deepEqual(codes(check(corrected, first.replace('severity: important', 'status: final\nseverity: important'))), ['unrevised-change']);
});

test('Add revision without a history: `updated` set to today, a history of the first publication and today, byte-exact and clean', () => {
  const out = fix(corrected, first, '2004-10-20');
  const expected = corrected.replace(
    'updated: 2004-10-16\n',
    'updated: 2004-10-20\nrevisions:\n  - date: 2004-10-16\n    summary: 初版\n  - date: 2004-10-20\n    summary: Windows NT Workstation 4.0 SP6a を対象外に\n',
  );
  assert.equal(out, expected);
  assert.deepEqual(codes(check(out, first)), []);
});

test('Add revision appends to an existing history in its own indentation, keeps CRLF, and replaces only the date', () => {
  const withHistory = (t: string) => t.replace('updated: 2004-10-16\n', 'updated: 2004-10-16   # 更新日\nrevisions:\n    -   date: 2004-10-16\n        summary: "初版"\n');
  const committed = withHistory(first);
  const current = withHistory(corrected).replace(/\n/g, '\r\n');
  const out = fix(current, committed.replace(/\n/g, '\r\n'), '2004-10-21');
  const expected = current.replace('updated: 2004-10-16   # 更新日', 'updated: 2004-10-21   # 更新日').replace('        summary: "初版"\r\n', '        summary: "初版"\r\n    -   date: 2004-10-21\r\n        summary: Windows NT Workstation 4.0 SP6a を対象外に\r\n');
  assert.equal(out, expected);
  assert.deepEqual(codes(check(out, committed)), []);
});

test('Add revision is not offered without a date or a summary, nor on a flow history', () => {
  const analysis = analyzeText(uri, corrected);
  const finding = check(corrected, first).find((p) => p.code === 'unrevised-change')!;
  assert.deepEqual(fixesFor(finding, { analysis, index: new WorkspaceIndex(), locale: 'en' }), []);
  assert.deepEqual(fixesFor({ ...finding, data: {} }, { analysis, index: new WorkspaceIndex(), locale: 'en', today: '2004-10-20' }), []);
  const flow = corrected.replace('updated: 2004-10-16\n', 'updated: 2004-10-16\nrevisions: [{date: 2004-10-16, summary: 初版}]\n');
  const flowAnalysis = analyzeText(uri, flow);
  assert.deepEqual(fixesFor(finding, { analysis: flowAnalysis, index: new WorkspaceIndex(), locale: 'en', today: '2004-10-20' }), []);
});

/**
 * Issue 16 (smaller points): ids in `includes`/`related` link to the named bulletin's page
 * (unresolved ids stay text), the comparison tables have a section and heading of their own,
 * and the page's findings are worded in the bulletin's language, whatever the checker's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText, checkBulletin } from '../../server/src/core/analyze';
import { WorkspaceIndex } from '../../server/src/core/index/workspace-index';
import { findingsInBulletinLanguage, relativeUrl, renderBulletin } from '../../server/src/core/render';
import { element, readExample, renderWorkspace, text } from '../fixtures/render/support';

test('relativeUrl: from one file to another, for URIs and paths, percent-encoded; none across schemes or hosts', () => {
  assert.equal(relativeUrl('file:///ws/MS04-029.html', 'file:///ws/MS04-012.html'), 'MS04-012.html');
  assert.equal(relativeUrl('file:///ws/2004/MS04-029.html', 'file:///ws/2003/MS03-026.html'), '../2003/MS03-026.html');
  assert.equal(relativeUrl('file:///ws/MS04-029.html', 'file:///ws/old/deeper/MS03-026.html'), 'old/deeper/MS03-026.html');
  assert.equal(relativeUrl('file:///ws/%E6%97%A7/a.html', 'file:///ws/b.html'), '../b.html');
  assert.equal(relativeUrl('/out/a.html', '/out/セキュリティ情報/b c.html'), `${encodeURIComponent('セキュリティ情報')}/b%20c.html`);
  assert.equal(relativeUrl('C:\\out\\a.html', 'C:\\out\\x\\b.html'), 'x/b.html');
  assert.equal(relativeUrl('examples/a.bulletin.yaml', 'examples/b.bulletin.yaml'), 'b.bulletin.yaml');
  assert.equal(relativeUrl('/out/a.html', '/out/c:x.html'), 'c%3Ax.html');
  assert.equal(relativeUrl('file:///out/a.html', 'file:///out/c:x.html'), 'c%3Ax.html');
  assert.equal(relativeUrl('file:///c%3A/ws/a.html', 'file:///C:/ws/sub/b.html'), 'sub/b.html');
  assert.equal(relativeUrl('file:///ws/a.html', 'vscode-vfs://github/ws/b.html'), undefined);
  assert.equal(relativeUrl('file://host-a/ws/a.html', 'file://host-b/ws/b.html'), undefined);
  assert.equal(relativeUrl('/abs/a.html', 'rel/b.html'), undefined);
});

test('a related id that names a bulletin of the workspace links to its page and source; the id text stays', () => {
  const page = renderWorkspace([
    { uri: 'file:///ws/2004/MS04-029.bulletin.yaml', text: readExample('MS04-029') },
    { uri: 'file:///ws/2004/old/MS04-012.bulletin.yaml', text: readExample('MS04-012') },
  ]);
  const related = element(page.html, 'tr', 'fact-related')!;
  assert.match(related, /<a class="bulletin-ref" href="old\/MS04-012\.html" data-source="old\/MS04-012\.bulletin\.yaml">MS04-012<\/a>/);
  assert.equal(text(element(related, 'td', '')!), 'MS04-012');
});

test('an id no bulletin has stays plain text; a page with no known place links nowhere', () => {
  const unresolved = readExample('MS04-029').replace('  - MS04-012 ', '  - MS99-404 ');
  const page = renderWorkspace([{ uri: 'file:///ws/MS04-029.bulletin.yaml', text: unresolved }, { uri: 'file:///ws/MS04-012.bulletin.yaml', text: readExample('MS04-012') }]);
  const related = element(page.html, 'tr', 'fact-related')!;
  assert.doesNotMatch(related, /<a /);
  assert.match(related, /<li data-line="\d+">MS99-404<\/li>/);

  const index = new WorkspaceIndex();
  const self = analyzeText('file:///ws/MS04-029.bulletin.yaml', readExample('MS04-029'), { locale: 'ja' });
  index.set(self.bulletin);
  index.set(analyzeText('file:///ws/MS04-012.bulletin.yaml', readExample('MS04-012'), { locale: 'ja' }).bulletin);
  const nowhere = renderBulletin({ parsed: self.parsed, bulletin: self.bulletin, index, findings: [], pages: { page: undefined, pageOf: () => undefined } });
  assert.doesNotMatch(element(nowhere.html, 'tr', 'fact-related')!, /<a /);
  // Saved elsewhere (Export HTML's dialog): the link leads from there to the page beside its source.
  const saved = renderBulletin({ parsed: self.parsed, bulletin: self.bulletin, index, findings: [], pages: { page: 'file:///export/MS04-029.html', pageOf: (s) => s.replace('.bulletin.yaml', '.html') } });
  assert.match(element(saved.html, 'tr', 'fact-related')!, /href="\.\.\/ws\/MS04-012\.html" data-source="MS04-012\.bulletin\.yaml"/);
});

test('the comparison tables have their own section and heading, never under the comment heading', () => {
  const withComment = renderWorkspace([
    { uri: 'file:///ws/MS04-029.bulletin.yaml', text: readExample('MS04-029') },
    { uri: 'file:///ws/MS04-012.bulletin.yaml', text: readExample('MS04-012') },
  ]).html;
  const comment = element(withComment, 'section', 'class="comment"')!;
  assert.doesNotMatch(comment, /comparison/);
  assert.match(withComment, /<section class="comparisons"><h2>他のセキュリティ情報とのファイルの比較<\/h2><section class="comparison" data-line="\d+"><h3/);
  assert.ok(withComment.indexOf('class="comment"') < withComment.indexOf('class="comparisons"'), 'the editors\' comment comes first, as on the seed page');

  const lines = readExample('MS04-029').split('\n');
  const start = lines.findIndex((l) => l.startsWith('comment:'));
  let end = start + 1;
  while (lines[end]?.startsWith('  ')) end++;
  const noComment = renderWorkspace([
    { uri: 'file:///ws/MS04-029.bulletin.yaml', text: [...lines.slice(0, start), ...lines.slice(end)].join('\n') },
    { uri: 'file:///ws/MS04-012.bulletin.yaml', text: readExample('MS04-012') },
  ]).html;
  assert.doesNotMatch(noComment, /class="comment"/);
  assert.doesNotMatch(noComment, /HotFixテスティング・チームからのコメント/);
  assert.match(noComment, /<section class="comparisons"><h2>他のセキュリティ情報とのファイルの比較<\/h2>/);
  assert.ok(element(noComment, 'table', 'data-platform="nt4-server-sp6a"'));
});

test("findings on a Japanese bulletin's page are in Japanese when the checker speaks English, and the same findings", () => {
  const faulty = readExample('MS04-029').replace('severity: important', 'severity: importent').replace('summary: |', 'summry: |');
  const index = new WorkspaceIndex();
  const self = analyzeText('file:///ws/MS04-029.bulletin.yaml', faulty, { locale: 'en' });
  index.set(self.bulletin);
  index.set(analyzeText('file:///ws/MS04-012.bulletin.yaml', readExample('MS04-012'), { locale: 'en' }).bulletin);
  const english = checkBulletin(self.bulletin, index, { locale: 'en' });
  assert.ok(english.some((p) => /must be one of/.test(p.message)), english.map((p) => p.message).join('\n'));
  const worded = findingsInBulletinLanguage(self, index, english, { locale: 'en' });
  assert.deepEqual(
    worded.map((p) => [p.offset, p.length, p.code, p.severity]),
    english.map((p) => [p.offset, p.length, p.code, p.severity]),
  );
  for (const p of worded) assert.match(p.message, /[\u3040-\u30ff\u4e00-\u9fff]/, `not Japanese: ${p.message}`);
  const page = renderBulletin({ parsed: self.parsed, bulletin: self.bulletin, index, findings: worded });
  assert.match(page.html, /<span class="finding-severity">エラー<\/span> <code class="finding-code">schema<\/code> `severity` は /);
  assert.doesNotMatch(page.html, /must be one of|Unknown key/);
  // Rule findings alone (the record needs no second reading): worded again by the rules.
  const ruleOnly = analyzeText(self.bulletin.uri, readExample('MS04-029').replace('  - MS04-012 ', '  - MS99-404 '), { locale: 'en' });
  assert.equal(ruleOnly.bulletin.intrinsic.length, 0);
  const unresolved = checkBulletin(ruleOnly.bulletin, index, { locale: 'en' });
  assert.ok(unresolved.some((p) => p.code === 'unresolved-reference' && /no bulletin/.test(p.message)), unresolved.map((p) => p.message).join('\n'));
  const rewordedRules = findingsInBulletinLanguage(ruleOnly, index, unresolved, { locale: 'en' });
  assert.equal(rewordedRules.length, unresolved.length);
  for (const p of rewordedRules) assert.match(p.message, /[\u3040-\u30ff\u4e00-\u9fff]/, `not Japanese: ${p.message}`);
  // Already in the bulletin's language: the very findings given.
  const japanese = checkBulletin(analyzeText(self.bulletin.uri, faulty, { locale: 'ja' }).bulletin, index, { locale: 'ja' });
  assert.equal(findingsInBulletinLanguage(self, index, japanese, { locale: 'ja' }), japanese);
  // An English bulletin keeps English findings when the checker speaks Japanese.
  const english029 = faulty.replace('lang: ja', 'lang: en');
  const en = analyzeText(self.bulletin.uri, english029, { locale: 'ja' });
  const enFindings = findingsInBulletinLanguage(en, index, checkBulletin(en.bulletin, index, { locale: 'ja' }), { locale: 'ja' });
  assert.ok(enFindings.some((p) => /must be one of/.test(p.message)));
  assert.ok(enFindings.every((p) => !/[\u3040-\u30ff]/.test(p.message)), enFindings.map((p) => p.message).join('\n'));
});

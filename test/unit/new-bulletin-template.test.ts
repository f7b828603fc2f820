/**
 * Bulletin: New Bulletin inserts the `bulletin` snippet with the id, KB and language written in
 * and every text the author must write left empty: each such field is a finding until written,
 * and the file passes once they are. The first prompt refuses an id the workspace has; a KB
 * number may be typed with its `KB` prefix.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText, checkBulletin } from '../../server/src/core/analyze';
import { WorkspaceIndex } from '../../server/src/core/index/workspace-index';
import { dateVariables, expandSnippet, tabStops, type SnippetDefinition } from '../../server/src/core/authoring/snippet';
import { idProblem, kbNumber, newBulletinSnippet } from '../../server/src/core/authoring/new-bulletin-template';

const root = join(__dirname, '..', '..');
const snippets = JSON.parse(readFileSync(join(root, 'snippets', 'bulletin.code-snippets'), 'utf8')) as Record<string, SnippetDefinition>;
const variables = dateVariables(new Date(2004, 9, 20));

function problems(text: string) {
  const { bulletin } = analyzeText('file:///MS05-011.bulletin.yaml', text);
  const index = new WorkspaceIndex();
  index.set(bulletin);
  return checkBulletin(bulletin, index);
}

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length - 1;

test('the id, KB and language are written in; no example text is left to pass as real', () => {
  const snippet = newBulletinSnippet(snippets, { id: 'MS05-011', kb: '887472', lang: 'ja' });
  assert.match(snippet, /^id: MS05-011\nkb: 887472\nlang: ja\n/m);
  assert.match(snippet, /^ {2}- label: MS05-011$/m);
  assert.match(snippet, /^ {6}file: \$\{\d+\}-KB887472-x86-\$\{\d+\|JPN,ENU\|\}\.exe$/m);
  assert.match(snippet, /Hotfix\\\\KB887472$/m);
  for (const example of ['Title of the vulnerability', 'CVE-2004-0000', 'file.dll', '4.0.1381.0', 'Overview', 'nt4-server-sp6a', 'What the file is']) {
    assert.ok(!snippet.includes(example), example);
  }
  assert.match(newBulletinSnippet(snippets, { id: 'MS05-011', kb: '887472', lang: 'en' }), /x86-\$\{\d+\|ENU,JPN\|\}\.exe$/m);
});

test('inserted as is (Tab through every stop), each field the author must write is a finding', () => {
  const text = expandSnippet(newBulletinSnippet(snippets, { id: 'MS05-011', kb: '887472', lang: 'en' }), { variables });
  const flagged = new Set(problems(text).filter((p) => p.severity === 'error').map((p) => text.split('\n')[lineOf(text, p.offset)]!.trim().split(':')[0]));
  for (const key of ['title', 'url', '- id', 'summary', 'name', 'version', 'size', 'description']) assert.ok(flagged.has(key), `${key} is flagged: ${[...flagged].join(', ')}`);
});

test('once each empty stop is written, the new bulletin passes every check', () => {
  const snippet = newBulletinSnippet(snippets, { id: 'MS05-011', kb: '887472', lang: 'ja' });
  const written: Record<string, string> = {
    title: 'Windows のライセンス ログ サービスの脆弱性',
    url: 'https://www.microsoft.com/technet/security/bulletin/MS05-010.mspx',
    cve: 'CVE-2005-0050',
    vulnTitle: 'ライセンス ログ サービスの脆弱性',
    cwe: '120',
    vector: 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    summary: 'リモートでコードが実行される可能性がある。',
    platform: 'nt4-server-sp6a',
    platformName: 'Windows NT Server 4.0 SP6a',
    cpe: 'cpe:/o:microsoft:windows_nt:4.0:sp6a:server',
    package: 'WindowsNT4Server',
    file: 'llssrv.exe',
    version: '4.0.1381.7342',
    size: '126224',
    description: 'ライセンス ログ サービス',
  };
  const order = [written.title, written.url, written.cve, written.vulnTitle, written.cwe, written.vector, written.summary, written.platform, written.platformName, written.cpe, written.package, written.file, written.version, written.size, written.description];
  const empty = [...tabStops(snippet)].filter(([, choices]) => !choices).map(([stop]) => stop).filter((stop) => stop !== 0).sort((a, b) => a - b);
  assert.equal(empty.length, order.length, `the empty stops: ${empty.join(', ')}`);
  const values = Object.fromEntries(empty.map((stop, i) => [stop, order[i]!]));
  const text = expandSnippet(snippet, { variables, values });
  assert.match(text, /^title: Windows のライセンス/m);
  assert.deepEqual(problems(text), [], text);
});

test('the first prompt refuses a malformed id and one a bulletin of the workspace has', () => {
  assert.equal(idProblem('MS05-011', ['MS04-029', 'MS04-011']), undefined);
  assert.equal(idProblem(' MS04-029 ', ['MS04-029']), 'taken');
  assert.equal(idProblem('ms04-029', ['MS04-029']), 'pattern');
  assert.equal(idProblem('MS04-29', []), 'pattern');
});

test('a KB number is digits, with or without the KB prefix', () => {
  assert.equal(kbNumber('890175'), '890175');
  assert.equal(kbNumber('KB890175'), '890175');
  assert.equal(kbNumber(' kb890175 '), '890175');
  assert.equal(kbNumber('KB 890175'), '890175');
  assert.equal(kbNumber('KB'), undefined);
  assert.equal(kbNumber('0123'), undefined);
  assert.equal(kbNumber('89O175'), undefined);
});

/**
 * The preview's change marks in the facts box (`bulletin.preview.showChanges: last-commit`):
 * a vulnerability's title, impacts, CVSS vectors and CWE, and the included / related ids, each
 * marked where it is on the page: the old value struck through (`<del class="change-old">`),
 * the new one highlighted (`<ins class="change-new">`), an added entry marked as new
 * (`change-entry-added`), a removed one shown struck through where it was
 * (`change-entry-removed`). Without changes the page has no mark at all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { edit, element, marks, readExample, renderChanged, renderExample, text } from '../fixtures/render/support';
import { standaloneHtml } from '../../server/src/core/render/standalone';

const base = readExample('MS04-029');

/** The `<li>` items directly in the first `<ul class="…cls…">` (nested lists kept inside their item). */
function items(html: string, cls: string): string[] {
  const start = html.search(new RegExp(`<ul class="${cls}"`));
  assert.ok(start >= 0, `a <ul class="${cls}">`);
  const out: string[] = [];
  let depth = 0;
  let itemStart = -1;
  for (const m of html.slice(start).matchAll(/<(\/?)(ul|li)\b[^>]*>/g)) {
    const [tag, closing, name] = m;
    const at = start + m.index!;
    if (name === 'ul') {
      depth += closing ? -1 : 1;
      if (depth === 0) break;
    } else if (depth === 1 && !closing) itemStart = at;
    else if (depth === 1 && closing) out.push(html.slice(itemStart, at + tag.length));
  }
  return out;
}

const vulnerability = (html: string, i = 0) => items(html, 'vulnerabilities')[i]!;

test('a vulnerability title changed: the old title struck through before the new one, in the title', () => {
  const page = renderChanged(base, edit(base, 'title: RPC ランタイム・ライブラリの未チェック・バッファの脆弱性', 'title: RPC ランタイム・ライブラリのバッファの脆弱性'));
  const title = /<span class="vuln-title">([\s\S]*?)<\/span><ul/.exec(vulnerability(page.html))![1]!;
  assert.deepEqual(marks(title), { old: ['RPC ランタイム・ライブラリの未チェック・バッファの脆弱性'], new: ['RPC ランタイム・ライブラリのバッファの脆弱性'] });
  assert.ok(title.indexOf('change-old') < title.indexOf('change-new'), 'old first');
  assert.deepEqual(marks(page.html.replace(title, '').replace(/<aside class="changes">[\s\S]*?<\/aside>/, '')), { old: [], new: [] }, 'nothing else is marked');
});

test('impacts: an added impact highlighted, a removed one struck through, the kept one plain', () => {
  const page = renderChanged(base, edit(base, 'impact: [information-disclosure, denial-of-service]', 'impact: [information-disclosure, remote-code-execution]'));
  const impacts = items(vulnerability(page.html), 'impacts');
  const byClass = (needle: string) => impacts.find((li) => li.includes(`impact-${needle}`))!;
  assert.doesNotMatch(byClass('information-disclosure'), /change-/);
  assert.match(byClass('remote-code-execution'), /class="impact impact-remote-code-execution change-entry-added"/);
  assert.deepEqual(marks(byClass('remote-code-execution')), { old: [], new: ['リモートでコードが実行される'] });
  assert.match(byClass('denial-of-service'), /change-entry-removed/);
  assert.deepEqual(marks(byClass('denial-of-service')).old, ['サービス拒否']);
  assert.deepEqual(impacts.map((li) => /impact-([a-z-]+)/.exec(li)![1]), ['information-disclosure', 'denial-of-service', 'remote-code-execution'], 'the removed impact where it was');
});

test('CVSS: a changed vector is the old one struck through (with its score) and the new one highlighted; the unchanged vector is plain', () => {
  const after = edit(base, 'C:L/I:N/A:L\n        score: 6.5', 'C:H/I:N/A:L');
  const page = renderChanged(base, after);
  const scores = items(vulnerability(page.html), 'cvss-scores');
  assert.equal(scores.length, 3, scores.join('\n'));
  const added = scores.find((li) => li.includes('C:H/I:N/A:L'))!;
  const removed = scores.find((li) => li.includes('C:L/I:N/A:L'))!;
  const kept = scores.find((li) => li.includes('CVSS:4.0'))!;
  assert.match(added, /change-entry-added/);
  assert.match(text(marks(added).new.join(' ')), /CVSS 3\.1 8\.2 .* CVSS:3\.1\/AV:N\/AC:L\/PR:N\/UI:N\/S:U\/C:H\/I:N\/A:L/);
  assert.match(removed, /change-entry-removed/);
  assert.match(marks(removed).old.join(' '), /CVSS 3\.1 6\.5 .* CVSS:3\.1\/AV:N\/AC:L\/PR:N\/UI:N\/S:U\/C:L\/I:N\/A:L/);
  assert.ok(scores.indexOf(removed) < scores.indexOf(kept), 'the removed vector stays where it was');
  assert.doesNotMatch(kept, /change-/);
});

test('CWE: changed, added and removed, each in the CWE span', () => {
  const cwe = (html: string) => /<span class="cwe[ "][^>]*>[\s\S]*?<\/span>(?=<ul|<\/li>)/.exec(vulnerability(html))?.[0] ?? '';
  const changed = renderChanged(base, edit(base, 'cwe: CWE-120', 'cwe: CWE-787'));
  assert.deepEqual(marks(cwe(changed.html)).old, ['CWE-120']);
  assert.match(marks(cwe(changed.html)).new.join(), /^CWE-787 \S/, 'the new id with its name');
  const withoutCwe = edit(base, '    cwe: CWE-120\n', '');
  assert.deepEqual(marks(cwe(renderChanged(withoutCwe, base).html)).old, [], 'added: nothing struck through');
  assert.match(marks(cwe(renderChanged(withoutCwe, base).html)).new[0]!, /^CWE-120 /);
  const removed = renderChanged(base, withoutCwe);
  assert.match(vulnerability(removed.html), /<span class="cwe change-entry-removed"[^>]*><del class="change-old">CWE-120<\/del><\/span>/);
});

const second = '  - id: CAN-2004-9999\n    title: 二つ目の脆弱性\n    impact: [denial-of-service]\n';
const withSecond = edit(base, 'includes: []\n', `${second}includes: []\n`);

test('a vulnerability added is marked as new; one removed is struck through where it was', () => {
  const added = renderChanged(base, withSecond);
  const [kept, fresh] = items(added.html, 'vulnerabilities');
  assert.doesNotMatch(kept!, /change-/);
  assert.match(fresh!, /^<li class="vulnerability change-entry-added"/);
  assert.deepEqual(marks(fresh!), { old: [], new: ['CAN-2004-9999 二つ目の脆弱性'] });
  // Removed from the top of the list: shown first, where it was, then the one that stays.
  const top = edit(withSecond, second, '').replace('vulnerabilities:\n', `vulnerabilities:\n${second}`);
  const removed = renderChanged(top, base);
  const list = items(removed.html, 'vulnerabilities');
  assert.equal(list.length, 2);
  assert.match(list[0]!, /^<li class="vulnerability change-entry-removed" data-line="\d+"><del class="change-old">/);
  assert.deepEqual(marks(list[0]!).old, ['CAN-2004-9999 二つ目の脆弱性']);
  assert.doesNotMatch(list[1]!, /change-/);
});

test('includes / related: an added id highlighted, a removed one struck through in its list', () => {
  const added = renderChanged(base, edit(base, 'includes: []', 'includes: [MS04-012]'));
  const includes = element(added.html, 'tr', 'fact-includes')!;
  assert.match(includes, /<li class="change-entry-added" data-line="\d+"><ins class="change-new"><a class="bulletin-ref"[^>]*>MS04-012<\/a><\/ins><\/li>/);
  const removed = renderChanged(base, edit(base, 'related:\n  - MS04-012          # shares ole32.dll, rpcrt4.dll and rpcss.exe, but not rpcproxy.dll\n', 'related: []\n'));
  const related = element(removed.html, 'tr', 'fact-related')!;
  assert.match(related, /<li class="change-entry-removed" data-line="\d+"><del class="change-old">MS04-012<\/del><\/li>/);
  assert.doesNotMatch(related, /change-new/, 'the row itself is not marked as new');
  const both = renderChanged(base, edit(base, '  - MS04-012    ', '  - MS04-011    '));
  assert.deepEqual(marks(element(both.html, 'tr', 'fact-related')!), { old: ['MS04-012'], new: ['MS04-011'] });
});

test('without changes (showChanges off) the page and its export carry no mark', () => {
  const page = renderExample('MS04-029');
  assert.doesNotMatch(page.html, /change-(old|new|entry)|<del|<ins|class="changes"/);
  assert.doesNotMatch(standaloneHtml(page, ''), /change-entry|<del|<ins/);
  // The same bulletin with an empty diff: only the "no change" note, nothing marked in place.
  const same = renderChanged(base, base);
  assert.deepEqual(marks(same.html), { old: [], new: [] });
  assert.equal(same.html.replace(/<aside class="changes">[\s\S]*?<\/aside>/, ''), page.html);
});

test('advisories: a changed label is marked inside its link; an added advisory is new, a removed one struck through without a link', () => {
  const us = '  - label: MS04-029 (US)\n    url: https://www.microsoft.com/technet/security/bulletin/ms04-029.mspx\n';
  const advisories = (html: string) => items(element(html, 'tr', 'fact-advisories')!, 'advisories');
  const relabelled = advisories(renderChanged(base, edit(base, 'label: MS04-029 (US)', 'label: MS04-029 (English)')).html);
  assert.match(relabelled[1]!, /<a href="[^"]+" rel="noopener noreferrer"><del class="change-old">MS04-029 \(US\)<\/del> <ins class="change-new">MS04-029 \(English\)<\/ins><\/a>/);
  const removed = advisories(renderChanged(base, edit(base, us, '')).html);
  assert.equal(removed.length, 3);
  assert.match(removed[1]!, /^<li class="change-entry-removed" data-line="\d+"><del class="change-old">MS04-029 \(US\)<\/del><\/li>$/, 'second, where it was, and no link');
  const added = advisories(renderChanged(edit(base, us, ''), base).html);
  assert.match(added[1]!, /^<li class="change-entry-added" data-line="\d+"><ins class="change-new"><a href=[^>]+>MS04-029 \(US\)<\/a><\/ins><\/li>$/);
  assert.doesNotMatch(added[0]! + added[2]!, /change-/);
});

test('old values are escaped like new ones: a removed entry or a struck-through value cannot inject markup', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const before = edit(edit(withSecond, 'title: 二つ目の脆弱性', `title: '${hostile}'`), 'cwe: CWE-120', `cwe: '${hostile}'`);
  const page = renderChanged(before, edit(base, 'cwe: CWE-120', 'cwe: CWE-121'));
  assert.doesNotMatch(page.html, /<img/);
  assert.match(page.html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.equal(marks(page.html).old.filter((t) => t.includes(hostile)).length, 2, 'the removed title and the old CWE, as text');
});

/**
 * The snippets file: every snippet expands (tab stops, mirrors and choices at their defaults,
 * today's date) to YAML that passes the schema where it belongs; the whole bulletin passes
 * every check; each enum has a choice list with exactly the schema's values; one KB tab stop
 * feeds the package name and the registry key (New Bulletin: new-bulletin-template.test.ts);
 * the suppression comment's choice of codes is the rule registry's, so it cannot drift.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText, checkBulletin } from '../../server/src/core/analyze';
import { WorkspaceIndex } from '../../server/src/core/index/workspace-index';
import { dateVariables, expandSnippet, tabStops, type SnippetDefinition } from '../../server/src/core/authoring/snippet';
import { schemaAt } from '../../server/src/core/authoring/schema-info';
import { rules } from '../../server/src/core/rules';
import { UNSUPPRESSIBLE } from '../../server/src/core/suppress';

const root = join(__dirname, '..', '..');
const snippets = JSON.parse(readFileSync(join(root, 'snippets', 'bulletin.code-snippets'), 'utf8')) as Record<string, SnippetDefinition>;
const byPrefix = new Map(Object.values(snippets).map((s) => [String(s.prefix), s]));
const day = new Date(2004, 9, 20);
const variables = dateVariables(day);
const body = (prefix: string) => ([] as string[]).concat(byPrefix.get(prefix)!.body);

function allProblems(text: string) {
  const { bulletin } = analyzeText('file:///snippet.bulletin.yaml', text);
  const index = new WorkspaceIndex();
  index.set(bulletin);
  return checkBulletin(bulletin, index);
}

function intrinsic(text: string) {
  return analyzeText('file:///snippet.bulletin.yaml', text).bulletin.intrinsic;
}

test('the snippets the issue asks for are all there, each with a description', () => {
  assert.deepEqual([...byPrefix.keys()].sort(), ['advisory', 'bulletin', 'bulletin-ignore', 'file', 'platform', 'registry', 'vuln', 'workaround']);
  for (const s of byPrefix.values()) assert.ok(s.description && s.description.length > 20);
});

test('the whole bulletin expands to a bulletin that passes every check', () => {
  const text = expandSnippet(body('bulletin'), { variables });
  assert.deepEqual(allProblems(text), []);
  assert.match(text, /^published: 2004-10-20$/m);
  assert.match(text, /^lang: ja$/m);
});

test('one KB tab stop feeds kb, the package name and the registry key', () => {
  const lines = body('bulletin');
  const kbStop = Number(/^kb: \$\{(\d+)/.exec(lines.find((l) => l.startsWith('kb: '))!)![1]);
  const text = expandSnippet(lines, { variables, values: { [kbStop]: '999999' } });
  assert.match(text, /^kb: 999999$/m);
  assert.match(text, /^ {6}file: WindowsNT4Server-KB999999-x86-JPN\.exe$/m);
  assert.match(text, /^ {8}- key: HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Hotfix\\KB999999$/m);
  assert.deepEqual(allProblems(text), []);
});

test('every enum of the schema is a choice list with exactly its values', () => {
  const stops = tabStops(body('bulletin'));
  const checked: string[] = [];
  for (const line of body('bulletin')) {
    const m = /^( *)(?:- )?(\w+): \[?\$\{(\d+)\|/.exec(line);
    if (!m) continue;
    const key = m[2];
    const path = key === 'tested' ? ['platforms', '*', key] : key === 'impact' ? ['vulnerabilities', '*', key] : [key];
    let schema = schemaAt(path);
    if (schema?.type === 'array') schema = schemaAt([...path, '*']);
    const allowed = (schema?.enum ?? (schema?.type === 'boolean' ? [true, false] : [])).map(String).sort();
    assert.deepEqual([...stops.get(Number(m[3]))!].sort(), allowed, key);
    checked.push(key);
  }
  assert.deepEqual(checked.sort(), ['exploit', 'impact', 'lang', 'restart', 'severity', 'targets', 'tested', 'tlp', 'uninstall', 'urgency']);
});

/** A fragment snippet, indented to its place in a host bulletin. */
const host = (hostText: string, marker: string, fragment: string) => {
  const [before, after] = hostText.split(marker);
  const indent = /([ ]*)$/.exec(before)![1];
  const lines = fragment.replace(/\n+$/, '').split('\n');
  return `${before}${lines.map((l, i) => (i === 0 ? l : `${indent}${l}`)).join('\n')}${after}`;
};
const HEAD = 'bulletin: 1\nid: MS04-000\nkb: 123456\ntitle: T\npublished: 2004-10-20\nseverity: low\n';

const fragments: [string, string][] = [
  ['platform', `${HEAD}platforms:\n  @\n`],
  ['file', `${HEAD}platforms:\n  - id: nt4-server-sp6a\n    name: N\n    files:\n      @\n`],
  ['registry', `${HEAD}platforms:\n  - id: nt4-server-sp6a\n    name: N\n    verify:\n      registry:\n        @\n`],
  ['vuln', `${HEAD}vulnerabilities:\n  @\n`],
  ['workaround', `${HEAD}workarounds:\n  @\n`],
  ['advisory', `${HEAD}advisories:\n  @\n`],
];

for (const [prefix, hostText] of fragments) {
  test(`the ${prefix} snippet expands to an entry that passes the schema in its place`, () => {
    const text = host(hostText, '@', expandSnippet(body(prefix), { variables }));
    assert.deepEqual(intrinsic(text), [], text);
    // With every choice taken in turn, too.
    for (const [stop, choices] of tabStops(body(prefix))) {
      for (const choice of choices ?? []) {
        const variant = host(hostText, '@', expandSnippet(body(prefix), { variables, values: { [stop]: choice } }));
        assert.deepEqual(intrinsic(variant), [], variant);
      }
    }
  });
}

test('the platform snippet shares its KB between the package name and the registry key', () => {
  const text = host(`${HEAD}platforms:\n  @\n`, '@', expandSnippet(body('platform'), { variables }));
  assert.deepEqual(allProblems(text), []);
});

test('the snippet parser refuses what it does not understand instead of inserting it', () => {
  assert.throws(() => expandSnippet('${1/(.*)/x/}', { variables }), /unsupported placeholder/);
  assert.throws(() => expandSnippet('$TM_FILENAME', { variables }), /unknown variable/);
  assert.equal(expandSnippet('a \\$1 ${1:x} $1 ${2|p,q\\,r|} \\\\', { variables }), 'a $1 x x p \\');
});

/**
 * A fragment inserted the way VS Code inserts a snippet: line ends converted to the document's,
 * each following line indented like the line the cursor is on.
 */
function insertSnippetAt(text: string, anchorLine: string, indent: string, snippet: string): { result: string; at: number; inserted: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lineStart = text.indexOf(`${eol}${anchorLine}${eol}`);
  assert.ok(lineStart >= 0, `anchor ${anchorLine}`);
  const at = lineStart + eol.length + anchorLine.length;
  const inserted = `${eol}${indent}${snippet.split('\n').join(`${eol}${indent}`)}`;
  return { result: text.slice(0, at) + inserted + text.slice(at), at, inserted };
}

const ms04029 = `\uFEFF${readFileSync(join(root, 'examples', 'MS04-029.bulletin.yaml'), 'utf8').replace(/\n/g, '\r\n')}`;
const places: [string, string, string][] = [
  ['advisory', '    url: http://www.securityfocus.com/archive/1/378277', '  '],
  ['vuln', '      - vector: CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:L/SC:N/SI:N/SA:N', '  '],
  ['file', '        description: Distribute COM Services', '      '],
  ['registry', '          data: 1', '        '],
  ['platform', '      500: 94', '  '],
  ['workaround', '    note: >-', '  '],
];

for (const [prefix, anchor, indent] of places) {
  test(`the ${prefix} snippet inserted into a CRLF bulletin with a BOM and comments keeps it valid and every other byte`, () => {
    const snippet = expandSnippet(body(prefix), { variables });
    // `note: >-` is followed by its folded text: insert after that text instead.
    const anchorLine = prefix === 'workaround' ? ms04029.split('\r\n').slice(-2)[0] : anchor;
    const { result, at, inserted } = insertSnippetAt(ms04029, anchorLine, indent, snippet);
    assert.equal(result.slice(0, at), ms04029.slice(0, at));
    assert.equal(result.slice(at + inserted.length), ms04029.slice(at));
    assert.ok(!/(^|[^\r])\n/.test(inserted), 'only CRLF line ends');
    assert.deepEqual(intrinsic(result), [], result);
  });
}

test('the bulletin-ignore snippet offers exactly the codes that can be suppressed, in the registry\'s order', () => {
  const lines = body('bulletin-ignore');
  assert.equal(lines.length, 1);
  assert.match(lines[0], /^# bulletin-ignore \$\{1\|[^|]+\|\}: \$\{2:reason\}$/);
  // yaml-syntax and suppression findings cannot be suppressed (core/suppress.ts): offering them would write a comment that is itself a warning.
  assert.deepEqual(tabStops(lines).get(1), rules.map((r) => r.code).filter((code) => !UNSUPPRESSIBLE.has(code)));
});

test('the bulletin-ignore snippet, with any code and a reason, is a suppression the server reads; above a finding it accepts it', () => {
  const [code, ...others] = tabStops(body('bulletin-ignore')).get(1)!;
  for (const choice of [code, ...others]) {
    const comment = expandSnippet(body('bulletin-ignore'), { variables, values: { 1: choice } });
    assert.equal(comment, `# bulletin-ignore ${choice}: reason`);
    const { bulletin } = analyzeText('file:///s.bulletin.yaml', `${HEAD}${comment}\nexploit: none\n`);
    assert.deepEqual(bulletin.suppressions.map((s) => [s.kind, s.code, s.reason]), [['line', choice, 'reason']]);
  }
  // A file dated after its package: date-order, accepted by the comment above the date.
  const late = `${HEAD}exploit: none\nurgency: early\nplatforms:\n  - id: nt4-server-sp6a\n    name: N\n    package:\n      file: Update-KB123456-x86-JPN.exe\n      date: 2004-10-01\n      version: 5.4.15.0\n      size: 1000\n    files:\n      - name: a.dll\n        date: 2004-10-02\n        version: 4.0.1381.7300\n        size: 100\n    verify:\n      registry:\n        - key: HKLM\\SOFTWARE\\Microsoft\\Updates\\KB123456\n          value: Installed\n          type: REG_DWORD\n          data: 1\n`;
  assert.deepEqual(allProblems(late).map((p) => p.code), ['date-order']);
  const comment = expandSnippet(body('bulletin-ignore'), { variables, values: { 1: 'date-order', 2: 're-released' } });
  assert.deepEqual(allProblems(late.replace('        date: 2004-10-02', `        ${comment}\n        date: 2004-10-02`)), []);
});

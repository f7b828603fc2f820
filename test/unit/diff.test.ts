/**
 * The semantic diff engine: every kind of change, both ways (A→B gives the change, B→A its
 * inverse), the traps that must give no change (reordered lists, re-quoted values, a comment,
 * CRLF vs LF, `comment:` and `revisions`), ranges in the new text, labels in ja and en, and
 * the summary the Add revision fix drafts from the seed's own correction.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffTexts, draftSummary, type Change } from '../../server/src/core/diff';

const root = join(__dirname, '..', '..');
const base = `bulletin: 1
id: MS05-001
kb: 890001
lang: en
title: Old title
published: 2005-01-10
updated: 2005-01-10
severity: important
exploit: none
urgency: early
restart: required
uninstall: true
targets: [server, client]
advisories:
  - label: MS05-001
    url: https://example.test/ms05-001
  - label: Other
    url: https://example.test/other
vulnerabilities:
  - id: CVE-2005-0001
    title: First
    impact: [information-disclosure, denial-of-service]
  - id: CVE-2005-0002
    title: Second
includes: [MS04-001]
related: [MS04-012, MS04-029]
summary: |
  Line one.
  Line two.
comment: An editor's comment.
platforms:
  - id: nt4-server-sp6a
    name: Windows NT Server 4.0 SP6a
    tested: passed
    package:
      file: Update-KB890001-x86-ENU.exe
      date: 2005-01-05
      version: 5.4.15.0
      size: 1000
    folder: '%SystemRoot%\\System32\\'
    files:
      - name: rpcrt4.dll
        date: 2005-01-01
        version: 4.0.1381.7303
        size: 374400
        description: Remote Procedure Call Runtime
      - name: ole32.dll
        version: 4.00
        size: 768288
      - name: ole32.dll
        variant: uniproc
        version: 4.0.1381.7263
    verify:
      registry:
        - key: HKLM\\SOFTWARE\\Microsoft\\Updates\\KB890001
          value: Installed
          type: REG_DWORD
          data: 1
    deployment:
      50: 18
      100: 27
  - id: w2k-sp4
    name: Windows 2000 SP4
unsupported:
  - name: Windows NT Workstation 4.0 SP6a
    reason: End of life
workarounds:
  - title: Block the ports
    ports:
      udp: [135, 137]
      tcp: [135, 139]
    note: Not a fix.
`;

/** The text with `from` replaced by `to` (exactly once: a test that edits nothing must fail). */
function edit(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  assert.notEqual(out, text, `the edit ${String(from)} applies`);
  return out;
}

interface Expect {
  kind: Change['kind'];
  subject: Change['subject'];
  identity: string[];
  field?: string;
  old?: string;
  new?: string;
}
const inverse = (e: Expect): Expect => {
  const out: Expect = { ...e, kind: e.kind === 'added' ? 'removed' : e.kind === 'removed' ? 'added' : 'changed' };
  delete out.old;
  delete out.new;
  if (e.new !== undefined) out.old = e.new;
  if (e.old !== undefined) out.new = e.old;
  return out;
};
const shape = (c: Change): Expect => {
  const out: Expect = { kind: c.kind, subject: c.subject, identity: c.identity };
  if (c.field !== undefined) out.field = c.field;
  if (c.old !== undefined) out.old = c.old;
  if (c.new !== undefined) out.new = c.new;
  return out;
};

const cases: [string, string, Expect][] = [
  ['title', edit(base, 'title: Old title', 'title: New title'), { kind: 'changed', subject: 'field', identity: ['title'], field: 'title', old: 'Old title', new: 'New title' }],
  ['severity', edit(base, 'severity: important', 'severity: critical'), { kind: 'changed', subject: 'field', identity: ['severity'], field: 'severity', old: 'important', new: 'critical' }],
  ['exploit', edit(base, 'exploit: none', 'exploit: poc'), { kind: 'changed', subject: 'field', identity: ['exploit'], field: 'exploit', old: 'none', new: 'poc' }],
  ['urgency', edit(base, 'urgency: early', 'urgency: urgent'), { kind: 'changed', subject: 'field', identity: ['urgency'], field: 'urgency', old: 'early', new: 'urgent' }],
  ['restart', edit(base, 'restart: required', 'restart: not-required'), { kind: 'changed', subject: 'field', identity: ['restart'], field: 'restart', old: 'required', new: 'not-required' }],
  ['uninstall', edit(base, 'uninstall: true', 'uninstall: false'), { kind: 'changed', subject: 'field', identity: ['uninstall'], field: 'uninstall', old: 'true', new: 'false' }],
  ['targets', edit(base, 'targets: [server, client]', 'targets: [server]'), { kind: 'changed', subject: 'field', identity: ['targets'], field: 'targets', old: 'server, client', new: 'server' }],
  ['kb', edit(base, 'kb: 890001', 'kb: 890002'), { kind: 'changed', subject: 'field', identity: ['kb'], field: 'kb', old: '890001', new: '890002' }],
  ['status added', edit(base, 'severity: important', 'status: interim\nseverity: important'), { kind: 'added', subject: 'field', identity: ['status'], field: 'status', new: 'interim' }],
  ['updated', edit(base, 'updated: 2005-01-10', 'updated: 2005-01-20'), { kind: 'changed', subject: 'field', identity: ['updated'], field: 'updated', old: '2005-01-10', new: '2005-01-20' }],
  ['advisory added', edit(base, 'vulnerabilities:', '  - label: New\n    url: https://example.test/new\nvulnerabilities:'), { kind: 'added', subject: 'advisory', identity: ['advisories', 'https://example.test/new'], new: 'New' }],
  ['advisory changed', edit(base, 'label: Other', 'label: Another'), { kind: 'changed', subject: 'advisory', identity: ['advisories', 'https://example.test/other'], field: 'label', old: 'Other', new: 'Another' }],
  ['vulnerability added', edit(base, 'includes:', '  - id: CVE-2005-0003\n    title: Third\nincludes:'), { kind: 'added', subject: 'vulnerability', identity: ['vulnerabilities', 'CVE-2005-0003'], new: 'Third' }],
  ['vulnerability title', edit(base, 'title: Second', 'title: Second, renamed'), { kind: 'changed', subject: 'vulnerability', identity: ['vulnerabilities', 'CVE-2005-0002'], field: 'title', old: 'Second', new: 'Second, renamed' }],
  ['vulnerability impact', edit(base, 'impact: [information-disclosure, denial-of-service]', 'impact: [denial-of-service]'), { kind: 'changed', subject: 'vulnerability', identity: ['vulnerabilities', 'CVE-2005-0001'], field: 'impact', old: 'information-disclosure, denial-of-service', new: 'denial-of-service' }],
  ['vulnerability cwe', edit(base, '    title: Second\n', '    title: Second\n    cwe: CWE-120\n'), { kind: 'added', subject: 'vulnerability', identity: ['vulnerabilities', 'CVE-2005-0002'], field: 'cwe', new: 'CWE-120' }],
  ['vulnerability cvss', edit(base, '    title: Second\n', '    title: Second\n    cvss:\n      version: "3.1"\n      vector: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N\n'), { kind: 'added', subject: 'vulnerability', identity: ['vulnerabilities', 'CVE-2005-0002'], field: 'cvss', new: 'vector: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N, version: 3.1' }],
  ['published', edit(base, 'published: 2005-01-10', 'published: 2005-01-09'), { kind: 'changed', subject: 'field', identity: ['published'], field: 'published', old: '2005-01-10', new: '2005-01-09' }],
  ['includes', edit(base, 'includes: [MS04-001]', 'includes: [MS04-001, MS03-026]'), { kind: 'added', subject: 'includes', identity: ['includes', 'MS03-026'], new: 'MS03-026' }],
  ['related', edit(base, 'related: [MS04-012, MS04-029]', 'related: [MS04-012]'), { kind: 'removed', subject: 'related', identity: ['related', 'MS04-029'], old: 'MS04-029' }],
  ['platform removed', edit(base, /  - id: w2k-sp4\n    name: Windows 2000 SP4\n/, ''), { kind: 'removed', subject: 'platform', identity: ['platforms', 'w2k-sp4'], old: 'Windows 2000 SP4' }],
  ['platform name', edit(base, 'name: Windows 2000 SP4', 'name: Windows 2000 Service Pack 4'), { kind: 'changed', subject: 'platform', identity: ['platforms', 'w2k-sp4'], field: 'name', old: 'Windows 2000 SP4', new: 'Windows 2000 Service Pack 4' }],
  ['tested', edit(base, 'tested: passed', 'tested: failed'), { kind: 'changed', subject: 'platform', identity: ['platforms', 'nt4-server-sp6a'], field: 'tested', old: 'passed', new: 'failed' }],
  ['folder', edit(base, "folder: '%SystemRoot%\\System32\\'", "folder: '%SystemRoot%\\System32\\drivers\\'"), { kind: 'changed', subject: 'platform', identity: ['platforms', 'nt4-server-sp6a'], field: 'folder', old: '%SystemRoot%\\System32\\', new: '%SystemRoot%\\System32\\drivers\\' }],
  ['package file', edit(base, 'file: Update-KB890001-x86-ENU.exe', 'file: Update-KB890001-x86-JPN.exe'), { kind: 'changed', subject: 'package', identity: ['platforms', 'nt4-server-sp6a', 'package'], field: 'file', old: 'Update-KB890001-x86-ENU.exe', new: 'Update-KB890001-x86-JPN.exe' }],
  ['package version', edit(base, 'version: 5.4.15.0', 'version: 5.4.16.0'), { kind: 'changed', subject: 'package', identity: ['platforms', 'nt4-server-sp6a', 'package'], field: 'version', old: '5.4.15.0', new: '5.4.16.0' }],
  ['package size', edit(base, 'size: 1000', 'size: 1001'), { kind: 'changed', subject: 'package', identity: ['platforms', 'nt4-server-sp6a', 'package'], field: 'size', old: '1000', new: '1001' }],
  ['package date', edit(base, 'date: 2005-01-05', 'date: 2005-01-06'), { kind: 'changed', subject: 'package', identity: ['platforms', 'nt4-server-sp6a', 'package'], field: 'date', old: '2005-01-05', new: '2005-01-06' }],
  ['package added', edit(base, '    name: Windows 2000 SP4\n', '    name: Windows 2000 SP4\n    package:\n      file: W2K-KB890001.exe\n'), { kind: 'added', subject: 'package', identity: ['platforms', 'w2k-sp4', 'package'], new: 'W2K-KB890001.exe' }],
  ['file added', edit(base, '      - name: ole32.dll\n        version: 4.00', '      - name: rpcss.exe\n        version: 4.0.1381.7263\n      - name: ole32.dll\n        version: 4.00'), { kind: 'added', subject: 'file', identity: ['platforms', 'nt4-server-sp6a', 'files', 'rpcss.exe'], new: '4.0.1381.7263' }],
  ['file version', edit(base, 'version: 4.0.1381.7303', 'version: 4.0.1381.7304'), { kind: 'changed', subject: 'file', identity: ['platforms', 'nt4-server-sp6a', 'files', 'rpcrt4.dll'], field: 'version', old: '4.0.1381.7303', new: '4.0.1381.7304' }],
  ['file size', edit(base, 'size: 374400', 'size: 374401'), { kind: 'changed', subject: 'file', identity: ['platforms', 'nt4-server-sp6a', 'files', 'rpcrt4.dll'], field: 'size', old: '374400', new: '374401' }],
  ['file date', edit(base, 'date: 2005-01-01', 'date: 2005-01-02'), { kind: 'changed', subject: 'file', identity: ['platforms', 'nt4-server-sp6a', 'files', 'rpcrt4.dll'], field: 'date', old: '2005-01-01', new: '2005-01-02' }],
  ['file description', edit(base, 'description: Remote Procedure Call Runtime', 'description: RPC Runtime'), { kind: 'changed', subject: 'file', identity: ['platforms', 'nt4-server-sp6a', 'files', 'rpcrt4.dll'], field: 'description', old: 'Remote Procedure Call Runtime', new: 'RPC Runtime' }],
  ['file with a variant', edit(base, 'version: 4.0.1381.7263', 'version: 4.0.1381.7264'), { kind: 'changed', subject: 'file', identity: ['platforms', 'nt4-server-sp6a', 'files', 'ole32.dll (uniproc)'], field: 'version', old: '4.0.1381.7263', new: '4.0.1381.7264' }],
  ['registry added', edit(base, '          data: 1\n', '          data: 1\n        - key: HKLM\\SOFTWARE\\Other\\KB890001\n          value: Installed\n          type: REG_SZ\n          data: yes\n'), { kind: 'added', subject: 'registry', identity: ['platforms', 'nt4-server-sp6a', 'registry', 'HKLM\\SOFTWARE\\Other\\KB890001\\Installed'], new: 'yes' }],
  ['registry changed', edit(base, 'data: 1', 'data: 2'), { kind: 'changed', subject: 'registry', identity: ['platforms', 'nt4-server-sp6a', 'registry', 'HKLM\\SOFTWARE\\Microsoft\\Updates\\KB890001\\Installed'], field: 'data', old: '1', new: '2' }],
  ['deployment', edit(base, '100: 27', '100: 30'), { kind: 'changed', subject: 'deployment', identity: ['platforms', 'nt4-server-sp6a', 'deployment'], old: '50: 18, 100: 27', new: '50: 18, 100: 30' }],
  ['unsupported added', edit(base, 'workarounds:', '  - name: Windows 98\nworkarounds:'), { kind: 'added', subject: 'unsupported', identity: ['unsupported', 'Windows 98'], new: 'Windows 98' }],
  ['unsupported reason', edit(base, 'reason: End of life', 'reason: Support ended'), { kind: 'changed', subject: 'unsupported', identity: ['unsupported', 'Windows NT Workstation 4.0 SP6a'], field: 'reason', old: 'End of life', new: 'Support ended' }],
  ['workaround added', `${base}  - title: Disable DCOM\n`, { kind: 'added', subject: 'workaround', identity: ['workarounds', 'Disable DCOM'], new: 'Disable DCOM' }],
  ['workaround ports', edit(base, 'tcp: [135, 139]', 'tcp: [135, 139, 445]'), { kind: 'changed', subject: 'workaround', identity: ['workarounds', 'Block the ports'], field: 'tcp', old: '135, 139', new: '135, 139, 445' }],
  ['workaround note', edit(base, 'note: Not a fix.', 'note: Not a fix at all.'), { kind: 'changed', subject: 'workaround', identity: ['workarounds', 'Block the ports'], field: 'note', old: 'Not a fix.', new: 'Not a fix at all.' }],
];

for (const [name, changed, expected] of cases) {
  test(`${name}: one change, and its inverse the other way`, () => {
    assert.deepEqual(diffTexts(base, changed).map(shape), [expected]);
    assert.deepEqual(diffTexts(changed, base).map(shape), [inverse(expected)]);
  });
}

test('summary: changed or not, with the changed lines; a reflowed paragraph is no change', () => {
  const changed = edit(base, '  Line two.\n', '  Line 2.\n  Line three.\n');
  const [change] = diffTexts(base, changed);
  assert.deepEqual([change.kind, change.subject, change.lines], ['changed', 'summary', { removed: ['Line two.'], added: ['Line 2.', 'Line three.'] }]);
  assert.deepEqual(diffTexts(base, edit(base, 'summary: |\n  Line one.\n  Line two.\n', 'summary: |\n  Line one.\n\n  Line two.\n')).filter((c) => c.subject === 'summary').length, 1, 'a new paragraph is a change');
  assert.deepEqual(diffTexts(base, edit(base, 'summary: |\n  Line one.\n  Line two.\n', 'summary: >\n  Line one.\n  Line two.\n')), [], 'the same words folded');
});

test('traps: reordered lists, re-quoted values, comments, blank lines, key order, CRLF, comment and revisions are no change', () => {
  const traps: [string, string][] = [
    ['platforms reordered', edit(base, /(  - id: nt4-server-sp6a[\s\S]*?)(  - id: w2k-sp4\n    name: Windows 2000 SP4\n)/, '$2$1')],
    ['files reordered', edit(base, /(      - name: rpcrt4.dll\n(?:        .*\n)+)(      - name: ole32.dll\n        version: 4.00\n        size: 768288\n)/, '$2$1')],
    ['advisories, vulnerabilities, targets, related, impact reordered', edit(edit(edit(edit(base, 'targets: [server, client]', 'targets: [client, server]'), 'related: [MS04-012, MS04-029]', 'related: [MS04-029, MS04-012]'), 'impact: [information-disclosure, denial-of-service]', 'impact: [denial-of-service, information-disclosure]'), /(  - id: CVE-2005-0001\n.*\n.*\n)(  - id: CVE-2005-0002\n.*\n)/, '$2$1')],
    ['re-quoted values', edit(edit(edit(base, 'title: Old title', 'title: "Old title"'), 'version: 4.0.1381.7303', "version: '4.0.1381.7303'"), 'kb: 890001', 'kb: 0890001')],
    ['4.00 with a comment', edit(base, 'version: 4.00\n', 'version: 4.00  # as the vendor writes it\n')],
    ['comments and blank lines', edit(base, 'platforms:\n', '# the platforms\n\nplatforms:   # fixed ones\n')],
    ['key order', edit(base, 'exploit: none\nurgency: early\n', 'urgency: early\nexploit: none\n')],
    ['file name case', edit(base, 'name: rpcrt4.dll', 'name: RPCRT4.DLL')],
    ['CRLF vs LF', base.replace(/\n/g, '\r\n')],
    ['comment: and revisions', edit(base, "comment: An editor's comment.\n", 'comment: Rewritten entirely.\nrevisions:\n  - date: 2005-01-10\n    summary: First\n')],
    ['deployment key order', edit(base, '      50: 18\n      100: 27\n', '      100: 27\n      50: 18\n')],
    ['5.00 equals 5.0', edit(base, 'version: 5.4.15.0', 'version: 5.04.15.00')],
  ];
  for (const [name, text] of traps) assert.deepEqual(diffTexts(base, text).map((c) => c.label), [], name);
  const cvss = edit(base, '    title: Second\n', '    title: Second\n    cvss: {version: "3.1", score: 7.5}\n');
  assert.deepEqual(diffTexts(cvss, edit(cvss, '{version: "3.1", score: 7.5}', '{score: 7.50, version: \'3.1\'}')), [], 'a mapping\'s key order and number form');
});

test('each change carries the range of its node in the new text (a removed one: its list)', () => {
  const changed = edit(edit(base, 'version: 4.0.1381.7303', 'version: 4.0.1381.7304'), /  - id: w2k-sp4\n    name: Windows 2000 SP4\n/, '');
  const changes = diffTexts(base, changed);
  const at = (c: Change) => changed.slice(c.range[0], c.range[1]);
  const version = changes.find((c) => c.field === 'version')!;
  assert.equal(at(version), '4.0.1381.7304');
  assert.equal(version.pointer, '/platforms/0/files/0/version');
  const removed = changes.find((c) => c.subject === 'platform')!;
  assert.equal(removed.pointer, '/platforms');
  assert.equal(at(removed), 'platforms');
});

test('labels in the bulletin\'s language (ja by default, en with lang: en)', () => {
  const ja = edit(base, 'lang: en\n', '');
  const changed = edit(ja, 'version: 4.0.1381.7303', 'version: 4.0.1381.7304');
  assert.deepEqual(diffTexts(ja, changed).map((c) => c.label), ['nt4-server-sp6a の rpcrt4.dll のバージョン: 4.0.1381.7303 → 4.0.1381.7304']);
  assert.deepEqual(diffTexts(base, edit(base, 'version: 4.0.1381.7303', 'version: 4.0.1381.7304')).map((c) => c.label), ['rpcrt4.dll on nt4-server-sp6a, version: 4.0.1381.7303 → 4.0.1381.7304']);
});

test('the seed\'s correction: MS04-029 first listed Windows NT Workstation 4.0 SP6a as fixed; the diff says "platform removed", the draft says 対象外に', () => {
  const first = readFileSync(join(root, 'test', 'fixtures', 'revisions', 'MS04-029.first.yaml'), 'utf8');
  const corrected = readFileSync(join(root, 'examples', 'MS04-029.bulletin.yaml'), 'utf8');
  const changes = diffTexts(first, corrected);
  assert.deepEqual(changes.map((c) => `${c.kind} ${c.subject} ${c.identity.join('/')}`), ['removed platform platforms/nt4-wks-sp6a', 'added unsupported unsupported/Windows NT Workstation 4.0 SP6a']);
  assert.equal(changes[0].label, 'プラットフォームを削除: Windows NT Workstation 4.0 SP6a (nt4-wks-sp6a)');
  assert.equal(diffTexts(first, corrected, 'en')[0].label, 'Platform removed: Windows NT Workstation 4.0 SP6a (nt4-wks-sp6a)');
  assert.equal(draftSummary(changes, 'ja'), 'Windows NT Workstation 4.0 SP6a を対象外に');
  const alsoFile = edit(corrected, 'version: 4.0.1381.7303', 'version: 4.0.1381.7304');
  assert.equal(draftSummary(diffTexts(first, alsoFile), 'ja'), 'rpcrt4.dll を 4.0.1381.7303 から 4.0.1381.7304 に更新、Windows NT Workstation 4.0 SP6a を対象外に');
  assert.equal(draftSummary(diffTexts(first, alsoFile), 'en'), 'Updated rpcrt4.dll from 4.0.1381.7303 to 4.0.1381.7304; removed Windows NT Workstation 4.0 SP6a from the fixed platforms');
});

test('unreadable or empty versions give changes, never a throw', () => {
  assert.ok(diffTexts('', base).length > 0);
  assert.ok(diffTexts(base, 'key: [unclosed').length > 0);
  assert.deepEqual(diffTexts('', ''), []);
  assert.deepEqual(diffTexts('- a list\n', '- a list\n'), []);
});

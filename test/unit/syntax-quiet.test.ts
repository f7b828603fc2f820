/**
 * Findings that a syntax error explains are not reported while it stands (core/syntax-quiet.ts);
 * every syntax error still is, and once the text parses the findings are back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText, checkBulletin } from '../../server/src/core/analyze';
import { WorkspaceIndex } from '../../server/src/core/index/workspace-index';
import { extractBulletin } from '../../server/src/core/index/extract';

const root = join(__dirname, '..', '..');
const MS04_029 = readFileSync(join(root, 'examples', 'MS04-029.bulletin.yaml'), 'utf8');
const MS04_012 = readFileSync(join(root, 'examples', 'MS04-012.bulletin.yaml'), 'utf8');

function findings(text: string) {
  const { bulletin } = analyzeText('file:///MS04-029.bulletin.yaml', text);
  const index = new WorkspaceIndex();
  index.set(bulletin);
  index.set(analyzeText('file:///MS04-012.bulletin.yaml', MS04_012).bulletin);
  return checkBulletin(bulletin, index).map((p) => ({ code: p.code, line: text.slice(0, p.offset).split('\n').length, message: p.message, data: p.data }));
}

/** MS04-029 with line `line` (1-based) changed. */
function withLine(line: number, change: (text: string) => string, text = MS04_029): string {
  return text.split('\n').map((l, i) => (i === line - 1 ? change(l) : l)).join('\n');
}

// Line 68 is `        date: 2004-08-13` of the second file of the first platform.
const TAB_LINE = 68;

test('a tab in a file list: only syntax errors, no missing key, unknown key or registry check', () => {
  assert.match(MS04_029.split('\n')[TAB_LINE - 1], /^ {8}date: 2004-08-13$/);
  for (const change of [(l: string) => `\t${l.trimStart()}`, (l: string) => l.replace('        ', '      \t')]) {
    const found = findings(withLine(TAB_LINE, change));
    assert.ok(found.some((f) => f.code === 'yaml-syntax' && f.line === TAB_LINE), JSON.stringify(found));
    assert.deepEqual(found.filter((f) => f.code !== 'yaml-syntax'), []);
    // The quiet point the rules read is not reported with the syntax error.
    assert.ok(found.every((f) => f.data === undefined || !('quietFrom' in f.data)));
  }
});

test('without the tab, the same edits to the file list are reported once the text parses', () => {
  // An unknown key on the tab's line, well-formed: reported.
  const found = findings(withLine(TAB_LINE, (l) => l.replace('date', 'dat')));
  assert.ok(!found.some((f) => f.code === 'yaml-syntax'), JSON.stringify(found));
  assert.ok(found.some((f) => f.code === 'schema' && /`dat`/.test(f.message) && f.line === TAB_LINE), JSON.stringify(found));
  // A file with no version, in well-formed text: the missing key is reported.
  const noVersion = withLine(TAB_LINE + 1, () => '        size0: 1');
  assert.ok(findings(noVersion).some((f) => f.code === 'schema' && /`version`/.test(f.message) && f.line === TAB_LINE - 1));
  // A platform without its registry check, well-formed: the rule reports it.
  const noRegistry = MS04_029.replace(/    verify:\n      registry:\n(        .*\n|          .*\n)+/, '');
  assert.ok(findings(noRegistry).some((f) => f.code === 'missing-registry-check'), 'the registry check is reported when the text parses');
});

test('`severity: important: 2`: the syntax error alone; `severity: importan` is reported', () => {
  const broken = findings(MS04_029.replace(/^severity: \w+/m, 'severity: important: 2'));
  assert.deepEqual(broken.map((f) => [f.code, f.line]), [['yaml-syntax', 9]]);
  const parses = findings(MS04_029.replace(/^severity: \w+/m, 'severity: importan'));
  assert.deepEqual(parses.map((f) => [f.code, f.line]), [['schema', 9]]);
  assert.match(parses[0].message, /must be one of/);
});

test('a finding before the syntax error, on a node it did not cut short, stays', () => {
  // A wrong kb near the top, and a tab far below it in the file list.
  const text = withLine(TAB_LINE, (l) => `\t${l.trimStart()}`, MS04_029.replace('kb: 873350', 'kb: x'));
  const found = findings(text);
  assert.ok(found.some((f) => f.code === 'schema' && /`kb`/.test(f.message)), JSON.stringify(found));
  assert.deepEqual(found.filter((f) => f.code !== 'yaml-syntax' && f.line >= TAB_LINE - 1), []);
});

test('every syntax error is still reported: two tabs, two lines', () => {
  const text = withLine(TAB_LINE + 1, (l) => `\t${l.trimStart()}`, withLine(TAB_LINE, (l) => `\t${l.trimStart()}`));
  const lines = new Set(findings(text).filter((f) => f.code === 'yaml-syntax').map((f) => f.line));
  assert.ok(lines.has(TAB_LINE) && lines.has(TAB_LINE + 1), [...lines].join(','));
});

test('a closed file with a syntax error contributes what precedes the error; whole once it parses', () => {
  const uri = 'file:///MS04-029.bulletin.yaml';
  const whole = extractBulletin(uri, MS04_029);
  assert.ok(whole.platforms.length >= 2);
  // A tab in the first platform's file list, further down a second platform.
  const broken = extractBulletin(uri, withLine(TAB_LINE, (l) => `\t${l.trimStart()}`));
  assert.equal(broken.platforms.length, 1, 'nothing after the error');
  assert.deepEqual(broken.platforms[0].files.map((f) => [f.name, f.version]), [['ole32.dll', '4.0.1381.7263'], ['rpcrt4.dll', undefined]]);
  assert.equal(broken.id, 'MS04-029');
  // Its own problems are still those of the whole text.
  assert.ok(broken.intrinsic.some((p) => p.code === 'yaml-syntax' && MS04_029.slice(0, p.offset).split('\n').length === TAB_LINE));
  const fixed = extractBulletin(uri, withLine(TAB_LINE, (l) => l));
  assert.deepEqual(fixed.platforms.map((p) => p.id), whole.platforms.map((p) => p.id));
});

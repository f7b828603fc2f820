/**
 * Suppression comments (`# bulletin-ignore`, `# bulletin-ignore-file`): what each kind accepts
 * and what it leaves, and the `suppression` rule's findings on comments that are incomplete,
 * unknown, misplaced or stale. Every check goes through `checkBulletin`, the one place the
 * server, the CLI and the preview take findings from.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText, checkBulletin, checkBulletinWithSuppressed, type CheckOptions } from '../../server/src/core/analyze';
import { WorkspaceIndex } from '../../server/src/core/index/workspace-index';
import { parse } from '../../server/src/core/parse';
import { readSuppressions } from '../../server/src/core/parse/suppressions';
import { viewOf } from '../../server/src/core/record/view';
import { isRecord } from '../../server/src/core/record/check';
import { deserialize, serialize } from 'node:v8';
import { datedPlatform, fileEntry, suppressionHead } from '../fixtures/suppression/bulletin';

const HEAD = suppressionHead();

/** One platform whose file is dated after its package (`date-order` on the file's date line). */
function platform(fileLines: string[] = ['        date: 2005-01-06']): string {
  return datedPlatform(fileEntry('a.dll', fileLines));
}

function check(text: string, options: CheckOptions = {}) {
  const { bulletin } = analyzeText('file:///s.bulletin.yaml', text, options);
  const index = new WorkspaceIndex();
  index.set(bulletin);
  const result = checkBulletinWithSuppressed(bulletin, index, options);
  const at = (offset: number) => text.slice(0, offset).split('\n').length;
  return {
    findings: result.problems.map((p) => `${at(p.offset)} ${p.code} ${text.slice(p.offset, p.offset + p.length)}`),
    messages: result.problems.map((p) => p.message),
    suppressed: result.suppressed.map((s) => `${at(s.problem.offset)} ${s.problem.code} ${s.kind} ${s.reason}`),
    problems: result.problems,
  };
}

test('without a comment the fixture has its one date-order finding', () => {
  assert.deepEqual(check(HEAD + platform()).findings, ['20 date-order 2005-01-06']);
});

test('a line suppression accepts the finding that starts on the next line, and keeps its reason', () => {
  const text = HEAD + platform(['        # bulletin-ignore date-order: the package was re-released on 2005-01-06 (V2.0)', '        date: 2005-01-06']);
  const result = check(text);
  assert.deepEqual(result.findings, []);
  assert.deepEqual(result.suppressed, ['21 date-order line the package was re-released on 2005-01-06 (V2.0)']);
});

test('blank lines and other comments between the suppression and its line are skipped', () => {
  const text = HEAD + platform(['        # bulletin-ignore date-order: re-released', '', '        # the vendor says so', '        date: 2005-01-06']);
  assert.deepEqual(check(text).findings, []);
});

test('a line suppression does not reach past its next line, nor accept another code', () => {
  // On the line before `name`, not before `date`: stale, and the finding stays.
  const text = HEAD + platform(['        # bulletin-ignore date-order: re-released', '        description: x', '        date: 2005-01-06']);
  assert.deepEqual(check(text).findings, ['20 suppression date-order', '22 date-order 2005-01-06']);
  const other = HEAD + platform(['        # bulletin-ignore package-kb-mismatch: the name is right', '        date: 2005-01-06']);
  assert.deepEqual(check(other).findings, ['20 suppression package-kb-mismatch', '21 date-order 2005-01-06']);
  assert.match(check(other).messages[0], /suppresses nothing: no `package-kb-mismatch` finding starts on the next line/);
});

test('one comment may name several codes, separated by commas; each is judged alone', () => {
  const text = HEAD + platform(['        # bulletin-ignore urgency-mismatch,date-order ,  schema: re-released', '        date: 2005-01-06']);
  const result = check(text);
  assert.deepEqual(result.findings, ['20 suppression urgency-mismatch', '20 suppression schema']);
  assert.deepEqual(result.suppressed, ['21 date-order line re-released']);
});

test('a file suppression at the top, before any key, accepts every finding of its codes in the file', () => {
  const text = `# Accepted by the vendor.\n# bulletin-ignore-file date-order: every file was re-released with V2.0\n${HEAD}updated: 2005-01-01\n${platform()}`;
  const result = check(text);
  assert.deepEqual(result.findings, []);
  // `updated` before `published`, the package after `updated`, the file after the package.
  assert.deepEqual(result.suppressed.sort(), ['12 date-order file every file was re-released with V2.0', '18 date-order file every file was re-released with V2.0', '23 date-order file every file was re-released with V2.0']);
});

test('a file suppression below the first key is misplaced: it applies to nothing and is reported', () => {
  const text = `${HEAD}# bulletin-ignore-file date-order: re-released\n${platform()}`;
  const result = check(text);
  assert.deepEqual(result.findings, ['10 suppression # bulletin-ignore-file date-order: re-released', '21 date-order 2005-01-06']);
  assert.match(result.messages[0], /only at the top of the file/);
});

test('a stale file suppression is reported on its code', () => {
  const text = `# bulletin-ignore-file deployment-order: estimates from the vendor\n${HEAD}${platform(['        date: 2005-01-04'])}`;
  const result = check(text);
  assert.deepEqual(result.findings, ['1 suppression deployment-order']);
  assert.match(result.messages[0], /the file has no `deployment-order` finding/);
});

test('a suppression without a reason is reported and suppresses nothing, with or without the colon', () => {
  for (const comment of ['# bulletin-ignore date-order', '# bulletin-ignore date-order:', '# bulletin-ignore date-order:   ']) {
    const text = HEAD + platform([`        ${comment}`, '        date: 2005-01-06']);
    const result = check(text);
    assert.deepEqual(result.findings, [`20 suppression ${comment.trimEnd()}`, '21 date-order 2005-01-06'], comment);
    assert.match(result.messages[0], /gives no reason/);
    assert.deepEqual(result.suppressed, []);
  }
});

test('a note after ` # ` is not a reason', () => {
  const text = HEAD + platform(['        # bulletin-ignore date-order: # TODO', '        date: 2005-01-06']);
  assert.deepEqual(check(text).findings, ['20 suppression # bulletin-ignore date-order:', '21 date-order 2005-01-06']);
  // A `#` inside the reason, not after a space or not followed by one, stays in it.
  const kept = HEAD + platform(['        # bulletin-ignore date-order: see issue #12 and C#', '        date: 2005-01-06']);
  assert.deepEqual(check(kept).suppressed, ['21 date-order line see issue #12 and C#']);
});

test('an unknown code is reported on the code, with the nearest code when it looks like a typo', () => {
  const text = HEAD + platform(['        # bulletin-ignore date-ordr, no-such-rule-at-all: re-released', '        date: 2005-01-06']);
  const result = check(text);
  assert.deepEqual(result.findings, ['20 suppression date-ordr', '20 suppression no-such-rule-at-all', '21 date-order 2005-01-06']);
  assert.equal(result.messages[0], '`date-ordr` is not a rule code; did you mean `date-order`?');
  assert.equal(result.messages[1], '`no-such-rule-at-all` is not a rule code.');
  assert.deepEqual(result.problems[0].data, { suggestion: 'date-order' });
});

test('a comment with no code is reported once', () => {
  const text = HEAD + platform(['        # bulletin-ignore: re-released', '        date: 2005-01-06']);
  assert.deepEqual(check(text).findings, ['20 suppression # bulletin-ignore: re-released', '21 date-order 2005-01-06']);
});

test('yaml-syntax cannot be suppressed, by line or by file; nor can suppression', () => {
  const text = `# bulletin-ignore-file yaml-syntax: half typed\n${HEAD}# bulletin-ignore yaml-syntax, suppression: half typed\nco\nsummary: x\n`;
  const result = check(text);
  assert.deepEqual(result.findings.filter((f) => !f.includes('yaml-syntax co')).sort(), ['1 suppression yaml-syntax', '11 suppression suppression', '11 suppression yaml-syntax']);
  assert.ok(result.findings.includes('12 yaml-syntax co'), JSON.stringify(result.findings));
  assert.match(result.messages.find((m) => m.includes('cannot'))!, /`yaml-syntax` findings cannot be suppressed/);
});

test('a suppression of a rule turned off is not stale; the suppression rule has a severity setting like the others', () => {
  const text = HEAD + platform(['        # bulletin-ignore date-order: re-released', '        date: 2005-01-04']);
  assert.deepEqual(check(text).findings, ['20 suppression date-order']);
  assert.deepEqual(check(text, { severities: { 'date-order': 'off' } }).findings, []);
  assert.deepEqual(check(text, { severities: { suppression: 'off' } }).findings, []);
  assert.equal(check(text, { severities: { suppression: 'error' } }).problems[0].severity, 'error');
});

test('while a syntax error stands, a suppression below it is not judged stale', () => {
  const text = HEAD + platform(['        date: 2005-01-04']) + 'co\n# bulletin-ignore urgency-mismatch: the vendor chose this\nsummary: x\n';
  assert.deepEqual(check(text).findings.map((f) => f.split(' ')[1]), ['yaml-syntax']);
});

test('a `#` line inside a block scalar is text, not a suppression', () => {
  const text = `${HEAD}summary: |\n  # bulletin-ignore date-order: not a comment\n  text\n${platform()}`;
  assert.deepEqual(check(text).findings, ['23 date-order 2005-01-06']);
  assert.deepEqual(readSuppressions(text, parse(text).lineStarts, parse(text).root), []);
});

test('the comments are read the same by both readers, and a trailing comment is not a suppression', () => {
  const text = `# bulletin-ignore-file date-order: r1\n${HEAD}related: [MS04-012]  # bulletin-ignore unresolved-reference: r2\n${platform()}`;
  const quick = parse(text, { reader: 'quick' });
  const full = parse(text, { reader: 'full' });
  assert.ok(quick, 'the quick reader takes plain block YAML');
  const fromQuick = readSuppressions(text, quick.lineStarts, quick.root);
  assert.deepEqual(fromQuick, readSuppressions(text, full.lineStarts, full.root));
  assert.deepEqual(fromQuick.map((s) => [s.kind, s.code, s.reason]), [['file', 'date-order', 'r1']]);
});

test('the suppressions travel with the record: structured clone, v8.serialize and the shape check', () => {
  const text = `# bulletin-ignore-file date-order: r1\n${HEAD}${platform(['        # bulletin-ignore date-order, x: r2', '        date: 2005-01-06'])}`;
  const { bulletin } = analyzeText('file:///s.bulletin.yaml', text);
  const expected = bulletin.suppressions;
  assert.equal(expected.length, 3);
  assert.deepEqual(expected[1], { kind: 'line', range: [text.indexOf('# bulletin-ignore date'), text.indexOf(': r2') + 4], code: 'date-order', codeRange: [text.indexOf('date-order, x'), text.indexOf('date-order, x') + 10], reason: 'r2', target: [text.indexOf('        date: 2005-01-06'), text.indexOf('        date: 2005-01-06') + 24] });
  for (const copy of [structuredClone(bulletin.record), deserialize(serialize(bulletin.record))]) {
    assert.ok(isRecord(copy));
    assert.deepEqual(viewOf(copy).suppressions, expected);
  }
  // Cells out of bounds are refused.
  const broken = { ...bulletin.record, suppressions: Int32Array.from(bulletin.record.suppressions) };
  broken.suppressions[5] = text.length + 10;
  assert.equal(isRecord(broken), false);
  assert.equal(isRecord({ ...bulletin.record, suppressions: new Int32Array(3) }), false);
});

test('the Japanese messages', () => {
  const text = HEAD + platform(['        # bulletin-ignore date-order', '        date: 2005-01-06']);
  assert.match(check(text, { locale: 'ja' }).messages[0], /理由がありません/);
});

test('checkBulletin gives what checkBulletinWithSuppressed reports', () => {
  const text = HEAD + platform(['        # bulletin-ignore date-order: re-released', '        date: 2005-01-06']);
  const { bulletin } = analyzeText('file:///s.bulletin.yaml', text);
  const index = new WorkspaceIndex();
  index.set(bulletin);
  assert.deepEqual(checkBulletin(bulletin, index), checkBulletinWithSuppressed(bulletin, index).problems);
});

test('many suppression comments in a row are read in one pass, each aimed at the node line after them all', () => {
  const many = Array.from({ length: 20_000 }, (_, i) => `# bulletin-ignore date-order${i % 2 ? ', schema' : ''}: reason ${i}`).join('\n');
  const text = `${HEAD}${many}\n${platform()}`;
  const parsed = parse(text);
  const read = readSuppressions(text, parsed.lineStarts, parsed.root);
  assert.equal(read.length, 30_000);
  const target = text.indexOf('platforms:');
  assert.ok(read.every((s) => s.target?.[0] === target));
  // All of them stale (the date-order finding is further down): one warning per code.
  const { bulletin } = analyzeText('file:///many.bulletin.yaml', text);
  const index = new WorkspaceIndex();
  index.set(bulletin);
  const problems = checkBulletin(bulletin, index);
  assert.equal(problems.filter((p) => p.code === 'suppression').length, 30_000);
  assert.deepEqual(problems.filter((p) => p.code !== 'suppression').map((p) => p.code), ['date-order']);
});

/**
 * CVSS and CWE in the editor, over the real server on stdio: hover on a vector and on one
 * metric (English and Japanese, by the bulletin's `lang`), completion inside a vector and of
 * CWE ids, the score after each vector (inlay hints; code lenses for a client without them),
 * and the quick fixes, each compared byte for byte with the whole expected file.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, CodeLens, CompletionList, Diagnostic, Hover, InlayHint, TextEdit } from 'vscode-languageserver-protocol/node';
import { ServerProcess } from './server-process';
import { applyEdits, withCursor } from '../unit/authoring/cursor-marker';

let server: ServerProcess;
let lensServer: ServerProcess;
let counter = 0;

const capabilities = {
  workspace: { configuration: true, workspaceFolders: true },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    completion: { completionItem: { snippetSupport: true } },
    inlayHint: { dynamicRegistration: false },
  },
};

before(async () => {
  [server, lensServer] = await Promise.all([ServerProcess.start({ locale: 'en', capabilities }), ServerProcess.start({ locale: 'en' })]);
});
after(async () => {
  await Promise.all([server.stop(), lensServer.stop()]);
});

const bulletin = (lang: 'en' | 'ja', vulnerability: string, severity = 'moderate') =>
  `bulletin: 1\nid: MS05-001\nlang: ${lang}\ntitle: T\npublished: 2005-01-10\nseverity: ${severity}\nvulnerabilities:\n  - id: CVE-2005-0001\n    title: T\n${vulnerability}`;
const V31 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L';

async function withDocument<T>(text: string, run: (uri: string) => Promise<T>, on = server): Promise<T> {
  const uri = `file:///ws/cvss-${++counter}.bulletin.yaml`;
  on.open(uri, text);
  try {
    return await run(uri);
  } finally {
    on.close(uri);
  }
}

async function hoverAt(source: string): Promise<string | undefined> {
  const { text, position } = withCursor(source);
  const h = await withDocument(text, (uri) => server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }) as Promise<Hover | null>);
  return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : undefined;
}

async function completeAt(source: string): Promise<CompletionList> {
  const { text, position } = withCursor(source);
  return withDocument(text, (uri) => server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position }) as Promise<CompletionList>);
}

test('hover on a vector: version, base score, severity and every metric in words, in English', async () => {
  const markdown = await hoverAt(bulletin('en', `    cvss:\n      - vector: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L‸\n`));
  assert.ok(markdown);
  assert.match(markdown, /^\*\*CVSS 3\.1\*\* — base score \*\*6\.5\*\* \(Medium\)/);
  for (const row of ['| `AV` Attack Vector | `N` Network |', '| `S` Scope | `U` Unchanged |', '| `I` Integrity | `N` None |', '| `A` Availability | `L` Low |']) assert.ok(markdown.includes(row), row);
});

test('hover on a vector in a Japanese bulletin: 基本値 and the metric names in Japanese', async () => {
  const markdown = await hoverAt(bulletin('ja', `    cvss:\n      - vector: CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N‸\n`));
  assert.ok(markdown);
  assert.match(markdown, /^\*\*CVSS 4\.0\*\* — 評価値 \*\*9\.3\*\* \(深刻度 緊急\)/);
  assert.ok(markdown.includes('CVSS-B として評価'));
  assert.ok(markdown.includes('| `AT` 攻撃の前提条件 | `N` なし |'));
});

test('hover on one metric explains it: name, group, meaning, chosen value and every value', async () => {
  const markdown = await hoverAt(bulletin('en', `    cvss:\n      - vector: CVSS:3.1/AV:N/A‸C:H/PR:N/UI:N/S:U/C:L/I:N/A:L\n`));
  assert.equal(markdown, '**AC** — Attack Complexity (base metric)\n\nConditions beyond the attacker’s control that must exist.\n\nValue: `H` — High\n\nValues: `L` Low, `H` High');
});

test('hover on one metric in Japanese: the chosen value and the values it takes are told apart', async () => {
  const markdown = await hoverAt(bulletin('ja', `    cvss:\n      - vector: CVSS:3.1/AV:N/A‸C:H/PR:N/UI:N/S:U/C:L/I:N/A:L\n`));
  assert.equal(markdown, '**AC** — 攻撃条件の複雑さ (基本評価基準)\n\n攻撃者が制御できない、攻撃の成立に必要な条件。\n\n値: `H` — 高\n\n取り得る値: `L` 低, `H` 高');
});

test('hover on an invalid vector says why it is not scored; hover on a CWE id gives its name', async () => {
  assert.equal(await hoverAt(bulletin('en', `    cvss:\n      - vector: CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L‸\n`)), '**CVSS** — not scored: `AV:X`: AV (Attack Vector) takes N, A, L or P.');
  assert.equal(
    await hoverAt(bulletin('en', `    cvss:\n      - vector: CVSS:3.1/AV:X‸\n`)),
    '**CVSS** — not scored: \n\n- `AV:X`: AV (Attack Vector) takes N, A, L or P.\n- Base metrics missing: AC, PR, UI, S, C, I, A. A CVSS 3.1 vector gives every base metric.',
    'every fault, not only the first',
  );
  assert.equal(
    await hoverAt(bulletin('ja', `    cvss:\n      - vector: CVSS:4.0/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L‸\n`)),
    '**CVSS** — 評価できません: \n\n- `S:U`: S (安全性) の値は X、N または P のいずれかです。(`S:U` は CVSS 3.x のスコープの値です。)\n- `C` は CVSS 3.x のメトリクスで、4.0 のものではありません。\n- `I` は CVSS 3.x のメトリクスで、4.0 のものではありません。\n- `A` は CVSS 3.x のメトリクスで、4.0 のものではありません。\n- 基本評価基準 AT, VC, VI, VA, SC, SI, SA がありません。CVSS 4.0 のベクトルにはすべての基本評価基準が必要です。\n\nこのメトリクスは CVSS 3.1 のベクトルとして正しい形です。接頭辞は `CVSS:3.1` ではありませんか?',
    'a misprefixed vector: the advice on the prefix once, after the faults',
  );
  assert.equal(await hoverAt(bulletin('en', `    cwe: CWE-1‸20\n`)), "**CWE-120** — Buffer Copy without Checking Size of Input ('Classic Buffer Overflow')");
});

test('completion in a vector: the prefix, then the next metric (4.0 in order), then its values with meanings', async () => {
  const prefix = await completeAt(bulletin('en', `    cvss:\n      - vector: ‸\n`));
  assert.deepEqual(prefix.items.map((i) => i.label), ['CVSS:3.1/', 'CVSS:4.0/', 'CVSS:3.0/']);
  const next = await completeAt(bulletin('en', `    cvss:\n      - vector: CVSS:4.0/AV:N/AC:L/‸\n`));
  assert.deepEqual(next.items.slice(0, 3).map((i) => i.label), ['AT:', 'PR:', 'UI:']);
  assert.ok(!next.items.some((i) => i.label === 'AV:' || i.label === 'AC:'), 'a metric given is not offered again');
  assert.equal(next.items[0].command?.command, 'editor.action.triggerSuggest', 'its values are asked for at once');
  const values = await completeAt(bulletin('en', `    cvss:\n      - vector: CVSS:3.1/AV:N/UI:‸\n`));
  assert.deepEqual(values.items.map((i) => [i.label, i.detail]), [['N', 'UI: None'], ['R', 'UI: Required']]);
  const edit = values.items[0].textEdit as TextEdit;
  assert.equal(edit.newText, 'N', 'no space is put after the colon inside a vector');
  assert.deepEqual(edit.range.start, edit.range.end);
});

test('CWE completion by number and by words of the name', async () => {
  const byNumber = await completeAt(bulletin('en', `    cwe: CWE-12‸\n`));
  assert.equal(byNumber.items[0].label, 'CWE-12');
  assert.ok(byNumber.items.some((i) => i.label === 'CWE-120' && i.detail?.includes('Classic Buffer Overflow')));
  const byWords = await completeAt(bulletin('en', `    cwe: stack overfl‸\n`));
  assert.ok(byWords.isIncomplete, 'filtered by the server as typing goes on');
  const item = byWords.items.find((i) => i.label === 'CWE-121');
  assert.ok(item, JSON.stringify(byWords.items.map((i) => i.label)));
  assert.equal(item.filterText, 'stack overfl');
  const { text } = withCursor(bulletin('en', `    cwe: stack overfl‸\n`));
  assert.equal(applyEdits(text, [item.textEdit as TextEdit]), bulletin('en', `    cwe: CWE-121\n`));
});

test('inlay hints: the computed score and severity after each vector that scores, none after an invalid one', async () => {
  const text = bulletin('ja', `    cvss:\n      - vector: ${V31}\n      - vector: CVSS:4.0/AV:X\n`);
  const hints = await withDocument(text, (uri) => server.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } }) as Promise<InlayHint[]>);
  assert.deepEqual(hints.map((h) => [h.position, h.label]), [[{ line: 10, character: 16 + V31.length }, '6.5 警告']]);
  assert.equal(server.initializeResult?.capabilities.inlayHintProvider, true);
});

test('a client without inlay hints gets the score as a code lens', async () => {
  assert.equal(lensServer.initializeResult?.capabilities.inlayHintProvider, undefined);
  const text = bulletin('en', `    cvss:\n      - vector: ${V31}\n`);
  const lenses = await withDocument(text, (uri) => lensServer.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }) as Promise<CodeLens[]>, lensServer);
  assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]), [[10, 'CVSS 6.5 Medium']]);
});

async function applyQuickFix(text: string, code: string, title: RegExp): Promise<string> {
  return withDocument(text, async (uri) => {
    const diagnostics = await server.waitForDiagnostics(uri, (ds) => ds.some((d) => d.code === code), 1, 60_000);
    const offered: string[] = [];
    for (const diagnostic of diagnostics.filter((d) => d.code === code) as Diagnostic[]) {
      const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } })) as CodeAction[];
      offered.push(...actions.map((a) => a.title));
      const action = actions.find((a) => title.test(a.title));
      if (action) return applyEdits(text, action.edit!.changes![uri] as TextEdit[]);
    }
    assert.fail(`no quick fix ${title} for ${code}; offered ${JSON.stringify(offered)}`);
  });
}

const FIXES: { name: string; code: string; title: RegExp; input: string; expected: string }[] = [
  { name: 'a lowercase value', code: 'cvss-vector', title: /^Change to N$/, input: `    cvss:\n      - vector: CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L  # from the vendor\n`, expected: `    cvss:\n      - vector: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L  # from the vendor\n` },
  { name: 'a lowercase value in a quoted vector', code: 'cvss-vector', title: /^Change to Amber$/, input: `    cvss:\n      - vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:amber'\n`, expected: `    cvss:\n      - vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:Amber'\n` },
  { name: 'a lowercase prefix', code: 'cvss-vector', title: /^Change to CVSS:3\.1$/, input: `    cvss:\n      - vector: cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L\n`, expected: `    cvss:\n      - vector: ${V31}\n` },
  { name: '4.0 metrics out of order', code: 'cvss-vector', title: /^Put the metrics in the CVSS 4\.0 order$/, input: `    cvss:\n      - vector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/SC:N/VI:H/VA:H/SI:N/SA:N"\n`, expected: `    cvss:\n      - vector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"\n` },
  { name: 'a 3.x metric in a 4.0 vector', code: 'cvss-vector', title: /^Change to VC$/, input: `    cvss:\n      - vector: CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/C:H/VI:H/VA:H/SC:N/SI:N/SA:N\n`, expected: `    cvss:\n      - vector: CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N\n` },
  { name: 'a 3.1 vector under the 4.0 prefix', code: 'cvss-vector', title: /^Change the prefix to CVSS:3\.1$/, input: `    cvss:\n      - vector: "CVSS:4.0/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L" # NVD\n`, expected: `    cvss:\n      - vector: "${V31}" # NVD\n` },
  { name: 'a trailing slash', code: 'cvss-vector', title: /^Remove the extra \/$/, input: `    cvss:\n      - vector: ${V31}/\n`, expected: `    cvss:\n      - vector: ${V31}\n` },
  { name: 'a score transcribed wrong', code: 'cvss-score-mismatch', title: /^Change the score to the computed 6\.5$/, input: `    cvss:\n      - vector: ${V31}\n        score: 5.6 # NVD\n`, expected: `    cvss:\n      - vector: ${V31}\n        score: 6.5 # NVD\n` },
];

for (const fix of FIXES) {
  test(`quick fix: ${fix.name}, the whole file byte for byte`, async () => {
    const out = await applyQuickFix(bulletin('en', fix.input), fix.code, fix.title);
    assert.equal(out, bulletin('en', fix.expected));
  });
}

test('no fix of the vector where the intent is not clear (a value the metric does not take)', async () => {
  const text = bulletin('en', `    cvss:\n      - vector: CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L\n`);
  await withDocument(text, async (uri) => {
    const [diagnostic] = (await server.waitForDiagnostics(uri, (ds) => ds.some((d) => d.code === 'cvss-vector'), 1, 60_000)).filter((d) => d.code === 'cvss-vector');
    assert.deepEqual(diagnostic.range, { start: { line: 10, character: 28 }, end: { line: 10, character: 29 } }, 'the value inside the string');
    const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } })) as CodeAction[];
    // Only the suppression comments every finding is offered, no edit of the vector.
    assert.deepEqual(actions.map((a) => a.title).filter((t) => !/^Suppress cvss-vector /.test(t)), []);
  });
});

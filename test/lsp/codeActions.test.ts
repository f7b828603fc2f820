/**
 * Quick fixes in process, each applied to a fixture and compared byte for byte with its
 * expected file (comments, blank lines, quoting and indentation kept). Every LF fixture is
 * also run as CRLF with a BOM: the fix must change the same bytes and write CRLF.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol/node';
import { InProcessServer, root } from './server-in-process';
import { applyEdits } from '../unit/authoring/cursor-marker';

const fixtures = join(root, 'test', 'fixtures', 'authoring', 'quickfix');
let server: InProcessServer;
let counter = 0;

before(async () => {
  server = await InProcessServer.start();
  server.openExamples();
});
after(async () => {
  await server.stop();
});

interface Case {
  name: string;
  code: string;
  title: RegExp;
}

const cases: Case[] = [
  { name: 'unknown-key', code: 'schema', title: /^Change to severity$/ },
  { name: 'unknown-key-quoted', code: 'schema', title: /^Change to exploit$/ },
  { name: 'bad-enum', code: 'schema', title: /^Change to early$/ },
  { name: 'missing-registry', code: 'missing-registry-check', title: /^Add a registry check for KB873350 \(HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Hotfix\\KB873350\)$/ },
  { name: 'missing-registry-xp-crlf', code: 'missing-registry-check', title: /Windows XP\\SP2\\KB873350/ },
  { name: 'registry-kb', code: 'registry-kb-mismatch', title: /^Change KB828741 to KB873350 in the registry key$/ },
  { name: 'package-kb', code: 'package-kb-mismatch', title: /^Change KB873305 to KB873350 in the package name$/ },
  { name: 'incomplete-supersedence', code: 'incomplete-supersedence', title: /^Copy rpcproxy\.dll 4\.0\.1381\.7255 from MS04-012$/ },
  { name: 'move-to-related', code: 'incomplete-supersedence', title: /^Move MS04-012 from includes to related$/ },
  { name: 'unresolved-reference', code: 'unresolved-reference', title: /^Change to MS04-012 \(RPC\/DCOM/ },
  // Not an id at all (letter O for zero): the schema's finding, with the same fix.
  { name: 'malformed-id', code: 'schema', title: /^Change to MS04-012 \(RPC\/DCOM/ },
];

/** Opens `text`, waits for the finding, asks for quick fixes on its range, applies the chosen one. */
export async function applyQuickFix(text: string, code: string, title: RegExp): Promise<string> {
  const uri = `file:///ws/fix-${++counter}.bulletin.yaml`;
  server.open(uri, text);
  try {
    // A generous poll timeout: CI machines can be busy; the poll ends as soon as the finding is there.
    const diagnostics = await server.waitForDiagnostics(uri, (ds) => ds.some((d) => d.code === code), 1, 60_000);
    let action: CodeAction | undefined;
    const offered: string[] = [];
    for (const diagnostic of diagnostics.filter((d) => d.code === code) as Diagnostic[]) {
      const actions = (await server.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only: ['quickfix'] },
      })) as CodeAction[];
      offered.push(...actions.map((a) => a.title));
      action ??= actions.find((a) => a.diagnostics?.[0]?.code === code && title.test(a.title));
    }
    assert.ok(action, `a quick fix for ${code} matching ${title}; got ${JSON.stringify(offered)}`);
    assert.equal(action.kind, 'quickfix');
    assert.deepEqual(Object.keys(action.edit!.changes!), [uri]);
    return applyEdits(text, action.edit!.changes![uri] as TextEdit[]);
  } finally {
    server.close(uri);
  }
}

const crlfWithBom = (text: string) => `\uFEFF${text.replace(/\n/g, '\r\n')}`;

for (const c of cases) {
  const input = readFileSync(join(fixtures, c.name, 'input.bulletin.yaml'), 'utf8');
  const expected = readFileSync(join(fixtures, c.name, 'expected.bulletin.yaml'), 'utf8');
  test(`${c.name}: the fix gives the expected file byte for byte`, async () => {
    assert.notEqual(input, expected);
    assert.equal(await applyQuickFix(input, c.code, c.title), expected);
  });
  if (!input.includes('\r\n')) {
    test(`${c.name}: the same fix on CRLF with a BOM changes the same bytes`, async () => {
      assert.equal(await applyQuickFix(crlfWithBom(input), c.code, c.title), crlfWithBom(expected));
    });
  }
}

/** The quick fixes offered, in order, for the first finding `pick` selects once `text` is open. */
async function offeredFixes(text: string, pick: (d: Diagnostic) => boolean): Promise<[string, boolean][]> {
  const uri = `file:///ws/offered-${++counter}.bulletin.yaml`;
  server.open(uri, text);
  try {
    const diagnostics = await server.waitForDiagnostics(uri, (ds) => ds.some(pick), 1, 60_000);
    const diagnostic = diagnostics.find(pick)!;
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    })) as CodeAction[];
    return actions.map((a) => [a.title, a.isPreferred ?? false]);
  } finally {
    server.close(uri);
  }
}

test('incomplete-supersedence offers first to move the id to related, then to copy the file', async () => {
  const input = readFileSync(join(fixtures, 'move-to-related', 'input.bulletin.yaml'), 'utf8');
  assert.deepEqual(await offeredFixes(input, (d) => d.code === 'incomplete-supersedence'), [
    ['Move MS04-012 from includes to related', true],
    ['Copy rpcproxy.dll 4.0.1381.7255 from MS04-012', false],
    // The second platform's finding on the same item: its own copy; the move is offered once.
    ['Copy rpcproxy.dll 4.0.1381.39771 from MS04-012', false],
    // Then, on any finding, accepting it in place (test/lsp/suppression.test.ts); once for both.
    ['Suppress incomplete-supersedence here', false],
    ['Suppress incomplete-supersedence in this file', false],
  ]);
});

test('a bad enum value gets a fix for each allowed value, the nearest first; no title shows a backtick', async () => {
  const suppressSchema = [['Suppress schema here', false], ['Suppress schema in this file', false]];
  const head = 'bulletin: 1\nid: MS04-930\nkb: 873350\ntitle: T\npublished: 2004-10-16\n';
  const onSeverity = (d: Diagnostic) => d.code === 'schema' && d.range.start.line === 5;
  assert.deepEqual(await offeredFixes(`${head}severity: bad\n`, onSeverity), [
    ['Change to critical', false],
    ['Change to important', false],
    ['Change to moderate', false],
    ['Change to low', false],
    ...suppressSchema,
  ]);
  assert.deepEqual(await offeredFixes(`${head}severity: modrate\n`, onSeverity), [
    ['Change to moderate', true],
    ['Change to critical', false],
    ['Change to important', false],
    ['Change to low', false],
    ...suppressSchema,
  ]);
  const unknownKey = await offeredFixes(`${head}severty: low\n`, onSeverity);
  assert.deepEqual(unknownKey, [['Change to severity', true], ...suppressSchema]);
});

test('no quick fix is offered where nothing is wrong', async () => {
  const uri = 'file:///ws/clean.bulletin.yaml';
  // MS04-012 under an id of its own (the example itself is open too: the same id would be a finding).
  server.open(uri, readFileSync(join(root, 'examples', 'MS04-012.bulletin.yaml'), 'utf8').replace(/^id: MS04-012$/m, 'id: MS04-912'));
  assert.deepEqual(await server.waitForDiagnostics(uri, undefined, 1, 60_000), []);
  const actions = await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
    context: { diagnostics: [] },
  });
  assert.deepEqual(actions, []);
});

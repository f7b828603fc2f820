/**
 * Suppression comments over the protocol, with the server as a process over stdio: a suppressed
 * finding is not published (and comes back when the comment goes), a stale one is a
 * `suppression` warning; the quick fixes "Suppress CODE here" / "in this file" give the expected
 * file byte for byte (LF, and CRLF with a BOM), as a snippet edit with the cursor on the reason
 * where the client applies snippet edits; rule codes complete inside the comment; a stale-looking
 * suppression of a cross-file code waits until the workspace has been read.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, TextEdit } from 'vscode-languageserver-protocol/node';
import { root, ServerProcess } from './server-process';
import type { IndexStatus } from '../../server/src/protocol';
import { until } from './workspace-helpers';
import { applyEdits, withCursor } from '../unit/authoring/cursor-marker';
import { rules } from '../../server/src/core/rules';
import { datedPlatform, suppressionHead } from '../fixtures/suppression/bulletin';

let server: ServerProcess;
let snippets: ServerProcess;
let counter = 0;

before(async () => {
  [server, snippets] = await Promise.all([
    ServerProcess.start({ locale: 'en' }),
    ServerProcess.start({
      locale: 'en',
      capabilities: {
        workspace: { configuration: true, workspaceEdit: { documentChanges: true, snippetEditSupport: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
      },
    }),
  ]);
});
after(async () => {
  await Promise.all([server.stop(), snippets.stop()]);
});

const HEAD = suppressionHead();
/** A platform whose file is dated after its package: `date-order` on line 21 (`date: 2005-01-06`), nothing else. */
const PLATFORM = datedPlatform();
const TEXT = HEAD + PLATFORM;
const codes = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line + 1} ${d.code}`).sort();

function uri(): string {
  return `file:///ws/suppress-${++counter}.bulletin.yaml`;
}

test('a suppressed finding is not published; a stale suppression is; removing the comment brings the finding back', async () => {
  const u = uri();
  server.open(u, TEXT);
  assert.deepEqual(codes(await server.waitForDiagnostics(u, (ds) => ds.length > 0, 1, 30_000)), ['20 date-order']);
  const accepted = TEXT.replace('        date: 2005-01-06', '        # bulletin-ignore date-order: re-released with V2.0\n        date: 2005-01-06');
  let version = server.change(u, [{ text: accepted }]);
  assert.deepEqual(await server.waitForDiagnostics(u, undefined, version, 30_000), []);
  const stale = accepted.replace('date: 2005-01-06', 'date: 2005-01-04');
  version = server.change(u, [{ text: stale }]);
  const ds = await server.waitForDiagnostics(u, undefined, version, 30_000);
  assert.deepEqual(codes(ds), ['20 suppression']);
  assert.equal(ds[0].severity, 2);
  assert.equal(ds[0].message, 'This suppression suppresses nothing: no `date-order` finding starts on the next line.');
  version = server.change(u, [{ text: TEXT }]);
  assert.deepEqual(codes(await server.waitForDiagnostics(u, undefined, version, 30_000)), ['20 date-order']);
  server.close(u);
});

/** The suppression quick fixes offered on the `code` finding of `text`, from `client`. */
async function suppressActions(client: ServerProcess, text: string, code: string): Promise<{ actions: CodeAction[]; uri: string }> {
  const u = uri();
  client.open(u, text);
  const diagnostics = await client.waitForDiagnostics(u, (ds) => ds.some((d) => d.code === code), 1, 30_000);
  const diagnostic = diagnostics.find((d) => d.code === code)!;
  const actions = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: u },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only: ['quickfix'] },
  })) as CodeAction[];
  return { actions: actions.filter((a) => /^Suppress /.test(a.title)), uri: u };
}

const crlfWithBom = (text: string) => `\uFEFF${text.replace(/\n/g, '\r\n')}`;

test('"Suppress date-order here" inserts the comment above the line, at its indentation, byte for byte (LF; CRLF with a BOM)', async () => {
  for (const variant of [(t: string) => t, crlfWithBom]) {
    const { actions, uri: u } = await suppressActions(server, variant(TEXT), 'date-order');
    assert.deepEqual(actions.map((a) => a.title), ['Suppress date-order here', 'Suppress date-order in this file']);
    const here = actions[0];
    assert.equal(here.kind, 'quickfix');
    assert.equal(here.diagnostics?.[0]?.code, 'date-order');
    const fixed = applyEdits(variant(TEXT), here.edit!.changes![u] as TextEdit[]);
    assert.equal(fixed, variant(TEXT.replace('        date: 2005-01-06', '        # bulletin-ignore date-order: \n        date: 2005-01-06')));
    const file = applyEdits(variant(TEXT), actions[1].edit!.changes![u] as TextEdit[]);
    assert.equal(file, variant(`# bulletin-ignore-file date-order: \n${TEXT}`));
    // With a reason written after the cursor's place, the finding is gone.
    const version = server.change(u, [{ text: fixed.replace('date-order: ', 'date-order: re-released') }]);
    assert.deepEqual(await server.waitForDiagnostics(u, undefined, version, 30_000), []);
    server.close(u);
  }
});

test('with a client that applies snippet edits, the fix is a snippet whose final tab stop is on the reason', async () => {
  const { actions, uri: u } = await suppressActions(snippets, TEXT, 'date-order');
  const here = actions.find((a) => a.title === 'Suppress date-order here')!;
  assert.equal(here.edit?.changes, undefined);
  const change = here.edit!.documentChanges![0] as { textDocument: { uri: string; version: number }; edits: { range: unknown; snippet: { kind: string; value: string } }[] };
  assert.deepEqual(change.textDocument, { uri: u, version: 1 });
  assert.deepEqual(change.edits, [{ range: { start: { line: 19, character: 0 }, end: { line: 19, character: 0 } }, snippet: { kind: 'snippet', value: '        # bulletin-ignore date-order: $0\n' } }]);
  snippets.close(u);
});

test('a finding on a list item\'s line: the comment goes above the dash, at the dash\'s indentation; on a key: above the key', async () => {
  const text = TEXT.replace('platforms:', 'related:\n  - MS05-099\nplatforms:');
  const { actions, uri: u } = await suppressActions(server, text, 'unresolved-reference');
  assert.equal(applyEdits(text, actions[0].edit!.changes![u] as TextEdit[]), text.replace('  - MS05-099', '  # bulletin-ignore unresolved-reference: \n  - MS05-099'));
  server.close(u);
  const noRegistry = TEXT.replace(/    verify:\n(.*\n)*/, '');
  const { actions: onKey, uri: u2 } = await suppressActions(server, noRegistry, 'missing-registry-check');
  assert.equal(applyEdits(noRegistry, onKey[0].edit!.changes![u2] as TextEdit[]), noRegistry.replace('    package:', '    # bulletin-ignore missing-registry-check: \n    package:'));
  server.close(u2);
});

test('no suppression fix for a syntax error, nor for a suppression finding', async () => {
  const broken = `${TEXT}co\n`;
  const { actions: none, uri: u1 } = await suppressActions(server, broken, 'yaml-syntax');
  assert.deepEqual(none, []);
  server.close(u1);
  const stale = TEXT.replace('        date: 2005-01-06', '        # bulletin-ignore urgency-mismatch: r\n        date: 2005-01-06');
  const { actions, uri: u2 } = await suppressActions(server, stale, 'suppression');
  assert.deepEqual(actions, []);
  server.close(u2);
});

test('a misspelt code in a suppression: "Change to date-order" puts the nearest code in its place, byte for byte', async () => {
  const text = TEXT.replace('        date: 2005-01-06', '        # bulletin-ignore date-ordr: re-released\n        date: 2005-01-06');
  const u = uri();
  server.open(u, text);
  const diagnostics = await server.waitForDiagnostics(u, (ds) => ds.some((d) => d.code === 'suppression'), 1, 30_000);
  const diagnostic = diagnostics.find((d) => d.code === 'suppression')!;
  const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: u }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
  assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Change to date-order', true]]);
  const fixed = applyEdits(text, actions[0].edit!.changes![u] as TextEdit[]);
  assert.equal(fixed, text.replace('date-ordr', 'date-order'));
  const version = server.change(u, [{ text: fixed }]);
  assert.deepEqual(await server.waitForDiagnostics(u, undefined, version, 30_000), []);
  server.close(u);
});

async function complete(client: ServerProcess, source: string, trigger?: string): Promise<CompletionItem[]> {
  const { text, position } = withCursor(source);
  const u = uri();
  client.open(u, text);
  const context = trigger ? { triggerKind: 2, triggerCharacter: trigger } : { triggerKind: 1 };
  const result = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: u }, position, context })) as CompletionList | null;
  client.close(u);
  return result?.items ?? [];
}

const suppressible = rules.map((r) => r.code).filter((c) => c !== 'yaml-syntax' && c !== 'suppression');

test('rule codes complete after `# bulletin-ignore ` and after a comma, with their titles; codes named already are left out', async () => {
  const after = await complete(server, `${HEAD}# bulletin-ignore ‸\nplatforms: []\n`, ' ');
  assert.deepEqual(after.map((i) => i.label), suppressible);
  const dateOrder = after.find((i) => i.label === 'date-order')!;
  assert.equal(dateOrder.detail, 'Dates are out of order');
  const line = HEAD.split('\n').length - 1;
  assert.deepEqual(dateOrder.textEdit, { range: { start: { line, character: 18 }, end: { line, character: 18 } }, newText: 'date-order' });
  const comma = await complete(server, `${HEAD}  # bulletin-ignore-file date-order, miss‸ing: r\n`);
  assert.ok(!comma.some((i) => i.label === 'date-order'));
  const missing = comma.find((i) => i.label === 'missing-registry-check')!;
  // The word at the cursor is replaced whole.
  assert.deepEqual(missing.textEdit, { range: { start: { line, character: 37 }, end: { line, character: 44 } }, newText: 'missing-registry-check' });
  // A space typed after a comma opens the list; one typed in other comments does not.
  assert.equal((await complete(server, `${HEAD}# bulletin-ignore date-order, ‸\n`, ' ')).length, suppressible.length - 1);
  assert.deepEqual(await complete(server, `${HEAD}# a note ‸\n`, ' '), []);
  // After the colon comes the reason: no codes.
  assert.ok(!(await complete(server, `${HEAD}# bulletin-ignore date-order: ‸\n`)).some((i) => i.label === 'schema'));
});

test('the bulletin-ignore snippet is offered once typed where a key could start a line of its own; not with nothing typed, after a dash, in a value', async () => {
  const snippet = (items: CompletionItem[]) => items.find((i) => i.label === 'bulletin-ignore');
  const atKey = snippet(await complete(server, TEXT.replace('        date: 2005-01-06', '        bul‸\n        date: 2005-01-06')))!;
  assert.equal(atKey.kind, 15);
  // This client takes no snippets: the text with the first code and the default reason (snippets.test.ts checks the choices).
  assert.equal(atKey.insertTextFormat, 1);
  const line = HEAD.split('\n').length - 1 + 10;
  assert.deepEqual(atKey.textEdit, { range: { start: { line, character: 8 }, end: { line, character: 11 } }, newText: `# bulletin-ignore ${suppressible[0]}: reason` });
  assert.ok(snippet(await complete(server, `${HEAD}bulletin-i‸\n`)), 'at the top level');
  assert.equal(snippet(await complete(server, `${HEAD}‸\n`)), undefined, 'nothing typed: keys only');
  assert.equal(snippet(await complete(server, `${HEAD}sev‸\n`)), undefined);
  assert.equal(snippet(await complete(server, TEXT.replace('      - name: a.dll', '      - bul‸\n      - name: a.dll'))), undefined);
  assert.equal(snippet(await complete(server, TEXT.replace('exploit: none', 'exploit: bul‸'))), undefined);
});

test('a suppression of a cross-file code is not called stale while the workspace is read, and is once it is read and still stale', async () => {
  // b.bulletin.yaml accepts an incomplete-supersedence finding that exists only once a.bulletin.yaml
  // is read, and names a file-version-conflict that never comes (line 26).
  const folder = join(root, 'test', 'fixtures', 'workspaces', 'suppression-cross-file');
  let asked = false;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const client = await ServerProcess.start({
    locale: 'en',
    workspaceFolders: [folder],
    capabilities: {
      window: { workDoneProgress: true },
      workspace: { configuration: true, workspaceFolders: true },
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
    },
    // The scan starts by asking for its progress: held there, the workspace stays unread.
    onProgressCreate: () => {
      asked = true;
      return held;
    },
  });
  const statuses: IndexStatus[] = [];
  client.connection.onNotification('bulletin/status', (status: IndexStatus) => {
    statuses.push(status);
  });
  try {
    await until('the workspace scan to begin', () => asked, 10_000, client);
    const b = pathToFileURL(join(folder, 'b.bulletin.yaml')).href;
    client.open(b, readFileSync(join(folder, 'b.bulletin.yaml'), 'utf8'));
    // Only b is known: both suppressions accept nothing yet, and the unresolved MS05-001 is held back too.
    assert.deepEqual(codes(await client.waitForDiagnostics(b, undefined, 1, 30_000)), []);
    assert.ok(!statuses.some((s) => s.ready), 'the workspace is not read yet');
    // The hover on the comment does not call it stale either.
    const hover = async () => {
      const h = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: b }, position: { line: 12, character: 6 } })) as Hover;
      return (h.contents as { value: string }).value.split('\n')[2];
    };
    assert.equal(await hover(), '- `incomplete-supersedence`: suppresses nothing yet; the workspace is still being read');
    release();
    const ds = await client.waitForDiagnostics(b, (d) => d.length > 0, 1, 30_000);
    await until('the workspace to be read', () => statuses.some((s) => s.ready && s.bulletins === 2), 30_000, client);
    const read = client.diagnostics.get(b)!.diagnostics;
    assert.deepEqual(codes(read), ['26 suppression']);
    assert.deepEqual(codes(ds), codes(read));
    assert.equal(read[0].message, 'This suppression suppresses nothing: no `file-version-conflict` finding starts on the next line.');
    assert.deepEqual(read[0].range, { start: { line: 25, character: 26 }, end: { line: 25, character: 47 } });
    assert.equal(await hover(), '- `incomplete-supersedence`: suppresses 1 finding now');
  } finally {
    release();
    await client.stop();
  }
});

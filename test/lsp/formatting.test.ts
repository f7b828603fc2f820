/**
 * Format Document over stdio (the built server): byte-exact results, comments and quoting kept,
 * indentation and key order normalised, the same data before and after for every bulletin in
 * examples/ and the test fixtures, formatting a formatted file changes nothing, and a file with
 * a syntax error is left alone.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TextEdit } from 'vscode-languageserver-protocol/node';
import { ServerProcess, root } from './server-process';
import { applyEdits } from '../unit/authoring/cursor-marker';
import { analyzeText } from '../../server/src/core/analyze';
import { plain } from '../unit/model-plain';

let server: ServerProcess;
let counter = 0;

before(async () => {
  server = await ServerProcess.start({ locale: 'en' });
});
after(async () => {
  await server.stop();
});

async function format(text: string): Promise<{ edits: TextEdit[]; text: string }> {
  const uri = `file:///ws/format-${++counter}.bulletin.yaml`;
  server.open(uri, text);
  const edits = (await server.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } })) as TextEdit[];
  server.close(uri);
  return { edits, text: applyEdits(text, edits) };
}

/** The model a reader of the bulletin gets, without where things are in the text. */
function meaning(text: string): unknown {
  const { parsed, bulletin } = analyzeText('file:///ws/x.bulletin.yaml', text);
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).filter(([k]) => !/range|Range|^lineStarts$|^hash$|^textLength$|^intrinsic$/.test(k)).map(([k, v]) => [k, strip(v)]));
    }
    return value;
  };
  const sorted = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(sorted) : value && typeof value === 'object' ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])])) : value;
  return { data: sorted(parsed.value), model: strip(plain(bulletin)), problems: bulletin.intrinsic.map((p) => `${p.code} ${p.message}`).sort() };
}

const comments = (text: string) => [...text.matchAll(/(?:^|\s)(#.*)$/gm)].map((m) => m[1]!.trim()).sort();

function bulletinFiles(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...bulletinFiles(full));
    else if (/\.bulletin\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

test('the server offers Format Document', () => {
  assert.equal(server.initializeResult?.capabilities.documentFormattingProvider, true);
});

test('indentation, sequences and key order become the format’s; comments, quotes and scalars stay as written', async () => {
  const input = [
    '# header comment',
    'severity:    important   # sev',
    "id: 'MS04-100'",
    'bulletin: 1',
    'title: "T \\u00e9"',
    'published: 2004-10-16',
    'platforms:',
    '- files:',
    '    - version: 4.00',
    '      name: a.dll   # the file',
    '      size: 10',
    '  # comment before id',
    '  id: nt4',
    '  name: "NT 4"',
    '  deployment:',
    '      100: 27',
    '      50: 18',
    'related:',
    '    - MS04-012',
    '',
    '# before summary',
    'summary: >-',
    '    folded',
    '    text',
    '',
  ].join('\n');
  const expected = [
    '# header comment',
    'bulletin: 1',
    "id: 'MS04-100'",
    'title: "T \\u00e9"',
    'published: 2004-10-16',
    'severity: important   # sev',
    'related:',
    '  - MS04-012',
    '',
    '# before summary',
    'summary: >-',
    '  folded',
    '  text',
    'platforms:',
    '  # comment before id',
    '  - id: nt4',
    '    name: "NT 4"',
    '    files:',
    '      - name: a.dll   # the file',
    '        version: 4.00',
    '        size: 10',
    '    deployment:',
    '      100: 27',
    '      50: 18',
    '',
  ].join('\n');
  const { text } = await format(input);
  assert.equal(text, expected);
  assert.deepEqual(meaning(text), meaning(input));
  assert.deepEqual((await format(text)).edits, [], 'formatting a formatted file is a no-op');
});

test('the edit covers only the lines that change', async () => {
  const input = 'bulletin: 1\nid: MS04-100\ntitle: T\npublished: 2004-10-16\nseverity: low\nplatforms:\n- id: nt4\n  name: NT\n';
  const { edits, text } = await format(input);
  assert.deepEqual(edits, [{ range: { start: { line: 6, character: 0 }, end: { line: 8, character: 0 } }, newText: '  - id: nt4\n    name: NT\n' }]);
  assert.equal(text, 'bulletin: 1\nid: MS04-100\ntitle: T\npublished: 2004-10-16\nseverity: low\nplatforms:\n  - id: nt4\n    name: NT\n');
});

test('CRLF line breaks and a byte order mark are kept', async () => {
  const input = '\uFEFFid: MS04-100\r\nbulletin: 1   # one\r\nrelated:\r\n- "MS04-012"\r\n';
  const { text } = await format(input);
  assert.equal(text, '\uFEFFbulletin: 1   # one\r\nid: MS04-100\r\nrelated:\r\n  - "MS04-012"\r\n');
});

test('a document with a syntax error is left untouched', async () => {
  for (const input of ['bulletin: 1\nid: [MS04-100\nplatforms:\n- id: a\n', 'bulletin: 1\n  id: x\n bad: : :\n', 'bulletin: 1\n---\nid: MS04-100\n']) {
    assert.deepEqual((await format(input)).edits, [], input);
  }
});

test('hostile input (an alias bomb, nesting beyond the bound) is left untouched, and the server keeps answering', async () => {
  const bomb = ['bulletin: 1', 'a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`), ''].join('\n');
  assert.deepEqual((await format(bomb)).edits, []);
  assert.deepEqual((await format(`id: ${'['.repeat(5000)}${']'.repeat(5000)}\n`)).edits, []);
  assert.deepEqual((await format(`id: ${'- '.repeat(200)}x\n`)).edits, []);
  assert.equal((await format('id: x\nbulletin: 1\n')).text, 'bulletin: 1\nid: x\n');
});

test('every bulletin in examples/ and the fixtures: same data and model, comments kept, idempotent', async () => {
  const files = [...bulletinFiles(join(root, 'examples')), ...bulletinFiles(join(root, 'test', 'fixtures'))];
  assert.ok(files.length >= 40, `${files.length} bulletins`);
  let changed = 0;
  for (const file of files) {
    const name = relative(root, file);
    const input = readFileSync(file, 'utf8');
    const once = await format(input);
    if (once.edits.length === 0) {
      assert.equal(once.text, input);
      continue;
    }
    changed++;
    assert.deepEqual(meaning(once.text), meaning(input), `${name}: the formatted file means what the original meant`);
    assert.deepEqual(comments(once.text), comments(input), `${name}: every comment survives`);
    assert.deepEqual((await format(once.text)).edits, [], `${name}: formatting again changes nothing`);
  }
  assert.ok(changed >= 3, `${changed} files were reformatted`);
});

test('the examples are already in the format’s layout', async () => {
  for (const name of ['MS04-012', 'MS04-029']) {
    const { edits } = await format(readFileSync(join(root, 'examples', `${name}.bulletin.yaml`), 'utf8'));
    assert.deepEqual(edits, [], name);
  }
});

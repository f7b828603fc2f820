/** Cursor context: where the caret is, read from indentation the way the author reads it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../../server/src/core/parse';
import { cursorContext } from '../../../server/src/core/authoring/cursor';
import { withCursor } from './cursor-marker';

function at(source: string) {
  const { text, offset } = withCursor(source);
  const context = cursorContext(parse(text), offset);
  return context && { kind: context.kind, path: context.path, taken: [...context.taken].sort(), prefix: context.prefix, listItem: context.listItem, replaced: text.slice(...context.replace) };
}

test('root key position on an empty line, taken keys above and below', () => {
  assert.deepEqual(at('bulletin: 1\nid: MS04-001\n‸\ntitle: T\n'), { kind: 'key', path: [], taken: ['bulletin', 'id', 'title'], prefix: '', listItem: 'none', replaced: '' });
});

test('a key being typed in the middle of a word replaces the whole word', () => {
  assert.deepEqual(at('sev‸er\n'), { kind: 'key', path: [], taken: [], prefix: 'sev', listItem: 'none', replaced: 'sever' });
});

test('the second item of a list of mappings, keys of that item only', () => {
  const source = 'platforms:\n  - id: a\n    name: A\n  - id: b\n    ‸\n    tested: passed\n  - id: c\n    folder: x\n';
  assert.deepEqual(at(source), { kind: 'key', path: ['platforms', 1], taken: ['id', 'tested'], prefix: '', listItem: 'none', replaced: '' });
});

test('a compact list (dash at the key column) and a new dash item', () => {
  const source = 'platforms:\n- id: a\n  files:\n  - name: x.dll\n  - ‸\n';
  assert.deepEqual(at(source), { kind: 'key', path: ['platforms', 0, 'files', 1], taken: [], prefix: '', listItem: 'dash', replaced: '' });
});

test('value positions: plain, quoted, after a colon without space, in a flow list', () => {
  assert.deepEqual(at('severity: imp‸ort  # c\n'), { kind: 'value', path: ['severity'], taken: [], prefix: 'imp', listItem: 'none', replaced: 'import' });
  assert.deepEqual(at('severity: "im‸p"\n'), { kind: 'value', path: ['severity'], taken: [], prefix: 'im', listItem: 'none', replaced: 'imp' });
  assert.deepEqual(at('severity:‸\n'), { kind: 'value', path: ['severity'], taken: [], prefix: '', listItem: 'none', replaced: '' });
  assert.deepEqual(at('targets: [server, cl‸i]\n'), { kind: 'value', path: ['targets', 1], taken: [], prefix: 'cl', listItem: 'none', replaced: 'cli' });
});

test('a quoted key and nested mappings', () => {
  assert.deepEqual(at("platforms:\n  - 'id': a\n    package:\n      file: x.exe\n      ‸\n"), { kind: 'key', path: ['platforms', 0, 'package'], taken: ['file'], prefix: '', listItem: 'none', replaced: '' });
});

test('a BOM on the first line does not shift columns; CRLF line ends', () => {
  assert.deepEqual(at('\uFEFFbulletin: 1\r\nseverity: l‸\r\n'), { kind: 'value', path: ['severity'], taken: ['bulletin'], prefix: 'l', listItem: 'none', replaced: 'l' });
  assert.deepEqual(at('\uFEFF‸\r\nid: MS04-001\r\n'), { kind: 'key', path: [], taken: ['id'], prefix: '', listItem: 'none', replaced: '' });
});

test('nothing in comments, in block text, or in a quoted multi-line value', () => {
  assert.equal(at('# a comment ‸\n'), undefined);
  assert.equal(at('title: T  # c‸\n'), undefined);
  assert.equal(at('summary: |\n  text ‸\n'), undefined);
  assert.equal(at('title: "one\n  tw‸o"\n'), undefined);
});

test('a `#` inside quotes is not a comment', () => {
  assert.deepEqual(at("title: 'a # b'\nsev‸\n")?.kind, 'key');
});

test('a quoted list item: the word is inside the quotes', () => {
  assert.deepEqual(at('includes:\n  - "MS04-0‸1"\n'), { kind: 'key', path: ['includes', 0], taken: [], prefix: 'MS04-0', listItem: 'dash', replaced: 'MS04-01' });
});

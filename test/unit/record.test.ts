/**
 * The record, the one stored form of a bulletin: sent through structured clone (index workers →
 * server thread) or through the warm-start cache's codec and read back, it reads exactly like
 * the record made from the text; and a record that is not whole is recognised as such.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { extractBulletin, extractRecord } from '../../server/src/core/index/extract';
import { fileHash } from '../../server/src/core/index/file-hash';
import { viewOf } from '../../server/src/core/record/view';
import { isRecord } from '../../server/src/core/record/check';
import { FILE } from '../../server/src/core/record/layout';
import { tableBases } from '../../server/src/core/record/record';
import { plain } from './model-plain';
// @ts-expect-error -- a plain .mjs module without types
import { generateBulletin as generateWorkspaceBulletin } from '../../bench/generate-workspace.mjs';

const root = join(__dirname, '..', '..');
const example = (name: string) => readFileSync(join(root, 'examples', `${name}.bulletin.yaml`), 'utf8');

const texts: Record<string, string> = {
  'MS04-012': example('MS04-012'),
  'MS04-029': example('MS04-029'),
  'generated 57': generateWorkspaceBulletin(57, 1000) as string,
  'a schema problem (intrinsic problems travel too)': example('MS04-029').replace('kb: 873350', 'kb: x'),
  'a syntax error': example('MS04-012').replace('platforms:', 'platforms: [\n'),
  'registry data of every kind': example('MS04-029').replace(/data: (\S+)/, 'data: .inf').replace(/data: 1\b/, 'data: true'),
  'empty file': '',
  'a text of 32,768 characters and more (32-bit cells)': `# ${'x'.repeat(40_000)}\n${example('MS04-029')}`,
  'a text of 65,536 characters and more (32-bit line starts)': `# ${'x'.repeat(70_000)}\n${example('MS04-029')}`,
};

test('a record sent through structured clone or v8.serialize reads exactly like the one made from the text', () => {
  for (const [name, text] of Object.entries(texts)) {
    const expected = plain(extractBulletin('file:///x.bulletin.yaml', text));
    const record = extractRecord('file:///x.bulletin.yaml', text);
    assert.ok(isRecord(record), `${name}: a whole record`);
    assert.equal(record.cells.constructor, text.length < 32_768 ? Int16Array : Int32Array, `${name}: 16-bit cells where they fit`);
    assert.equal(record.lineStarts.constructor, text.length < 65_536 ? Uint16Array : Uint32Array, `${name}: 16-bit line starts where they fit`);
    assert.deepEqual(plain(viewOf(structuredClone(record))), expected, `${name}: structured clone`);
    assert.deepEqual(plain(viewOf(deserialize(serialize(record)))), expected, `${name}: v8.serialize`);
    // Every file carries the index hash the workspace index would compute for it.
    for (const platform of viewOf(record).platforms) {
      for (const file of platform.files) {
        const computed = platform.id === undefined || file.version === undefined ? -1 : fileHash(platform.id, file.name, file.variant, file.version);
        assert.equal(file.indexHash, computed, `${name}: ${file.pointer}`);
      }
    }
  }
  assert.ok(viewOf(structuredClone(extractRecord('u', texts['a schema problem (intrinsic problems travel too)']))).intrinsic.length > 0);
});

test('a view serializes as its plain fields, never through its links (file → platform → bulletin)', () => {
  const bulletin = extractBulletin('u', example('MS04-029'));
  const file = bulletin.platforms[0].files[0];
  assert.equal(file.bulletin, bulletin);
  const json = JSON.parse(JSON.stringify(file));
  assert.equal(json.name, file.name);
  assert.equal('bulletin' in json || 'platform' in json, false);
  assert.deepEqual(JSON.parse(JSON.stringify(bulletin)).platforms[0].files[0], json);
});

test('a record that is not whole is not a record: strings, numbers, rows and ranges out of bounds, wrong types', () => {
  const record = extractRecord('u', example('MS04-029'));
  const broken: [string, (r: ReturnType<typeof structuredClone<typeof record>>) => void][] = [
    ['a string cell past the table', (r) => (r.cells[tableBases(r.cells).file + FILE.name] = r.strings.length)],
    ['a file without a name', (r) => (r.cells[tableBases(r.cells).file + FILE.name] = -1)],
    ['a number cell past the table', (r) => (r.cells[tableBases(r.cells).file + FILE.size] = 9999)],
    ['a range past the text', (r) => (r.cells[tableBases(r.cells).file + FILE.versionEnd] = r.textLength + 1)],
    ['a range ending before it starts', (r) => (r.cells[tableBases(r.cells).file + FILE.versionEnd] = 0)],
    ['a file of a platform that is not there', (r) => (r.cells[tableBases(r.cells).file + FILE.platform] = 99)],
    ['a row count that does not fit the cells', (r) => (r.cells[2] += 1)],
    ['a cut cell table', (r) => (r.cells = r.cells.slice(0, r.cells.length - 1))],
    ['a string that is a number', (r) => ((r.strings as unknown[])[0] = 12)],
    ['line starts past the text', (r) => (r.lineStarts = Uint32Array.of(0, r.textLength + 5))],
    ['a problem past the text', (r) => (r.intrinsic = [{ offset: r.textLength, length: 3, code: 'schema', severity: 'error', message: 'x' }])],
    ['no cells at all', (r) => ((r as { cells: unknown }).cells = [1, 2, 3])],
  ];
  for (const [name, damage] of broken) {
    const copy = structuredClone(record);
    damage(copy);
    assert.equal(isRecord(copy), false, name);
  }
});

/**
 * Compact models as plain data (index workers → server thread, the warm-start cache): a model
 * sent through structured clone or the cache's `v8.serialize` and revived reads exactly like
 * the model the server would have made from the text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { extractBulletin, extractClosedBulletin, extractSerial } from '../../server/src/core/index/extract';
import { fileHash, type HashedFile } from '../../server/src/core/index/fileHash';
import { fromSerial, serialOf, toSerial } from '../../server/src/core/index/serial';
import { compactBulletin, filePointerIndices } from '../../server/src/core/index/compact';
import type { Bulletin } from '../../server/src/core/model';
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
  'empty file': '',
};

test('a model revived from structured clone or the cache reads exactly like the one made from the text', () => {
  for (const [name, text] of Object.entries(texts)) {
    const expected = plain(extractBulletin('file:///x.bulletin.yaml', text));
    const compact = extractClosedBulletin('file:///x.bulletin.yaml', text);
    assert.deepEqual(plain(fromSerial(structuredClone(toSerial(compact)))), expected, `${name}: structured clone`);
    assert.deepEqual(plain(fromSerial(deserialize(serialize(toSerial(compact))))), expected, `${name}: v8.serialize`);
    // A plain (open document) model is compacted on the way.
    assert.deepEqual(plain(fromSerial(structuredClone(toSerial(extractBulletin('file:///x.bulletin.yaml', text))))), expected, `${name}: from a plain model`);
    // The worker's direct serial form is the compact model's, slot for slot.
    const model = extractBulletin('file:///x.bulletin.yaml', text);
    assert.deepEqual(serialOf(model), toSerial(compactBulletin(model)), `${name}: serialOf`);
    // What an index worker sends (strings neither copied nor pooled there).
    const sent = fromSerial(structuredClone(extractSerial('file:///x.bulletin.yaml', text)));
    assert.deepEqual(plain(sent), expected, `${name}: from a worker`);
    // Every file carries the index hash the workspace index would compute for it.
    for (const platform of sent.platforms) {
      for (const file of platform.files) {
        const computed = platform.id === undefined || file.version === undefined ? -1 : fileHash(platform.id, file.name, file.variant, file.version);
        assert.equal((file as HashedFile).indexHash, computed, `${name}: ${file.pointer}`);
      }
    }
  }
  const withIntrinsic = fromSerial(structuredClone(toSerial(extractClosedBulletin('u', texts['a schema problem (intrinsic problems travel too)']))));
  assert.ok(withIntrinsic.intrinsic.length > 0);
});

test('a file entry’s pointer is read as the expression /^\\/platforms\\/(\\d+)\\/files\\/(\\d+)$/ reads it', () => {
  const expression = /^\/platforms\/(\d+)\/files\/(\d+)$/;
  const cases = ['/platforms/0/files/0', '/platforms/12/files/345', '/platforms/01/files/007', '/platforms//files/1', '/platforms/1/files/', '/platforms/1/files/2/name', '/platforms/1/file/2', 'platforms/1/files/2', '/platforms/a/files/2', '/platforms/1/files/2 ', '/platforms/1/files/2\n', '', '/platforms/999999999/files/1'];
  for (const pointer of cases) {
    const match = expression.exec(pointer);
    assert.deepEqual(filePointerIndices(pointer), match ? [Number(match[1]), Number(match[2])] : undefined, JSON.stringify(pointer));
  }
  // Longer indices than any real list are read as an unusual pointer (the entry stays a plain object).
  assert.equal(filePointerIndices('/platforms/1234567890/files/1'), undefined);
});

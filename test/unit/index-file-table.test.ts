/**
 * The index's table of files by version (core/index/file-table.ts): its open-addressing table
 * of hashes agrees with a `Map` through any mix of sets and deletes (keys that collide, keys
 * deleted and set again, growth), and the workspace index finds a file shared at one version
 * in every bulletin that ships it, after bulletins are removed and added again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { HeadTable } from '../../server/src/core/index/file-table';
import { WorkspaceIndex } from '../../server/src/core/index/workspace-index';
import { analyzeText } from '../../server/src/core/analyze';

test('the hash table agrees with a Map through sets and deletes (fuzz, fixed seed)', () => {
  const operation = fc.record({ kind: fc.constantFrom('set' as const, 'delete' as const), key: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 0x3fffffff }), fc.integer({ min: 0, max: 40 }).map((k) => k * 1024)), value: fc.nat({ max: 1 << 20 }) });
  fc.assert(
    fc.property(fc.array(operation, { maxLength: 3000 }), (operations) => {
      const table = new HeadTable();
      const reference = new Map<number, number>();
      for (const { kind, key, value } of operations) {
        if (kind === 'set') {
          table.set(key, value);
          reference.set(key, value);
        } else {
          table.delete(key);
          reference.delete(key);
        }
      }
      for (const { key } of operations) assert.equal(table.get(key), reference.get(key) ?? -1);
      assert.equal(table.get(0x3fffffff - 7), reference.get(0x3fffffff - 7) ?? -1);
    }),
    { numRuns: 200, seed: 20261207 },
  );
});

const bulletin = (id: string, version: string, extra = '') => `bulletin: 1
id: ${id}
lang: en
title: ${id}
published: 2004-10-16
platforms:
${extra}  - id: nt4
    name: Windows NT 4.0
    files:
      - name: rpcrt4.dll
        version: ${version}
      - name: other-${id}.dll
        version: 1.0
`;

test('a file shared at one version is found in every bulletin that ships it, after removals and re-adds', () => {
  const index = new WorkspaceIndex();
  const model = (n: number, version: string, extra = '') => analyzeText(`file:///ws/b${n}.bulletin.yaml`, bulletin(`MS04-${String(n).padStart(3, '0')}`, version, extra)).bulletin;
  for (let n = 0; n < 300; n++) index.set(model(n, n % 3 === 0 ? '4.0.1381.7304' : `4.0.1381.${n}`));
  const shared = () => index.filesAtVersion('nt4', 'RPCRT4.DLL', undefined, '4.0.1381.7304').map((f) => f.bulletin.uri);
  assert.equal(shared().length, 100);
  for (let n = 0; n < 300; n += 6) index.delete(`file:///ws/b${n}.bulletin.yaml`);
  assert.equal(shared().length, 50);
  // A platform without an id ahead of the files moves their rows: the entries follow.
  for (let n = 0; n < 300; n += 6) index.set(model(n, '4.0.1381.7304', '  - name: No id\n    files:\n      - name: x.dll\n        version: 1.0\n'));
  assert.equal(shared().length, 100);
  const one = index.get('file:///ws/b3.bulletin.yaml')!;
  const file = one.platforms[0].files[0];
  assert.deepEqual(
    index.sharedAtVersionOf('nt4', file).map((f) => f.bulletin.uri).sort(),
    shared().sort(),
    'the file itself among them',
  );
  const alone = index.get('file:///ws/b1.bulletin.yaml')!.platforms[0].files[0];
  assert.deepEqual(index.sharedAtVersionOf('nt4', alone), [], 'a file alone at its version has no others');
  assert.deepEqual([...index.dependentsOf('file:///ws/b3.bulletin.yaml')].length, 99);
});

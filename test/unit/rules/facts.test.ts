/**
 * A cross-file rule reads of other bulletins only the facts it declares (`Rule.reads`): every
 * rule runs over every fixture workspace with the other bulletins behind a proxy that notes
 * each property read, and a read outside the declared facts fails. A rule that began reading,
 * say, other bulletins' file dates without declaring it would otherwise miss re-checks when
 * only a date changed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../../server/src/core/analyze';
import { WorkspaceIndex } from '../../../server/src/core/index/workspace-index';
import type { CrossFileFact } from '../../../server/src/core/index/cross-file-facts';
import type { Bulletin } from '../../../server/src/core/model';
import { rules } from '../../../server/src/core/rules';
import { findBulletins } from '../../../server/src/cli/files';

const root = join(__dirname, '..', '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'workspaces');

/** The fact each property belongs to, by the kind of object it is read from. */
const FACTS: Record<string, Record<string, CrossFileFact>> = {
  bulletin: { id: 'id', published: 'published', includes: 'references', related: 'references', platforms: 'files', fileCount: 'files', fileIndexHash: 'files', fileAt: 'files' },
  platform: { id: 'files', pointer: 'files', files: 'files' },
  file: { name: 'files', variant: 'files', version: 'files', size: 'files', pointer: 'files', indexHash: 'files', identityHash: 'files', bulletin: 'files', platform: 'files', file: 'files' },
  ref: { id: 'references', pointer: 'references' },
};
/** Read freely: identity, places (related locations are handled apart), and the view's machinery. */
const FREE = new Set(['uri', 'range', 'derived', 'toJSON', 'constructor', 'length', 'lineStarts']);
const free = (property: string) => FREE.has(property) || property.endsWith('Range') || /^\d+$/.test(property);

const kindOf = (value: object): keyof typeof FACTS | undefined => {
  if ('platforms' in value && 'includes' in value) return 'bulletin';
  if ('files' in value && 'deployment' in value) return 'platform';
  if ('indexHash' in value) return 'file';
  if ('id' in value && 'pointer' in value && 'range' in value) return 'ref';
  return undefined;
};

let reads: Set<string> | undefined;
const proxies = new WeakMap<object, object>();

/** The value behind a proxy that notes, while `reads` is set, every property read of it and of what it gives. */
function watched<T>(value: T): T {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return value;
  const known = proxies.get(value);
  if (known) return known as T;
  const kind = kindOf(value);
  const proxy = new Proxy(value, {
    get(target, property, receiver) {
      const result = Reflect.get(target, property, target);
      if (typeof property !== 'string') return result;
      if (reads && kind && !free(property)) reads.add(FACTS[kind][property] ?? `${kind}.${property}`);
      if (typeof result === 'function') return property === 'derived' ? (key: object, make: () => unknown) => (target as unknown as Bulletin).derived(key, () => make.call(receiver)) : result.bind(target);
      return watched(result);
    },
  });
  proxies.set(value, proxy);
  return proxy as T;
}

function workspaces(): string[][] {
  const folders = [...new Set(findBulletins([fixtures]).map((path) => join(path, '..')))];
  return [...folders.map((folder) => findBulletins([folder])), findBulletins([join(root, 'examples')])];
}

test('every cross-file rule reads of other bulletins only the facts it declares', () => {
  const undeclared = new Map<string, Set<string>>();
  let checked = 0;
  for (const paths of workspaces()) {
    const bulletins = paths.map((path) => analyzeText(path, readFileSync(path, 'utf8')).bulletin);
    for (const self of bulletins) {
      const index = new WorkspaceIndex();
      // The checked bulletin as it is; every other one behind the proxy.
      for (const bulletin of bulletins) index.set(bulletin === self ? bulletin : watched(bulletin));
      for (const rule of rules.filter((r) => r.crossFile)) {
        reads = new Set();
        try {
          rule.check({ bulletin: self, index, locale: 'en' });
        } finally {
          const declared = new Set<string>(rule.reads ?? []);
          for (const fact of reads) if (!declared.has(fact)) (undeclared.get(rule.code) ?? undeclared.set(rule.code, new Set()).get(rule.code)!).add(fact);
          reads = undefined;
        }
        checked++;
      }
    }
  }
  assert.ok(checked > 50, `${checked} checks`);
  assert.deepEqual(Object.fromEntries([...undeclared].map(([code, facts]) => [code, [...facts].sort()])), {});
});

test('the proxy sees a read it was not told of (the test can fail)', () => {
  const [path] = findBulletins([join(root, 'examples')]);
  const bulletin = watched(analyzeText(path, readFileSync(path, 'utf8')).bulletin);
  reads = new Set();
  void bulletin.platforms[0].files[0].date;
  void bulletin.title;
  const seen = [...reads].sort();
  reads = undefined;
  assert.deepEqual(seen, ['bulletin.title', 'file.date', 'files']);
});

test('every cross-file rule declares what it reads, and no single-file rule does', () => {
  for (const rule of rules) assert.equal((rule.reads?.length ?? 0) > 0, rule.crossFile, rule.code);
});

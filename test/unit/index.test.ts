import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText, checkBulletin } from '../../server/src/core/analyze';
import { WorkspaceIndex } from '../../server/src/core/index/workspace-index';
import { compareNewer, reporterOf } from '../../server/src/core/index/order';
import { sameCrossFileFacts } from '../../server/src/core/index/cross-file-facts';
import { crossFileFacts } from '../../server/src/core/rules';
import { extractBulletin } from '../../server/src/core/index/extract';
import { componentOf, cyclicComponents } from '../../server/src/core/index/cycles';
import fc from 'fast-check';
import { viewOf } from '../../server/src/core/record/view';

function bulletin(uri: string, id: string, extra = '', published = '2004-10-16') {
  return analyzeText(uri, `bulletin: 1\nid: ${id}\ntitle: T\npublished: ${published}\nseverity: important\n${extra}`).bulletin;
}
const files = (platform: string, ...entries: string[]) =>
  `platforms:\n  - id: ${platform}\n    files:\n${entries.map((e) => { const [name, version, size] = e.split(' '); return `      - name: ${name}\n        version: ${version}\n${size ? `        size: ${size}\n` : ''}`; }).join('')}`;

test('bulletins by id, references both ways, files by identity', () => {
  const index = new WorkspaceIndex();
  const a = bulletin('a', 'MS04-012', files('nt4', 'RPCRT4.DLL 4.0.1381.7230'));
  const b = bulletin('b', 'MS04-029', `related: [MS04-012]\n${files('nt4', 'rpcrt4.dll 4.0.1381.7303')}`);
  index.set(a);
  index.set(b);
  assert.deepEqual(index.byId('MS04-012').map((x) => x.uri), ['a']);
  assert.deepEqual(index.referencesTo('MS04-012').map((r) => [r.from.uri, r.kind, r.ref.id]), [['b', 'related', 'MS04-012']]);
  assert.deepEqual(index.filesByIdentity('nt4', 'rpcrt4.dll').map((e) => [e.bulletin.uri, e.file.version]), [['a', '4.0.1381.7230'], ['b', '4.0.1381.7303']]);
  assert.deepEqual(index.filesByIdentity('other', 'rpcrt4.dll'), []);
  assert.equal(index.filesByName('Rpcrt4.dll').length, 2);
  assert.deepEqual([...index.dependentsOf('a')], ['b']);
  assert.deepEqual([...index.dependentsOf('b')], ['a']);
});

test('an update replaces every trace of the old model', () => {
  const index = new WorkspaceIndex();
  index.set(bulletin('a', 'MS04-012', `includes: [MS03-001]\n${files('nt4', 'x.dll 1.0')}`));
  index.set(bulletin('a', 'MS04-013', files('nt4', 'y.dll 1.0')));
  assert.deepEqual(index.byId('MS04-012'), []);
  assert.deepEqual(index.referencesTo('MS03-001'), []);
  assert.deepEqual(index.filesByIdentity('nt4', 'x.dll'), []);
  assert.equal(index.filesByIdentity('nt4', 'y.dll').length, 1);
  index.delete('a');
  assert.equal(index.size, 0);
  assert.deepEqual(index.filesByIdentity('nt4', 'y.dll'), []);
});

test('an edit that keeps id, references and files re-points the indexed entries at the new model', () => {
  const index = new WorkspaceIndex();
  const before = bulletin('a', 'MS04-012', `related: [MS03-001]\n${files('nt4', 'x.dll 1.0 10', 'y.dll 2.0')}`);
  index.set(before);
  index.set(bulletin('b', 'MS04-013', files('nt4', 'x.dll 1.00 11')));
  // Only the title and a size changed: the entries must now be the new model's objects.
  const after = analyzeText('a', `bulletin: 1\nid: MS04-012\ntitle: A longer title\npublished: 2004-10-16\nseverity: important\nrelated: [MS03-001]\n${files('nt4', 'x.dll 1.0 12', 'y.dll 2.0')}`).bulletin;
  const generation = index.generation;
  index.set(after);
  assert.ok(index.generation > generation);
  assert.equal(index.get('a'), after);
  const x = index.filesAtVersion('nt4', 'X.DLL', undefined, '1');
  assert.deepEqual(x.map((e) => [e.bulletin.uri, e.file.size]), [['a', 12], ['b', 11]]);
  assert.equal(x[0].bulletin, after);
  assert.equal(x[0].platform, after.platforms[0]);
  assert.equal(index.filesByIdentity('nt4', 'y.dll')[0].file, after.platforms[0].files[1]);
  assert.equal(index.referencesTo('MS03-001')[0].from, after);
  assert.equal(index.referencesTo('MS03-001')[0].ref, after.related[0]);
  assert.deepEqual([...index.dependentsOf('a')], ['b']);
  // A version change is no re-point: the old version's entry goes.
  index.set(bulletin('a', 'MS04-012', `related: [MS03-001]\n${files('nt4', 'x.dll 1.1 12', 'y.dll 2.0')}`));
  assert.deepEqual(index.filesAtVersion('nt4', 'x.dll', undefined, '1.0').map((e) => e.bulletin.uri), ['b']);
  assert.deepEqual(index.filesAtVersion('nt4', 'x.dll', undefined, '1.1').map((e) => e.bulletin.uri), ['a']);
  assert.deepEqual([...index.dependentsOf('a')], []);
  // Neither is a reference that changes kind.
  index.set(bulletin('a', 'MS04-012', `includes: [MS03-001]\n${files('nt4', 'x.dll 1.1 12', 'y.dll 2.0')}`));
  assert.deepEqual(index.referencesTo('MS03-001').map((r) => r.kind), ['includes']);
});

test('cross-file facts: what other bulletins\' rules read, ranges aside', () => {
  const base = bulletin('a', 'MS04-012', `related: [MS03-001]\n${files('nt4', 'x.dll 1.0 10')}`);
  const same = (extra: string, id = 'MS04-012', published = '2004-10-16') => sameCrossFileFacts(base, bulletin('a', id, extra, published), crossFileFacts);
  assert.equal(same(`# a comment moves every range\nrelated: [MS03-001]\n${files('nt4', 'x.dll 1.0 10')}`), true);
  assert.equal(same(`related: [MS03-001]\n${files('nt4', 'x.dll 1.0 11')}`), false, 'size');
  assert.equal(same(`related: [MS03-001]\n${files('nt4', 'x.dll 1.00 10')}`), false, 'version as written');
  assert.equal(same(`related: [MS03-002]\n${files('nt4', 'x.dll 1.0 10')}`), false, 'reference');
  assert.equal(same(`includes: [MS03-001]\n${files('nt4', 'x.dll 1.0 10')}`), false, 'kind of reference');
  assert.equal(same(`related: [MS03-001]\n${files('nt5', 'x.dll 1.0 10')}`), false, 'platform');
  assert.equal(same(`related: [MS03-001]\n${files('nt4', 'x.dll 1.0 10', 'y.dll 1.0')}`), false, 'a file more');
  assert.equal(same(`related: [MS03-001]\n${files('nt4', 'x.dll 1.0 10')}`, 'MS04-013'), false, 'id');
  assert.equal(same(`related: [MS03-001]\n${files('nt4', 'x.dll 1.0 10')}`, 'MS04-012', '2004-10-17'), false, 'published');
});

test('dependents: same id, shared file at the same version, cycle members; not a file at another version', () => {
  const index = new WorkspaceIndex();
  index.set(bulletin('a', 'MS01-001', files('nt4', 'x.dll 1.0 10')));
  index.set(bulletin('b', 'MS01-002', files('nt4', 'x.dll 1.00 11')));
  index.set(bulletin('c', 'MS01-003', files('nt4', 'x.dll 2.0 11')));
  index.set(bulletin('d', 'MS01-001'));
  assert.deepEqual([...index.dependentsOf('a')].sort(), ['b', 'd']);
  index.set(bulletin('e', 'MS02-001', 'includes: [MS02-002]\n'));
  index.set(bulletin('f', 'MS02-002', 'includes: [MS02-003]\n'));
  index.set(bulletin('g', 'MS02-003', 'includes: [MS02-001]\n'));
  assert.deepEqual([...index.dependentsOf('e')].sort(), ['f', 'g']);
  assert.deepEqual([...(index.cycleOf('MS02-002') ?? [])].sort(), ['MS02-001', 'MS02-002', 'MS02-003']);
  assert.deepEqual(index.includesPath('MS02-001', 'MS02-003'), ['MS02-001', 'MS02-002', 'MS02-003']);
});

test('cycle detection: a diamond is no cycle, a self-include is, and a long chain never recurses', () => {
  const index = new WorkspaceIndex();
  index.set(bulletin('top', 'MS05-001', 'includes: [MS05-002, MS05-003]\n'));
  index.set(bulletin('l', 'MS05-002', 'includes: [MS05-004]\n'));
  index.set(bulletin('r', 'MS05-003', 'includes: [MS05-004]\n'));
  index.set(bulletin('bottom', 'MS05-004'));
  for (const id of ['MS05-001', 'MS05-002', 'MS05-003', 'MS05-004']) assert.equal(index.cycleOf(id), undefined);
  index.set(bulletin('self', 'MS06-001', 'includes: [MS06-001]\n'));
  assert.deepEqual([...index.cycleOf('MS06-001')!], ['MS06-001']);
  const n = 20_000;
  for (let i = 0; i < n; i++) {
    const id = `MS07-${String(i).padStart(5, '0')}`;
    const next = `MS07-${String((i + 1) % n).padStart(5, '0')}`;
    index.set(bulletin(`chain${i}`, id, `includes: [${next}]\n`));
  }
  assert.equal(index.cycleOf('MS07-00000')!.size, n);
});

test('one id\'s cycle found from its own part of the graph is its component among all of them, on any graph', () => {
  const graph = fc.array(fc.tuple(fc.nat(11), fc.nat(11)), { maxLength: 30 });
  fc.assert(
    fc.property(graph, (pairs) => {
      const edges = new Map<string, Set<string>>();
      const back = new Map<string, Set<string>>();
      for (const [a, b] of pairs) {
        if (!edges.has(`n${a}`)) edges.set(`n${a}`, new Set());
        edges.get(`n${a}`)!.add(`n${b}`);
        if (!back.has(`n${b}`)) back.set(`n${b}`, new Set());
        back.get(`n${b}`)!.add(`n${a}`);
      }
      const all = cyclicComponents(edges);
      for (let i = 0; i < 12; i++) {
        const local = componentOf(`n${i}`, edges, back, 100);
        assert.deepEqual(local === undefined ? undefined : [...(local as Set<string>)].sort(), all.has(`n${i}`) ? [...all.get(`n${i}`)!].sort() : undefined);
      }
      // Past its limit it says so rather than answer from a part of the graph.
      for (let i = 0; i < 12; i++) {
        const reaches = [...(edges.get(`n${i}`) ?? [])].some((next) => next !== `n${i}`);
        const small = componentOf(`n${i}`, edges, back, 1);
        if (reaches) assert.equal(small, 'too-big');
        else assert.deepEqual(small === undefined ? undefined : [...(small as Set<string>)], all.has(`n${i}`) ? [`n${i}`] : undefined);
      }
    }),
  );
});

test('the index answers cycle queries between changes as it does all at once, including the cycles a change closes and opens', () => {
  const index = new WorkspaceIndex();
  const ids = ['MS08-001', 'MS08-002', 'MS08-003', 'MS08-004'];
  index.set(bulletin('a', ids[0], `includes: [${ids[1]}]\n`));
  index.set(bulletin('b', ids[1], `includes: [${ids[2]}]\n`));
  assert.equal(index.cycleOf(ids[0]), undefined);
  index.set(bulletin('c', ids[2], `includes: [${ids[0]}, ${ids[3]}]\n`)); // closes a → b → c → a
  assert.deepEqual([...index.cycleOf(ids[1])!].sort(), ids.slice(0, 3));
  assert.equal(index.cycleOf(ids[3]), undefined);
  assert.deepEqual(index.includesPath(ids[0], ids[2]), [ids[0], ids[1], ids[2]]);
  index.set(bulletin('b2', ids[1], `includes: [${ids[3]}]\n`)); // a second MS08-002 joins the node, not the cycle
  assert.deepEqual([...index.cycleOf(ids[0])!].sort(), ids.slice(0, 3));
  index.delete('b'); // opens it
  assert.equal(index.cycleOf(ids[0]), undefined);
  for (let i = 0; i < 100; i++) index.cycleOf(ids[i % 4]); // past the local queries: every component at once, same answers
  assert.equal(index.cycleOf(ids[0]), undefined);
});

test('newer is the later published, then the greater id; the reporter is who names the other', () => {
  const older = bulletin('o', 'MS04-012', '', '2004-04-14');
  const newer = bulletin('n', 'MS04-029', '', '2004-10-16');
  assert.ok(compareNewer(newer, older) > 0);
  assert.ok(compareNewer(bulletin('x', 'MS04-013'), bulletin('y', 'MS04-012')) > 0);
  assert.equal(reporterOf(older, newer), newer);
  const namingOlder = bulletin('o2', 'MS04-012', 'related: [MS04-029]\n', '2004-04-14');
  assert.equal(reporterOf(namingOlder, newer), namingOlder);
});

test('files at a version: names and variants compare case-insensitively (beyond ASCII too), an absent variant is an empty one', () => {
  const index = new WorkspaceIndex();
  index.set(bulletin('a', 'MS04-012', files('nt4', 'Äb.dll 1.0', 'K.dll 2.0')));
  index.set(bulletin('b', 'MS04-013', files('nt4', 'äB.DLL 1.00.0', '\u212A.dll 2.0.0')));
  assert.deepEqual(index.filesAtVersion('nt4', 'äb.dll', undefined, '1').map((e) => e.bulletin.uri), ['a', 'b']);
  assert.deepEqual(index.filesAtVersion('nt4', 'ÄB.DLL', '', '1.0.0.0').map((e) => e.bulletin.uri), ['a', 'b']);
  assert.deepEqual(index.filesAtVersion('nt4', 'k.dll', undefined, '2.0').map((e) => e.bulletin.uri), ['a', 'b']);
  assert.deepEqual(index.filesAtVersion('nt4', 'äb.dll', 'sp1', '1'), []);
  assert.deepEqual(index.filesAtVersion('nt5', 'äb.dll', undefined, '1'), []);
  assert.deepEqual(index.filesAtVersion('nt4', 'äb.dll', undefined, '1.1'), []);
  assert.deepEqual([...index.dependentsOf('a')], ['b']);
  index.delete('b');
  assert.deepEqual(index.filesAtVersion('nt4', 'äb.dll', undefined, '1').map((e) => e.bulletin.uri), ['a']);
  assert.deepEqual(index.filesByIdentity('nt4', 'k.DLL').map((e) => e.bulletin.uri), ['a']);
  assert.deepEqual([...index.dependentsOf('a')], []);
});

test('each file is its own entry, and a new bulletin with the same files takes their places', () => {
  const text = (size: number) => `bulletin: 1\nid: MS04-012\ntitle: T\npublished: 2004-10-16\nseverity: important\n${files('nt4', `x.dll 1.0 ${size}`)}`;
  const index = new WorkspaceIndex();
  const first = extractBulletin('a', text(10));
  index.set(first);
  index.set(bulletin('b', 'MS04-013', files('nt4', 'x.dll 1.0 11')));
  const [a, b] = index.filesAtVersion('nt4', 'x.dll', undefined, '1.0');
  assert.equal(a.file, first.platforms[0].files[0]);
  assert.equal(a.bulletin, first);
  assert.equal(a.platform, first.platforms[0]);
  assert.equal(b.bulletin.uri, 'b');
  // The entry neither spreads nor serializes its bulletin (no cycle through the model).
  assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(a.file))).includes('bulletin'), false);
  const second = extractBulletin('a', text(12));
  index.set(second);
  const entries = index.filesAtVersion('nt4', 'x.dll', undefined, '1');
  assert.deepEqual(entries.map((e) => [e.bulletin.uri, e.file.size]), [['a', 12], ['b', 11]]);
  assert.equal(entries[0].bulletin, second);
  assert.equal(entries[0].file, second.platforms[0].files[0]);
  // A plain model (an open document) in place of a compact one, and back.
  const open = bulletin('a', 'MS04-012', files('nt4', 'x.dll 1.0 13'));
  index.set(open);
  assert.deepEqual(index.filesAtVersion('nt4', 'x.dll', undefined, '1').map((e) => [e.bulletin.uri, e.file.size]), [['a', 13], ['b', 11]]);
  assert.equal(index.filesAtVersion('nt4', 'x.dll', undefined, '1')[0].bulletin, open);
  index.set(second);
  assert.equal(index.filesAtVersion('nt4', 'x.dll', undefined, '1')[0].bulletin, second);
  assert.deepEqual([...index.dependentsOf('a')], ['b']);
  index.delete('a');
  assert.deepEqual(index.filesAtVersion('nt4', 'x.dll', undefined, '1').map((e) => e.bulletin.uri), ['b']);
});

test('views forgotten between checks are made again: the same findings, new objects, and kept where asked', async () => {
  // @ts-expect-error -- a plain .mjs module without types
  const { generateBulletin } = await import('../../bench/generate-workspace.mjs');
  const N = 120;
  const index = new WorkspaceIndex();
  for (let i = 0; i < N; i++) index.set(analyzeText(`file:///w/${i}.bulletin.yaml`, generateBulletin(i, N) as string).bulletin);
  const uris = [...index.uris()];
  const checkAll = (forgetEvery: number) =>
    uris.map((uri, i) => {
      const problems = checkBulletin(index.get(uri)!, index);
      if ((i + 1) % forgetEvery === 0) index.forgetViews();
      return JSON.stringify(problems);
    });
  const kept = checkAll(Infinity);
  assert.ok(kept.some((problems) => problems.includes('"code"')), 'the generated workspace has findings to compare');
  assert.deepEqual(checkAll(1), kept);
  assert.deepEqual(checkAll(7), kept);

  const [open, closed] = [index.get(uris[0])!, index.get(uris[1])!];
  const [openPlatforms, closedPlatforms, closedFiles] = [open.platforms, closed.platforms, closed.platforms[0].files];
  index.forgetViews((uri) => uri === open.uri);
  assert.equal(open.platforms, openPlatforms, 'the view of a kept bulletin stays');
  assert.notEqual(closed.platforms, closedPlatforms, 'a forgotten one is made again');
  assert.notEqual(closed.platforms[0].files[0], closedFiles[0]);
  assert.deepEqual(JSON.parse(JSON.stringify(closed.platforms)), JSON.parse(JSON.stringify(closedPlatforms)), 'and reads the same');

  // An open document typed into: each version replaces the last in the index. The versions
  // replaced are forgotten, not kept because their URI is open (the list would grow with every
  // keystroke), and only the bulletins that made views are visited.
  const listed = () => (index as unknown as { madeViews: unknown[] }).madeViews.length;
  index.forgetViews((uri) => uri === open.uri);
  assert.equal(listed(), 1, 'only the kept bulletin stays listed');
  let version = open;
  for (let i = 0; i < 20; i++) {
    const previous = version;
    const previousPlatforms = previous.platforms;
    version = analyzeText(open.uri, generateBulletin(0, N) as string).bulletin;
    index.set(version);
    const platforms = version.platforms;
    index.forgetViews((uri) => uri === open.uri);
    assert.equal(listed(), 1, `version ${i + 2}: the replaced one left the list`);
    assert.equal(version.platforms, platforms, 'the indexed version keeps its views');
    assert.notEqual(previous.platforms, previousPlatforms, 'the replaced one forgot them');
  }
});

test('records let go between passes are read again from their source: the same findings, each read once per pass, and never a different record', async () => {
  // @ts-expect-error -- a plain .mjs module without types
  const { generateBulletin } = await import('../../bench/generate-workspace.mjs');
  const N = 120;
  const texts = Array.from({ length: N }, (_, i) => [`file:///w/${i}.bulletin.yaml`, generateBulletin(i, N) as string] as const);
  const resident = new WorkspaceIndex();
  for (const [uri, text] of texts) resident.set(analyzeText(uri, text).bulletin);
  const expected = texts.map(([uri]) => JSON.stringify(checkBulletin(resident.get(uri)!, resident)));
  assert.ok(expected.some((problems) => problems.includes('"code"')), 'the generated workspace has findings to compare');

  // The same records behind sources that count their reads (a copy each time, as a file gives).
  const reads = new Map<string, number>();
  const index = new WorkspaceIndex();
  for (const [uri, text] of texts) {
    const record = analyzeText(uri, text).bulletin.record;
    const bulletin = viewOf(record);
    index.set(bulletin);
    bulletin.keepIn({ load: () => (reads.set(uri, (reads.get(uri) ?? 0) + 1), structuredClone(record)) });
  }
  assert.equal(reads.size, 0, 'indexing let every record go without reading it back');
  assert.deepEqual([...index.uris()].map((uri) => index.get(uri)!.id), [...resident.uris()].map((uri) => resident.get(uri)!.id), 'what the index keeps of each is there without its record');

  for (let pass = 1; pass <= 2; pass++) {
    const found = texts.map(([uri], i) => {
      const problems = JSON.stringify(checkBulletin(index.get(uri)!, index));
      if ((i + 1) % 7 === 0) index.forgetViews();
      return problems;
    });
    assert.deepEqual(found, expected, `pass ${pass}: the findings of the resident records`);
    assert.ok([...reads.values()].every((n) => n === pass), `pass ${pass}: every record read once in the pass, however many checks read it`);
    index.releaseRecords();
  }

  // Kept where asked (an open document's), let go otherwise; a record read back that is not the one indexed is refused.
  const [kept, other] = [index.get(texts[0][0])!, index.get(texts[1][0])!];
  void kept.title;
  void other.title;
  index.releaseRecords((uri) => uri === kept.uri);
  const before = [reads.get(kept.uri), reads.get(other.uri)];
  void kept.title;
  void other.title;
  assert.deepEqual([reads.get(kept.uri), reads.get(other.uri)], [before[0], before[1]! + 1], 'the kept record stayed, the other was read again');
  const record = analyzeText('file:///w/x.bulletin.yaml', texts[2][1]).bulletin.record;
  const wrong = viewOf(record);
  wrong.keepIn({ load: () => ({ ...record, hash: 'another' }) });
  assert.throws(() => wrong.title, /not the one indexed/);
});

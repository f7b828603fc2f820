/**
 * A clone of the repository stands on its own: nothing that `npm test`, `npm run test:e2e`,
 * the benchmarks, the build or CI run reads a folder beside the clone (the project's peer
 * folder of notes and specification exists on the machine it is developed on, not in a clone).
 * The comparison of docs/format.md with the specification takes the spec's path from
 * BULLETIN_FORMAT_SPEC and is skipped without it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');
/** Files that may name the peer folder: each must skip, not fail, without it. */
const specComparison = 'test/unit/rules/format-spec.test.ts';
const sourceFile = /\.(ts|mts|cts|js|mjs|cjs|sh|json)$|^run$/;

function sources(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = join(folder, entry.name);
    // Fixtures are data (bulletins whose comments cite the peer folder's seed), not code that reads files.
    if (entry.isDirectory()) {
      if (!['node_modules', 'fixtures', 'test-output'].includes(entry.name)) out.push(...sources(full));
    } else if (sourceFile.test(entry.name)) {
      out.push(full);
    }
  }
  return out;
}

/** A path that leaves the clone for the peer folder: '../' then its name in a string, or its name as a path segment handed to join. */
const peerPath = /(['"`])(?:\.\.\/)+shared\b|['"`]shared['"`]/;

test('no test, script, benchmark or CI step reads the peer folder beside the clone', () => {
  const files = [...['test', 'scripts', 'bench', '.ci'].flatMap((folder) => sources(join(root, folder))), join(root, 'package.json'), join(root, 'esbuild.mjs')];
  assert.ok(files.length > 50, `the sources were found (${files.length})`);
  const offending = files
    .map((file) => relative(root, file).split('\\').join('/'))
    .filter((file) => file !== relative(root, __filename).split('\\').join('/')) // this file builds its examples of the pattern
    .flatMap((file) =>
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => (peerPath.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
  assert.deepEqual(offending, []);
});

test('the pattern finds the ways a path to the peer folder is written', () => {
  // Built from parts, so that this file does not itself name the path it looks for.
  const peer = ['sha', 'red'].join('');
  const up = '.' + '.';
  for (const line of [`join(root, '${up}', '${peer}', 'data')`, `readFileSync('${up}/${peer}/spec/bulletin-format.md')`, `resolve(\`${up}/${up}/${peer}/x\`)`, `path.join(__dirname, "${up}", "${peer}")`]) {
    assert.ok(peerPath.test(line), line);
  }
  for (const line of ['// includes chains, related links and shared files', `const shared = new Set()`, `'a shared machine'`]) assert.ok(!peerPath.test(line), line);
});

test('the comparison with the specification takes its path from BULLETIN_FORMAT_SPEC and is skipped, not failed, without it', () => {
  const text = readFileSync(join(root, specComparison), 'utf8');
  assert.match(text, /const specPath = process\.env\.BULLETIN_FORMAT_SPEC/);
  assert.match(text, /\{ skip \}/);
});

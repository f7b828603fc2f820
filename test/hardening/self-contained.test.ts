/**
 * A clone of the repository stands on its own: nothing that `npm test`, `npm run test:e2e`,
 * the benchmarks, the build or CI run reads a folder beside the clone (the project's
 * `../shared` peer folder exists on the machine it is developed on, not in a clone). The one
 * exception compares docs/format.md with the format specification when that file is there,
 * and is skipped otherwise.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');
/** Files that may name the peer folder: each must skip, not fail, without it. */
const optional = new Set(['test/unit/rules/format-spec.test.ts']);
const sourceFile = /\.(ts|mts|cts|js|mjs|cjs|sh|json)$|^run$/;

function sources(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = join(folder, entry.name);
    // Fixtures are data (bulletins whose comments cite ../shared/seed), not code that reads files.
    if (entry.isDirectory()) {
      if (!['node_modules', 'fixtures', 'test-output'].includes(entry.name)) out.push(...sources(full));
    } else if (sourceFile.test(entry.name)) {
      out.push(full);
    }
  }
  return out;
}

/** A path that leaves the clone for the peer folder: '../shared…' in a string, or 'shared' as a path segment handed to join. */
const peerPath = /(['"`])(?:\.\.\/)+shared\b|['"`]shared['"`]/;

test('no test, script, benchmark or CI step reads ../shared', () => {
  const files = [...['test', 'scripts', 'bench', '.ci'].flatMap((folder) => sources(join(root, folder))), join(root, 'package.json'), join(root, 'esbuild.mjs')];
  assert.ok(files.length > 50, `the sources were found (${files.length})`);
  const offending = files
    .map((file) => relative(root, file).split('\\').join('/'))
    .filter((file) => !optional.has(file) && file !== relative(root, __filename).split('\\').join('/')) // this file names the paths as examples
    .flatMap((file) =>
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => (peerPath.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
  assert.deepEqual(offending, []);
});

test('the pattern finds the ways a path to the peer folder is written', () => {
  for (const line of [`join(root, '..', 'shared', 'data')`, `readFileSync('../shared/spec/bulletin-format.md')`, 'resolve(`../../shared/x`)', `path.join(__dirname, "..", "shared")`]) {
    assert.ok(peerPath.test(line), line);
  }
  for (const line of ['// includes chains, related links and shared files', `const shared = new Set()`, `'a shared machine'`]) assert.ok(!peerPath.test(line), line);
});

test('the optional comparison with the specification is skipped, not failed, without it', () => {
  for (const file of optional) {
    const text = readFileSync(join(root, file), 'utf8');
    assert.match(text, /const skip = !existsSync\(specPath\)/, file);
    assert.match(text, /\{ skip \}/, file);
  }
});

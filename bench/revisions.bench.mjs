// Revisions (issue #18), two figures, each a ratio to a peer measured in the same run:
//   1. the semantic diff of MS04-029 against a revised copy (text in, changes out: what differs
//      between the two texts read, entries matched by identity, labels made), against a plain
//      line diff of the same two texts with the `diff` package (`diffLines`). Target ≤ 1×.
//   2. `bulletin diff --since HEAD~1` over the generated 10,000-bulletin workspace in a git
//      repository whose last commit changed 10 bulletins, against `bulletin check` of the same
//      folder. Target ≤ 1.2× (it reads only the changed files at the ref, and re-checks only
//      the bulletins that can depend on them).
//
//   node bench/run.mjs revisions          (after npm run build)
//   BULLETIN_BENCH_N=2000 node bench/revisions.bench.mjs   (a smaller workspace)
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { diffLines } from 'diff';
import { report } from './report.mjs';
import { generateWorkspace, fileName } from './generate-workspace.mjs';

const root = join(import.meta.dirname, '..');
const N = Number(process.env.BULLETIN_BENCH_N ?? 10_000);
const CHANGED = 10;

// The pure core, bundled once for this run (the same sources the server and the CLI bundle).
const outDir = join(root, '.bench');
mkdirSync(outDir, { recursive: true });
const bundle = join(outDir, 'diff-core.cjs');
await build({
  stdin: { contents: `export { diffTexts, diffBulletins } from './server/src/core/diff'; export { parse } from './server/src/core/parse';`, resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: bundle,
  logLevel: 'warning',
});
const { diffTexts, diffBulletins, parse } = createRequire(import.meta.url)(bundle);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// 1. MS04-029 against a revised copy: the seed's correction plus a file version, a size, a
// reordered platform list, a comment (what a real revision looks like).
const original = readFileSync(join(root, 'test', 'fixtures', 'revisions', 'MS04-029.first.yaml'), 'utf8');
const revised = readFileSync(join(root, 'examples', 'MS04-029.bulletin.yaml'), 'utf8')
  .replace('version: 4.0.1381.7303', 'version: 4.0.1381.7304')
  .replace('size: 374400', 'size: 374416')
  .replace('updated: 2004-10-16', 'updated: 2004-10-20  # 訂正');
const changes = diffTexts(original, revised);
const lineParts = diffLines(original, revised).filter((p) => p.added || p.removed).length;
// Interleaved, so both see the same machine; warm up first.
const ROUNDS = 2000;
for (let i = 0; i < 200; i++) {
  diffTexts(original, revised);
  diffLines(original, revised);
}
// The editor's path too: the working text is already parsed (for its diagnostics) and the
// committed one is parsed once per commit, so what each version costs is the diff of two parses.
const parsedOriginal = parse(original);
const parsedRevised = parse(revised);
const semantic = [];
const parsedOnly = [];
const lines = [];
for (let i = 0; i < ROUNDS; i++) {
  let t = performance.now();
  diffTexts(original, revised);
  semantic.push(performance.now() - t);
  t = performance.now();
  diffBulletins(parsedOriginal, parsedRevised);
  parsedOnly.push(performance.now() - t);
  t = performance.now();
  diffLines(original, revised);
  lines.push(performance.now() - t);
}
const diffRatio = median(semantic) / median(lines);
const parsedRatio = median(parsedOnly) / median(lines);

// 2. diff --since over the workspace in git, 10 bulletins changed in the last commit.
const repo = mkdtempSync(join(tmpdir(), 'bulletin-bench-git-'));
const git = (...args) =>
  execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@bulletin.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@bulletin.invalid' },
  });
let since;
let check;
let sinceReport;
try {
  generateWorkspace(N, repo);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'workspace');
  for (let k = 0; k < CHANGED; k++) {
    const i = Math.floor(((k + 0.5) * N) / CHANGED);
    const path = join(repo, fileName(i));
    const text = readFileSync(path, 'utf8');
    // A file's size corrected and the title reworded: a material change, and a cross-file one.
    writeFileSync(path, text.replace(/^title: (.*)$/m, 'title: $1 (revised)').replace(/size: (\d+)/, (_, n) => `size: ${Number(n) + 16}`));
  }
  git('commit', '-q', '-am', `${CHANGED} bulletins revised`);
  const cli = join(root, 'dist', 'cli.js');
  const time = (args) => {
    const t = performance.now();
    const result = spawnSync(process.execPath, [cli, ...args], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 });
    const ms = performance.now() - t;
    if (result.status !== 0 && result.status !== 1) throw new Error(`bulletin ${args.join(' ')}: exit ${result.status}\n${result.stderr}`);
    return { ms, stdout: result.stdout };
  };
  // Alternate the two, three times each, and take the medians (the file cache is warm for both).
  const checks = [];
  const sinces = [];
  time(['check', '--format', 'json', '.']);
  for (let r = 0; r < 3; r++) {
    checks.push(time(['check', '--format', 'json', '.']).ms);
    const run = time(['diff', '--since', 'HEAD~1', '--format', 'json', '.']);
    sinces.push(run.ms);
    sinceReport = JSON.parse(run.stdout);
  }
  check = median(checks);
  since = median(sinces);
} finally {
  rmSync(repo, { recursive: true, force: true });
}
const sinceRatio = since / check;
const verdict = (ratio, target) => (ratio <= target ? 'met' : 'not met');

report(`revisions (MS04-029; ${N} bulletins, ${CHANGED} changed)`, [
  `semantic diff of MS04-029 vs a revised copy (${changes.length} changes; diffLines: ${lineParts} hunks), median of ${ROUNDS}`,
  `  semantic diff from text (what differs read, labelled)  ${median(semantic).toFixed(3)} ms`,
  `  line diff, diff@9 diffLines (same texts, same run)     ${median(lines).toFixed(3)} ms`,
  `  ratio                                                  ${diffRatio.toFixed(2)}×   target ≤ 1×: ${verdict(diffRatio, 1)}`,
  `  the editor's path: two parsed versions in               ${median(parsedOnly).toFixed(3)} ms   ${parsedRatio.toFixed(2)}× the line diff`,
  `bulletin diff --since HEAD~1 over ${N} bulletins, ${CHANGED} changed in the last commit (median of 3)`,
  `  bulletin check .                                       ${(check / 1000).toFixed(2)} s`,
  `  bulletin diff --since HEAD~1 .                         ${(since / 1000).toFixed(2)} s   (${sinceReport.files.length} bulletins changed, ${sinceReport.readAtRef} read at the ref, findings +${sinceReport.added.length} -${sinceReport.removed.length})`,
  `  ratio                                                  ${sinceRatio.toFixed(2)}×   target ≤ 1.2×: ${verdict(sinceRatio, 1.2)}`,
]);

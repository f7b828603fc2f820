// Time to render the preview page: the MS04-029 example and a generated 2,000-line bulletin
// (bench/generate-bulletin.mjs), each indexed with MS04-012 so the comparison tables are made.
// "render" is renderBulletin alone (what the preview adds to the analysis the server already
// has); "analyze+check+render" is the whole bulletin/render path from text. Median of many runs.
//
//   npm run bench            (builds, then runs every bench)
//   node bench/run.mjs render
// BENCH_SCALE=2 doubles the run counts.
import { report } from './report.mjs';
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateBulletin } from './generate-bulletin.mjs';

const root = join(import.meta.dirname, '..');
const outDir = join(root, '.bench');
const scale = Number(process.env.BENCH_SCALE ?? 1) || 1;
const TARGET_MS = 20;

// The pure core, bundled once for this run (the same sources the server bundles).
mkdirSync(outDir, { recursive: true });
const bundle = join(outDir, 'render-core.cjs');
await build({
  stdin: {
    contents: `export { analyzeText, checkBulletin } from './server/src/core/analyze';
               export { WorkspaceIndex } from './server/src/core/index/workspace-index';
               export { renderBulletin } from './server/src/core/render';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: bundle,
  logLevel: 'warning',
});
const { analyzeText, checkBulletin, WorkspaceIndex, renderBulletin } = createRequire(import.meta.url)(bundle);

const example = (name) => readFileSync(join(root, 'examples', `${name}.bulletin.yaml`), 'utf8');
const cases = [
  { name: 'MS04-029 example', text: example('MS04-029'), runs: 400 * scale, target: TARGET_MS },
  { name: 'generated, 2,000 lines', text: generateBulletin(2000), runs: 60 * scale },
];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

const rows = [];
for (const c of cases) {
  const options = { locale: 'ja' };
  const index = new WorkspaceIndex();
  index.set(analyzeText('file:///ws/MS04-012.bulletin.yaml', example('MS04-012'), options).bulletin);
  const uri = 'file:///ws/page.bulletin.yaml';
  const analysis = analyzeText(uri, c.text, options);
  index.set(analysis.bulletin);
  const findings = checkBulletin(analysis.bulletin, index, options);
  const renderOnly = () => renderBulletin({ parsed: analysis.parsed, bulletin: analysis.bulletin, index, findings });
  const fromText = () => {
    const fresh = analyzeText(uri, c.text, options);
    index.set(fresh.bulletin);
    return renderBulletin({ parsed: fresh.parsed, bulletin: fresh.bulletin, index, findings: checkBulletin(fresh.bulletin, index, options) });
  };
  const lines = c.text.split('\n').length;
  const size = renderOnly().html.length;
  for (const [stage, work] of [['render', renderOnly], ['analyze+check+render', fromText]]) {
    for (let i = 0; i < 10; i++) work(); // warm-up
    globalThis.gc?.();
    const times = [];
    for (let i = 0; i < c.runs; i++) {
      const start = performance.now();
      work();
      times.push(performance.now() - start);
    }
    const med = median(times);
    rows.push({
      document: c.name,
      lines,
      stage,
      runs: c.runs,
      'median ms': med.toFixed(2),
      'p95 ms': percentile(times, 0.95).toFixed(2),
      'page KB': (size / 1024).toFixed(0),
      target: c.target && stage === 'render' ? `≤ ${c.target} ms ${med <= c.target ? 'met' : 'MISSED'}` : '',
    });
  }
}
const columns = ['document', 'lines', 'stage', 'runs', 'median ms', 'p95 ms', 'page KB', 'target'];
const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
const cells = (values) => values.map((v, i) => String(v).padEnd(widths[i])).join('  ').trimEnd();
report('render', [cells(columns), ...rows.map((r) => cells(columns.map((c) => r[c])))]);
const missed = rows.some((r) => r.target.includes('MISSED'));
if (missed) console.log('The MS04-029 render target was missed.');

// One build script: the schema validator is generated, then client, server and CLI are
// bundled for Node (CommonJS, `vscode` external). `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

execFileSync(process.execPath, ['scripts/generate-validator.mjs'], { stdio: 'inherit' });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
};

// The server and the CLI load the ReDoS checker from `dist/recheck.js` (its own bundle below) on
// first use, rather than carrying its 3 MB in their own bundles.
const recheckBeside = {
  name: 'recheck-beside',
  setup(build) {
    build.onResolve({ filter: /^recheck\/lib\/main\.js$/ }, () => ({ path: './recheck.js', external: true }));
  },
};

const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist', plugins: [recheckBeside] },
  // Index workers: the server reads and parses closed bulletins on both cores (lsp/index-workers.ts).
  { ...common, entryPoints: { indexWorker: 'server/src/worker/index-worker.ts' }, outdir: 'dist' },
  // The analysis worker: open documents too large to parse on the server's thread (lsp/background-analysis.ts).
  { ...common, entryPoints: { analysisWorker: 'server/src/worker/analysis-worker.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' }, plugins: [recheckBeside] },
  // The ReDoS checker's pure-JavaScript build (3 MB), loaded only for a custom id pattern (server/src/io/id-pattern.ts).
  { ...common, entryPoints: { recheck: 'node_modules/recheck/lib/main.js' }, outdir: 'dist', sourcemap: false, external: [...common.external, './synckit-worker'] },
  // How the server is started (server/src/launch.ts), for the benchmarks: the client bundles it.
  { ...common, entryPoints: { launch: 'server/src/launch.ts' }, outdir: 'dist' },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}

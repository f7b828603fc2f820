/**
 * Compiles the in-host mocha suite (test/e2e/suite) to CommonJS in out/e2e/suite: one bundle
 * per entry, `vscode` (given by the extension host) and `mocha` (resolved from the repository's
 * node_modules) left external.
 */
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, suiteOutDir } from './paths';

export async function buildSuite(): Promise<void> {
  const sourceDir = join(repoRoot, 'test', 'e2e', 'suite');
  const entries = readdirSync(sourceDir).filter((name) => name === 'index.ts' || name.endsWith('.test.ts'));
  rmSync(suiteOutDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: entries.map((name) => join(sourceDir, name)),
    outdir: suiteOutDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
}

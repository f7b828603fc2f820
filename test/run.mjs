// Runs every *.test.ts under test/ (except the real-editor suites, which `npm run test:e2e`
// runs) with node's own test runner; TypeScript is loaded through tsx.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = join(import.meta.dirname, '..');
const excluded = new Set(['e2e', 'fixtures', 'node_modules']);
const only = process.argv.slice(2);

function collect(folder) {
  const out = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!excluded.has(entry.name)) out.push(...collect(full));
    } else if (entry.name.endsWith('.test.ts')) {
      out.push(full);
    }
  }
  return out;
}

let files = collect(join(root, 'test')).sort();
if (only.length > 0) files = files.filter((f) => only.some((o) => relative(root, f).includes(o)));
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: '' },
});
process.exit(result.status ?? 1);

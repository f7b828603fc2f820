/**
 * The workspace the editors open: a fresh copy of examples/ plus the e2e fault fixtures
 * (test/e2e/fixtures/faults → faults/), so that tests may type into files freely.
 */
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths';

export function prepareWorkspace(target: string): string {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const examples = join(repoRoot, 'examples');
  for (const name of readdirSync(examples)) cpSync(join(examples, name), join(target, name), { recursive: true });
  cpSync(join(repoRoot, 'test', 'e2e', 'fixtures', 'faults'), join(target, 'faults'), { recursive: true });
  return target;
}

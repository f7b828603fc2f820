/**
 * The export cases every CSAF test runs: the examples and the fixtures, each with the
 * failures it must produce, read from `# expect: <test>` markers on the YAML line where the
 * diagnostic must land (none: the export must pass the strict schema and every mandatory test).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyzeText } from '../../server/src/core/analyze';
import { exportBulletin, testLabel } from '../../server/src/core/csaf';
import { validateCsaf } from '../../server/src/core/csaf/validate';
import { positionAt } from '../../server/src/core/text';

export const root = join(__dirname, '..', '..');
export const publisher = { category: 'other', name: 'Bulletin tests', namespace: 'https://bulletin.test' };

export interface CaseResult {
  file: string;
  kind: 'refused' | 'invalid' | 'valid';
  /** `line:test` of every failure, 1-based lines. */
  failures: string[];
}

export function caseFiles(): string[] {
  const list = (folder: string) => readdirSync(join(root, folder)).filter((f) => f.endsWith('.bulletin.yaml')).map((f) => join(root, folder, f));
  return [...list('examples'), ...list('test/fixtures/csaf')].sort();
}

/** `line:test` pairs the file's markers demand. */
export function expectedFailures(text: string): string[] {
  return text.split(/\r?\n/).flatMap((line, i) => [...line.matchAll(/# expect: (\S+)/g)].map((m) => `${i + 1}:${m[1]}`));
}

export async function runCase(path: string): Promise<CaseResult> {
  const text = readFileSync(path, 'utf8');
  const analysis = analyzeText(path, text);
  const result = await exportBulletin(analysis, { publisher }, 'en', validateCsaf);
  const failures =
    result.kind === 'invalid'
      ? result.problems.map((p) => `${positionAt(analysis.bulletin.lineStarts, p.offset).line + 1}:${testLabel(String(p.data?.test))}`)
      : [];
  return { file: relative(root, path), kind: result.kind, failures };
}

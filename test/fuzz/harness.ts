/**
 * The property every fuzz case must hold, shared by `npm test`, `npm run fuzz` and the replay
 * of saved failures: analysing a text and checking it (and every other bulletin of a small
 * workspace that now contains it) throws nothing, returns a list of well-formed problems whose
 * ranges lie inside their documents, and finishes within the time bound.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText, checkBulletin, type CheckOptions } from '../../server/src/core/analyze';
import { WorkspaceIndex } from '../../server/src/core/index/workspace-index';
import type { Bulletin } from '../../server/src/core/model';
import type { Problem } from '../../server/src/core/problems';
import type { SeveritySetting } from '../../server/src/core/problems';
import { assertSame } from '../unit/quick-parse-check';

export const root = join(__dirname, '..', '..');

/**
 * A case slower than this fails: a hang detector, not a benchmark. Time is the process's CPU
 * time for the case, so that other work on a busy machine (CI runs tests side by side) does
 * not count against it.
 */
export const CASE_TIME_LIMIT_MS = 2000;

export interface ExampleBulletin {
  name: string;
  uri: string;
  text: string;
}

/** Every example bulletin, read once: the mutations start from real files. */
export const examples: readonly ExampleBulletin[] = readdirSync(join(root, 'examples'))
  .filter((name) => name.endsWith('.bulletin.yaml'))
  .sort()
  .map((name) => ({ name, uri: join(root, 'examples', name), text: readFileSync(join(root, 'examples', name), 'utf8') }));

if (examples.length === 0) throw new Error('no examples/*.bulletin.yaml to mutate');

/** Settings a case runs under (the setting values an author can choose). */
export interface CaseSettings {
  locale: 'en' | 'ja';
  idPattern?: string;
  severities?: Record<string, SeveritySetting>;
}

export interface FuzzCase {
  /** Which generator made it (counts per kind are reported). */
  kind: string;
  /** The mutations applied, if any (each is counted). */
  mutations?: string[];
  text: string;
  settings: CaseSettings;
  /** Index the text in place of this example (same uri) instead of beside the examples. */
  replaces?: string;
}

export interface CaseResult {
  ms: number;
  problems: number;
  /** The quick reader read the text (and agreed with the full parser). */
  quick: boolean;
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);

function toOptions(settings: CaseSettings): CheckOptions {
  return {
    locale: settings.locale,
    idPattern: settings.idPattern === undefined ? undefined : new RegExp(settings.idPattern),
    severities: settings.severities,
  };
}

/** Throws with a readable reason when a problem is malformed or points outside its document. */
function assertProblems(problems: unknown, owner: Bulletin, index: WorkspaceIndex, where: string, input: string): void {
  if (!Array.isArray(problems)) throw new Error(`${where}: result is not a list: ${typeof problems}`);
  for (const p of problems as Problem[]) {
    const shown = () => JSON.stringify(p).slice(0, 300);
    if (typeof p !== 'object' || p === null) throw new Error(`${where}: problem is not an object: ${String(p)}`);
    if (typeof p.code !== 'string' || p.code === '') throw new Error(`${where}: problem without a code: ${shown()}`);
    if (!SEVERITIES.has(p.severity)) throw new Error(`${where}: bad severity: ${shown()}`);
    if (typeof p.message !== 'string' || p.message.trim() === '') throw new Error(`${where}: empty message: ${shown()}`);
    const placeholder = /\{[A-Za-z]\w*\}/.exec(p.message)?.[0];
    if (placeholder && !input.includes(placeholder)) throw new Error(`${where}: unfilled placeholder in message: ${shown()}`);
    if (!Number.isInteger(p.offset) || !Number.isInteger(p.length)) throw new Error(`${where}: non-integer range: ${shown()}`);
    if (p.offset < 0 || p.length < 0 || p.offset + p.length > owner.textLength) {
      throw new Error(`${where}: range [${p.offset}, ${p.offset + p.length}) outside the document of length ${owner.textLength}: ${shown()}`);
    }
    for (const r of p.related ?? []) {
      const other = index.get(r.uri);
      if (!other) throw new Error(`${where}: related location in a document the index does not hold (${r.uri}): ${shown()}`);
      if (!Number.isInteger(r.offset) || r.offset < 0 || r.length < 0 || r.offset + r.length > other.textLength) {
        throw new Error(`${where}: related range outside ${r.uri} (length ${other.textLength}): ${shown()}`);
      }
    }
  }
}

const exampleCache = new Map<string, Bulletin[]>();

/** The examples' models under these settings, analysed once per distinct settings. */
function examplesUnder(settings: CaseSettings, options: CheckOptions): Bulletin[] {
  const key = JSON.stringify([settings.locale, settings.idPattern]);
  let models = exampleCache.get(key);
  if (!models) {
    models = examples.map((e) => analyzeText(e.uri, e.text, options).bulletin);
    exampleCache.set(key, models);
  }
  return models;
}

export const CASE_URI = join(root, 'test', 'fixtures', 'fuzz', 'case.bulletin.yaml');

/**
 * Runs one case: analyse, put it in a workspace with the examples, check every bulletin of
 * that workspace (cross-file rules read the hostile one from the others' side too).
 */
export function runCase(c: FuzzCase): CaseResult {
  const first = checkOnce(c);
  if (first.ms <= CASE_TIME_LIMIT_MS) return first;
  // Over the bound: once more, so a one-off pause (a full GC) is not taken for a slow case;
  // a case that is really slow is slow twice.
  const second = checkOnce(c);
  if (second.ms > CASE_TIME_LIMIT_MS) throw new Error(`case took ${first.ms.toFixed(0)} ms, then ${second.ms.toFixed(0)} ms (limit ${CASE_TIME_LIMIT_MS} ms)`);
  return second;
}

function checkOnce(c: FuzzCase): CaseResult {
  const started = process.cpuUsage();
  const options = toOptions(c.settings);
  const index = new WorkspaceIndex();
  for (const example of examplesUnder(c.settings, options)) {
    if (example.uri !== c.replaces) index.set(example);
  }
  const uri = c.replaces ?? CASE_URI;
  // Whatever the quick reader takes, the full parser must read the same way (the server trusts it).
  const quick = assertSame('fuzz case', c.text);
  const { bulletin } = analyzeText(uri, c.text, options);
  if (bulletin.textLength !== c.text.length) throw new Error(`model text length ${bulletin.textLength} != ${c.text.length}`);
  const input = `${c.text}\n${c.settings.idPattern ?? ''}`;
  assertProblems(bulletin.intrinsic, bulletin, index, 'intrinsic', input);
  index.set(bulletin);
  let count = 0;
  for (const each of [...index.all()]) {
    const problems = checkBulletin(each, index, options);
    assertProblems(problems, each, index, each.uri === uri ? 'case' : `other ${each.uri}`, input);
    count += problems.length;
  }
  const spent = process.cpuUsage(started);
  return { ms: (spent.user + spent.system) / 1000, problems: count, quick };
}

/** Running figures over many cases: counts per kind and the slowest case. */
export class FuzzStats {
  cases = 0;
  readonly byKind = new Map<string, number>();
  readonly byMutation = new Map<string, number>();
  longestMs = 0;
  longestKind = '';
  longestLength = 0;
  totalMs = 0;
  problems = 0;
  quick = 0;

  record(c: FuzzCase, result: CaseResult): void {
    this.cases++;
    this.byKind.set(c.kind, (this.byKind.get(c.kind) ?? 0) + 1);
    for (const m of c.mutations ?? []) this.byMutation.set(m, (this.byMutation.get(m) ?? 0) + 1);
    this.totalMs += result.ms;
    this.problems += result.problems;
    if (result.quick) this.quick++;
    if (result.ms > this.longestMs) {
      this.longestMs = result.ms;
      this.longestKind = c.kind;
      this.longestLength = c.text.length;
    }
  }

  summary(): string {
    const list = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${k}: ${n}`);
    return [
      `cases: ${this.cases} (${this.problems} problems reported; ${this.quick} read by the quick reader, each the same as by the full parser)`,
      ...list(this.byKind),
      'mutations applied:',
      ...list(this.byMutation),
      `longest case: ${this.longestMs.toFixed(1)} ms (${this.longestKind}, ${this.longestLength} characters)`,
      `mean case: ${(this.totalMs / Math.max(1, this.cases)).toFixed(2)} ms`,
    ].join('\n');
  }
}

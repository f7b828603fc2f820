/**
 * The export's gate: @secvisogram/csaf-validator-lib's CSAF 2.0 strict schema and every
 * mandatory test (6.1.x), and its failures placed on the bulletin's YAML through the source
 * map. The library (ESM, about 1 MB with its schemas and CWE list) is loaded on first use only.
 */
import type { CsafValidatorTestResult, DocumentTest } from '@secvisogram/csaf-validator-lib/validate.js';
import { msg, type Locale } from '../messages';
import type { NodeLocation } from '../parse';
import { problem, type Problem } from '../problems';
import type { CsafSourceMap } from './source-map';
import './messages';

export interface CsafFailure {
  /** `csaf_2_0_strict` or `mandatoryTest_6_1_23` … */
  test: string;
  /** JSON pointer into the CSAF document. */
  instancePath: string;
  message: string;
}

/** The code of the diagnostics that say an export would fail. */
export const CSAF_EXPORT_CODE = 'csaf-export';

let loaded: Promise<(doc: unknown) => Promise<{ isValid: boolean; tests: CsafValidatorTestResult[] }>> | undefined;

function loadValidator() {
  loaded ??= (async () => {
    const [{ default: validate }, mandatory, { csaf_2_0_strict }] = await Promise.all([
      import('@secvisogram/csaf-validator-lib/validate.js'),
      import('@secvisogram/csaf-validator-lib/mandatoryTests.js'),
      import('@secvisogram/csaf-validator-lib/schemaTests.js'),
    ]);
    const tests = [named('csaf_2_0_strict', csaf_2_0_strict), ...mandatoryTests(mandatory)];
    return (doc: unknown) => validate(tests, doc);
  })();
  return loaded;
}

/**
 * The library reports each result under its test function's `name`; a minified bundle renames
 * functions, so each test is wrapped in a function named after its export (which stays).
 */
function named(name: string, test: DocumentTest): DocumentTest {
  return { [name]: (doc: unknown) => test(doc) }[name];
}

function mandatoryTests(module: unknown): DocumentTest[] {
  return Object.entries(module as Record<string, unknown>)
    .filter(([name, test]) => name.startsWith('mandatoryTest_') && typeof test === 'function')
    .map(([name, test]) => named(name, test as DocumentTest));
}

/** Every failure of the strict schema and the mandatory tests; empty when the document passes. */
export async function validateCsaf(csaf: unknown): Promise<CsafFailure[]> {
  const validate = await loadValidator();
  const result = await validate(csaf);
  const failures: CsafFailure[] = [];
  for (const test of result.tests) {
    for (const error of test.errors) failures.push({ test: test.name, instancePath: error.instancePath, message: error.message });
    if (!test.isValid && test.errors.length === 0) failures.push({ test: test.name, instancePath: '', message: 'failed' });
  }
  return failures;
}

/** The names of the tests run, for reports ("strict schema + 43 mandatory tests"). */
export async function csafTestNames(): Promise<string[]> {
  const mandatory = await import('@secvisogram/csaf-validator-lib/mandatoryTests.js');
  return ['csaf_2_0_strict', ...mandatoryTests(mandatory).map((test) => test.name)];
}

/** `mandatoryTest_6_1_23` → `6.1.23`; the schema test keeps its name. */
export function testLabel(test: string): string {
  const m = /^mandatoryTest_(\d+(?:_\d+)*)$/.exec(test);
  return m ? `${m[1].replace(/_/g, '.')}` : test;
}

/** Failures → problems on the YAML nodes they come from. */
export function csafProblems(failures: CsafFailure[], sourceMap: CsafSourceMap, nodes: Map<string, NodeLocation>, text: string, locale: Locale): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const f of failures) {
    const message = msg(locale, 'csaf.export.failure', { test: testLabel(f.test), path: f.instancePath || '/', message: f.message });
    const range = sourceMap.rangeFor(f.instancePath, nodes, text);
    const key = `${range[0]}:${range[1]}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problem(CSAF_EXPORT_CODE, 'error', range, message, { data: { test: f.test, instancePath: f.instancePath } }));
  }
  return out;
}

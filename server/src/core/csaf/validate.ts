/**
 * The export's gate: @secvisogram/csaf-validator-lib's CSAF 2.0 strict schema and every
 * mandatory test (6.1.x). The library (ESM, about 2 MB bundled, about 2 s of CPU to load) is
 * loaded on first use only, and only bundles that import this module carry it: the CLI does,
 * the language server does not (it forks the CLI, see lsp/csaf-validator-process.ts).
 */
import type { CsafValidatorTestResult, DocumentTest } from '@secvisogram/csaf-validator-lib/validate.js';
import type { CsafFailure } from './problems';

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

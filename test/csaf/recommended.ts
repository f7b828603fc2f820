/**
 * csaf-validator-lib's optional (recommended, 6.2.x) and informative (6.3.x) tests, all but the
 * spell check (6.3.8, which needs hunspell dictionaries), over one CSAF document: every
 * warning and info, as `test instancePath message`.
 */
import type { CsafValidatorTestResult, DocumentTest } from '@secvisogram/csaf-validator-lib/validate.js';

export async function recommendedFindings(doc: unknown): Promise<{ warnings: string[]; infos: string[]; tests: string[] }> {
  const [{ default: validate }, optional, informative] = await Promise.all([
    import('@secvisogram/csaf-validator-lib/validate.js'),
    import('@secvisogram/csaf-validator-lib/optionalTests.js' as string) as Promise<Record<string, unknown>>,
    import('@secvisogram/csaf-validator-lib/informativeTests.js' as string) as Promise<Record<string, unknown>>,
  ]);
  const tests = Object.entries({ ...optional, ...informative })
    .filter(([name, test]) => /^(optionalTest_6_2_|informativeTest_6_3_)/.test(name) && name !== 'informativeTest_6_3_8' && typeof test === 'function')
    .map(([name, test]) => ({ [name]: (d: unknown) => (test as DocumentTest)(d) })[name]);
  const result = (await validate(tests, doc)) as { tests: CsafValidatorTestResult[] };
  const line = (t: CsafValidatorTestResult, m: { instancePath: string; message: string }) => `${t.name} ${m.instancePath} ${m.message}`;
  return {
    warnings: result.tests.flatMap((t) => [...t.errors, ...t.warnings].map((m) => line(t, m))),
    infos: result.tests.flatMap((t) => t.infos.map((m) => line(t, m))),
    tests: tests.map((t) => t.name),
  };
}

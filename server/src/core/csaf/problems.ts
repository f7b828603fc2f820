/** Validator failures → problems on the YAML nodes they come from (no validator code here). */
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

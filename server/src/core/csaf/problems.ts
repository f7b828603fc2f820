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
    // Said where it is in the bulletin (its key or list item), not at the CSAF pointer.
    const message = msg(locale, 'csaf.export.failure', { test: testLabel(f.test), where: whereInBulletin(sourceMap.nodeFor(f.instancePath, nodes), locale), message: f.message });
    const range = sourceMap.rangeFor(f.instancePath, nodes, text);
    const key = `${range[0]}:${range[1]}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problem(CSAF_EXPORT_CODE, 'error', range, message, { data: { test: f.test, instancePath: f.instancePath } }));
  }
  return out;
}

/** A bulletin pointer in the words schema findings use: `id`, item 2 of `platforms`, the bulletin. */
function whereInBulletin(pointer: string, locale: Locale): string {
  if (pointer === '') return msg(locale, 'where.root');
  const tokens = pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = tokens[tokens.length - 1];
  if (/^\d+$/.test(last) && tokens.length >= 2) return msg(locale, 'where.item', { key: tokens[tokens.length - 2], index: Number(last) + 1 });
  const item = tokens[tokens.length - 2];
  if (item !== undefined && /^\d+$/.test(item) && tokens.length >= 3) {
    return msg(locale, 'csaf.where.keyOfItem', { key: last, index: Number(item) + 1, list: tokens[tokens.length - 3] });
  }
  return msg(locale, 'where.key', { key: last });
}

/**
 * The live check's findings: none on a bulletin with error findings of its own (the rule says
 * it in the bulletin's terms; its CSAF form would only restate it), the export's otherwise.
 */
export function liveCsafProblems(ruleFindings: readonly Problem[], exportProblems: readonly Problem[]): Problem[] {
  return ruleFindings.some((p) => p.severity === 'error') ? [] : [...exportProblems];
}

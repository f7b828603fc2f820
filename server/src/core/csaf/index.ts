/**
 * The export as every consumer runs it (CLI, server, tests): refuse a bulletin that breaks
 * its own schema, map it to CSAF, validate, and place any failure on the YAML.
 */
import type { Analysis } from '../analyze';
import type { Locale } from '../messages';
import type { Problem } from '../problems';
import { bulletinToCsaf, type CsafDocument, type CsafExportOptions } from './export';
import { csafProblems, type CsafFailure } from './problems';

export type CsafExportResult =
  | { kind: 'refused'; errors: Problem[] }
  | { kind: 'invalid'; csaf: CsafDocument; failures: CsafFailure[]; problems: Problem[] }
  | { kind: 'valid'; csaf: CsafDocument };

/**
 * Runs the validator on a CSAF document: `validateCsaf` of ./validate in this process (CLI,
 * tests), or the server's child process. Passed in, so the server bundle does not carry the library.
 */
export type CsafValidator = (csaf: CsafDocument) => Promise<CsafFailure[]>;

export async function exportBulletin(analysis: Analysis, options: CsafExportOptions, locale: Locale, validate: CsafValidator): Promise<CsafExportResult> {
  const errors = analysis.bulletin.intrinsic.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { kind: 'refused', errors };
  const { csaf, sourceMap } = bulletinToCsaf(analysis.parsed.value, options);
  const failures = await validate(csaf);
  if (failures.length === 0) return { kind: 'valid', csaf };
  return { kind: 'invalid', csaf, failures, problems: csafProblems(failures, sourceMap, analysis.parsed.nodes, analysis.parsed.text, locale) };
}

export { bulletinToCsaf, vendorOf, PUBLISHER_CATEGORIES, type CsafPublisher, type CsafExportOptions, type CsafDocument, type RelatedBulletinInfo } from './export';
export { CSAF_EXPORT_CODE, csafProblems, liveCsafProblems, testLabel, type CsafFailure } from './problems';
export { CsafSourceMap } from './source-map';
export { splitServicePack } from './product-tree';

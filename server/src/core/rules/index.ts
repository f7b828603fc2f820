/** The rule registry: the spec's table, one module per code. Server, CLI, SARIF and docs read it. */
import type { Rule } from './types';
import type { CrossFileFact } from '../index/cross-file-facts';
import { yamlSyntax } from './yaml-syntax';
import { schema } from './schema';
import { duplicateId } from './duplicate-id';
import { unresolvedReference } from './unresolved-reference';
import { supersedenceCycle } from './supersedence-cycle';
import { fileVersionConflict } from './file-version-conflict';
import { fileMetadataMismatch } from './file-metadata-mismatch';
import { incompleteSupersedence } from './incomplete-supersedence';
import { missingRegistryCheck } from './missing-registry-check';
import { registryKbMismatch } from './registry-kb-mismatch';
import { registryDataType } from './registry-data-type';
import { packageKbMismatch } from './package-kb-mismatch';
import { dateOrder } from './date-order';
import { deploymentOrder } from './deployment-order';
import { duplicateEntry } from './duplicate-entry';
import { urgencyMismatch } from './urgency-mismatch';
import { revisionOrder } from './revision-order';
import { unrevisedChange } from './unrevised-change';
import { cvssVector } from './cvss-vector';
import { cvssScoreMismatch } from './cvss-score-mismatch';
import { cvssSeverityMismatch } from './cvss-severity-mismatch';
import { unknownCwe } from './unknown-cwe';
import { suppression } from './suppression';

/** In the spec's order. */
export const rules: readonly Rule[] = [
  yamlSyntax,
  schema,
  duplicateId,
  unresolvedReference,
  supersedenceCycle,
  fileVersionConflict,
  fileMetadataMismatch,
  incompleteSupersedence,
  missingRegistryCheck,
  registryKbMismatch,
  registryDataType,
  packageKbMismatch,
  dateOrder,
  deploymentOrder,
  duplicateEntry,
  urgencyMismatch,
  revisionOrder,
  unrevisedChange,
  cvssVector,
  cvssScoreMismatch,
  cvssSeverityMismatch,
  unknownCwe,
  suppression,
];

export const ruleByCode = new Map(rules.map((rule) => [rule.code, rule]));

/** Every fact some cross-file rule reads of other bulletins (what an edit must leave equal to spare their re-checks). */
export const crossFileFacts: ReadonlySet<CrossFileFact> = new Set(rules.flatMap((rule) => rule.reads ?? []));

export type { Rule, RuleContext } from './types';

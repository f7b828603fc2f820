/** The rule registry: the spec's table, one module per code. Server, CLI, SARIF and docs read it. */
import type { Rule } from './types';
import { yamlSyntax } from './yaml-syntax';
import { schema } from './schema';

export const rules: readonly Rule[] = [yamlSyntax, schema];

export const ruleByCode = new Map(rules.map((rule) => [rule.code, rule]));

export type { Rule, RuleContext } from './types';

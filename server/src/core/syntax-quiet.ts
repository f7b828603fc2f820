/**
 * Findings that a syntax error explains are not reported while it stands. A document with a
 * syntax error is half-typed far more often than it is wrong, and the parser's recovered
 * document has lost what follows the error: every node from the first error on, and the rest
 * of each mapping and list the error cut short. A finding there (a missing key, an unknown key,
 * a platform with no registry check) says only that the document is incomplete, which the
 * syntax error already says. Every syntax error is still reported.
 */
import type { NodeLocation, ParsedDocument } from './parse';
import type { Problem } from './problems';
import { lineStartAt } from './text';

const SYNTAX = 'yaml-syntax';

/** The key of the first syntax problem's `data` that carries where rule findings go quiet. */
const QUIET_FROM = 'quietFrom';

function firstSyntaxError(problems: readonly Problem[]): Problem | undefined {
  let first: Problem | undefined;
  for (const p of problems) if (p.code === SYNTAX && (!first || p.offset < first.offset)) first = p;
  return first;
}

/** A node the error cut short: its key or value starts before the error, and it reaches the error's line. */
function cutShort(node: NodeLocation, error: number, errorLine: number): boolean {
  return (node.key ?? node.value)[0] < error && node.value[1] >= errorLine;
}

/**
 * The single-file problems (syntax and schema) without the ones the first syntax error
 * explains: those at or after it, and those on a node it cut short (the mapping that lacks a
 * key because the error ended it). The first syntax problem carries, in its `data`, where rule
 * findings go quiet (`quietRuleFindings`): the start of the outermost list item the error cut
 * short (a platform, a file), else the error itself.
 */
export function quietSingleFileProblems(problems: Problem[], parsed: ParsedDocument): Problem[] {
  const first = firstSyntaxError(problems);
  if (!first) return problems;
  const error = first.offset;
  const errorLine = lineStartAt(parsed.lineStarts, error);
  const before = new Set<number>();
  for (const p of problems) if (p.code !== SYNTAX && p.offset < error) before.add(p.offset);
  const explained = new Set<number>();
  let quietFrom = error;
  // One walk: the cut-short nodes where a kept problem starts, and the outermost cut-short item.
  const stack: { node: NodeLocation; item: boolean }[] = parsed.root ? [{ node: parsed.root, item: false }] : [];
  let outermostItem = true;
  while (stack.length > 0) {
    const { node, item } = stack.pop()!;
    const short = cutShort(node, error, errorLine);
    if (short) {
      if (before.has(node.value[0])) explained.add(node.value[0]);
      if (node.key && before.has(node.key[0])) explained.add(node.key[0]);
      if (item && outermostItem) {
        quietFrom = Math.min(quietFrom, (node.key ?? node.value)[0]);
        outermostItem = false;
      }
    }
    const sequence = node.children !== undefined && node.children.length > 0 && node.children[0].name === undefined;
    // Only nodes that start before the error can be cut short or hold problems to keep.
    if (node.children) for (const child of node.children) if ((child.key ?? child.value)[0] < error) stack.push({ node: child, item: sequence });
  }
  const out: Problem[] = [];
  for (const p of problems) {
    if (p === first) out.push({ ...p, data: { ...p.data, [QUIET_FROM]: quietFrom } });
    else if (p.code === SYNTAX || (p.offset < error && !explained.has(p.offset))) out.push(p);
  }
  return out;
}

/** Where the first syntax error starts, if there is one. */
export function firstSyntaxOffset(problems: readonly Problem[]): number | undefined {
  return firstSyntaxError(problems)?.offset;
}

/** Whether a record's text has a syntax error (its author is likely in the middle of a line). */
export function hasSyntaxError(intrinsic: readonly Problem[]): boolean {
  return intrinsic.some((p) => p.code === SYNTAX);
}

/** Where rule findings go quiet, from the single-file problems `quietSingleFileProblems` gave. */
export function quietPoint(intrinsic: readonly Problem[]): number | undefined {
  const first = firstSyntaxError(intrinsic);
  if (!first) return undefined;
  const at = first.data?.[QUIET_FROM];
  return typeof at === 'number' ? at : first.offset;
}

/** Rule findings without those the syntax error explains (at or after the quiet point). */
export function quietRuleFindings(findings: Problem[], intrinsic: readonly Problem[]): Problem[] {
  const from = quietPoint(intrinsic);
  if (from === undefined) return findings;
  return findings.filter((p) => p.code === SYNTAX || p.offset < from);
}

/** A syntax problem as reported: without the quiet point it carries for the rules. */
export function withoutQuietPoint(p: Problem): Problem {
  if (!p.data || !(QUIET_FROM in p.data)) return p;
  const { [QUIET_FROM]: _, ...data } = p.data;
  const { data: __, ...rest } = p;
  return Object.keys(data).length > 0 ? { ...rest, data } : rest;
}

/**
 * Accepting a finding in place: the quick fixes that write a suppression comment, and the
 * completion of rule codes inside one. "Suppress CODE here" inserts `# bulletin-ignore CODE: `
 * on a line of its own above the finding's line, with that line's indentation and the document's
 * line ending; "Suppress CODE in this file" inserts `# bulletin-ignore-file CODE: ` as the first
 * line. Each edit says where the cursor goes (after `: `, on the reason still to write). The
 * "here" edit is offered only when the edited text, read again, has the comment applying to the
 * finding's line and no syntax error the text did not have (a finding inside a flow collection
 * or a multi-line scalar gets none); test/unit/authoring/suppress-fix.test.ts applies both
 * kinds to every finding of every fixture and checks the document's value is unchanged.
 */
import type { Analysis } from '../analyze';
import type { Locale } from '../messages';
import { msg, registerMessages } from '../messages';
import { parse, type Range } from '../parse';
import { readSuppressions, SUPPRESS_FILE, SUPPRESS_LINE } from '../parse/suppressions';
import type { Problem } from '../problems';
import { rules } from '../rules';
import { UNSUPPRESSIBLE } from '../suppress';
import { positionAt } from '../text';
import type { CompletionProposal } from './completion';
import type { OffsetEdit } from './fixes';
import { eolOf } from './yaml-text';
import './messages'; // `fix.replace`

registerMessages({
  en: {
    'fix.suppressHere': 'Suppress {code} here',
    'fix.suppressFile': 'Suppress {code} in this file',
  },
  ja: {
    'fix.suppressHere': '{code} をここで抑制',
    'fix.suppressFile': '{code} をこのファイル全体で抑制',
  },
});

export interface SuppressFix {
  title: string;
  edit: OffsetEdit;
  /** Where the cursor goes: an index into `edit.newText` (on the reason). */
  cursor: number;
}

/**
 * The quick fixes that accept `problem` with a comment: here (above its line), and for the whole
 * file. `checked` keeps, per line start, whether a comment above that line reads as it should,
 * so the findings of one request that share a line cost one parse (a comment as the first line,
 * before everything, always applies to the whole file).
 */
export function suppressFixes(problem: Problem, analysis: Analysis, locale: Locale, checked = new Map<number, boolean>()): SuppressFix[] {
  if (UNSUPPRESSIBLE.has(problem.code) || !rules.some((r) => r.code === problem.code)) return [];
  const { text, lineStarts } = analysis.parsed;
  const eol = eolOf(text);
  const out: SuppressFix[] = [];
  const line = positionAt(lineStarts, problem.offset).line;
  const lineStart = line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : lineStarts[line];
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0];
  const here = `${indent}# ${SUPPRESS_LINE} ${problem.code}: `;
  const hereFix = { title: msg(locale, 'fix.suppressHere', { code: problem.code }), edit: { start: lineStart, end: lineStart, newText: here + eol }, cursor: here.length };
  let fits = checked.get(lineStart);
  if (fits === undefined) checked.set(lineStart, (fits = keeps(analysis, hereFix.edit, problem)));
  if (fits) out.push(hereFix);
  const top = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const whole = `# ${SUPPRESS_FILE} ${problem.code}: `;
  out.push({ title: msg(locale, 'fix.suppressFile', { code: problem.code }), edit: { start: top, end: top, newText: whole + eol }, cursor: whole.length });
  return out;
}

/** A `suppression` finding on a misspelt code: the nearest rule code in its place. */
export function suppressionCodeFix(problem: Problem, locale: Locale): SuppressFix[] {
  const suggestion = problem.data?.suggestion;
  if (problem.code !== 'suppression' || typeof suggestion !== 'string') return [];
  return [{ title: msg(locale, 'fix.replace', { suggestion }), edit: { start: problem.offset, end: problem.offset + problem.length, newText: suggestion }, cursor: suggestion.length }];
}

/** Whether the edited text reads as it should: the new comment applies to the finding's line, and no new syntax error. */
function keeps(analysis: Analysis, edit: OffsetEdit, problem: Problem): boolean {
  const before = analysis.parsed;
  const text = before.text.slice(0, edit.start) + edit.newText + before.text.slice(edit.end);
  const after = parse(text, { locale: 'en' });
  if (syntaxErrors(after.problems) > syntaxErrors(before.problems)) return false;
  const moved = problem.offset + edit.newText.length;
  const added = readSuppressions(text, after.lineStarts, after.root).find((s) => s.range[0] >= edit.start && s.range[0] < edit.start + edit.newText.length);
  if (!added || added.kind !== 'line' || added.code !== problem.code) return false;
  return added.target !== undefined && added.target[0] <= moved && moved <= added.target[1];
}

const syntaxErrors = (problems: readonly Problem[]) => problems.filter((p) => p.code === 'yaml-syntax').length;

/** The directive and the codes already written, up to the cursor: `# bulletin-ignore a, b` (no colon yet). */
const CODES_BEFORE = /^[ \t]*#[ \t]*bulletin-ignore(?:-file)?[ \t]([^:#]*)$/;

/**
 * Rule codes where a suppression comment's codes are written: after `# bulletin-ignore ` or
 * `# bulletin-ignore-file `, and after a comma. The word at the cursor is replaced; codes the
 * comment already names, and those that cannot be suppressed, are not offered.
 */
export function suppressionCodeProposals(text: string, lineStart: number, offset: number, locale: Locale): CompletionProposal[] | undefined {
  const before = text.slice(lineStart, offset);
  const m = CODES_BEFORE.exec(before);
  if (!m) return undefined;
  const typed = /[^\s,]*$/.exec(before)![0];
  const afterCursor = /^[^\s,:#]*/.exec(text.slice(offset, offset + 200))![0];
  const replace: Range = [offset - typed.length, offset + afterCursor.length];
  const lineEnd = text.slice(offset).search(/\r?\n|\r|$/);
  const named = new Set(text.slice(lineStart, offset + lineEnd).split(':')[0].split(/[\s,]+/));
  named.delete(typed + afterCursor);
  return rules
    .filter((r) => !UNSUPPRESSIBLE.has(r.code) && !named.has(r.code))
    .map((r, i) => ({
      label: r.code,
      kind: 'value' as const,
      detail: r.title[locale],
      documentation: r.description,
      insertText: r.code,
      replace,
      sortText: String(i).padStart(3, '0'),
    }));
}

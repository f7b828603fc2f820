/**
 * The core's entry points: text → parsed document + bulletin record and its view (with its
 * single-file problems), and bulletin + index → every finding with configured severities.
 */
import { idNameProblems } from './authoring/id-names';
import { createHash } from 'node:crypto';
import { parse, type ParsedDocument } from './parse';
import { validateSchema } from './schema/validate';
import type { Bulletin } from './model';
import { writeRecord } from './record/write';
import { viewOf } from './record/view';
import { compareProblems, type Problem, type SeveritySetting } from './problems';
import type { Locale } from './messages';
import { rules } from './rules';
import type { WorkspaceIndex } from './index/workspace-index';
import { quietPoint, quietRuleFindings, quietSingleFileProblems } from './syntax-quiet';
import { applySuppressions, type SuppressedProblem } from './suppress';
import type { HistoryLookup } from './history';

export interface CheckOptions {
  locale?: Locale;
  /** Replaces the spec's id pattern (setting `bulletin.idPattern`). */
  idPattern?: RegExp;
  /** Per-code severity overrides (setting `bulletin.rules`). */
  severities?: Record<string, SeveritySetting>;
  /** Bytes above which a file on disk is not parsed (setting `bulletin.maxFileSize`; io/bounded-read.ts has the default). */
  maxFileSize?: number;
  /** Each bulletin's last committed version, where git knows it (`unrevised-change`); absent: that rule is silent. */
  history?: HistoryLookup;
}

export interface Analysis {
  parsed: ParsedDocument;
  bulletin: Bulletin;
}

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

export function analyzeText(uri: string, text: string, options: CheckOptions = {}): Analysis {
  return analyzeParsed(uri, parse(text, { locale: options.locale ?? 'en' }), options);
}

/**
 * The analysis when the quick reader takes the text (plain block YAML, several times cheaper
 * than the full parser), else undefined: the caller chooses where the full parser runs.
 */
export function analyzeQuickly(uri: string, text: string, options: CheckOptions = {}): Analysis | undefined {
  const parsed = parse(text, { reader: 'quick' });
  return parsed && analyzeParsed(uri, parsed, options);
}

function analyzeParsed(uri: string, parsed: ParsedDocument, options: CheckOptions): Analysis {
  const locale = options.locale ?? 'en';
  const found = [...parsed.problems, ...validateSchema(parsed, { locale, idPattern: options.idPattern }), ...idNameProblems(uri, parsed, locale, options.idPattern)].sort(compareProblems);
  // While a syntax error stands, what it explains is not reported (syntax-quiet.ts).
  const intrinsic = quietSingleFileProblems(found, parsed);
  return { parsed, bulletin: viewOf(writeRecord(uri, parsed, intrinsic, hashText(parsed.text))) };
}

/** A bulletin's findings: those reported, and those its suppression comments accepted (with their reasons). */
export interface CheckResult {
  problems: Problem[];
  suppressed: SuppressedProblem[];
  /** Per entry of the bulletin's `suppressions`: how many findings it accepted (the suppression hover). */
  accepted: number[];
}

export function checkBulletin(bulletin: Bulletin, index: WorkspaceIndex, options: CheckOptions = {}): Problem[] {
  return checkBulletinWithSuppressed(bulletin, index, options).problems;
}

/**
 * Every rule over one bulletin, then its suppression comments (suppress.ts): the one place they
 * take effect. The `suppression` rule runs last, told which comments accepted a finding.
 */
export function checkBulletinWithSuppressed(bulletin: Bulletin, index: WorkspaceIndex, options: CheckOptions = {}): CheckResult {
  const locale = options.locale ?? 'en';
  const out: Problem[] = [];
  const setting = (code: string) => options.severities?.[code];
  let last: (typeof rules)[number] | undefined;
  for (const rule of rules) {
    if (rule.code === 'suppression') {
      last = rule;
      continue;
    }
    if (setting(rule.code) === 'off') continue;
    for (const found of rule.check({ bulletin, index, locale, history: options.history })) out.push(withSetting(found, setting(rule.code)));
  }
  const found = quietRuleFindings(out, bulletin.intrinsic);
  const { kept, suppressed, used, accepted } = applySuppressions(found, bulletin.suppressions, bulletin.lineStarts);
  if (last && setting(last.code) !== 'off') {
    // Whether a comment that accepted nothing is stale: not when its rule is off, nor while a
    // syntax error quiets the findings it would accept.
    const quietFrom = quietPoint(bulletin.intrinsic);
    const judged = bulletin.suppressions.map((s) => s.code !== undefined && setting(s.code) !== 'off' && (quietFrom === undefined || (s.kind === 'line' && s.target !== undefined && s.target[0] < quietFrom)));
    const codes = rules.map((r) => r.code);
    const own = last.check({ bulletin, index, locale, suppressionUse: { used, judged, codes } });
    for (const p of quietRuleFindings(own, bulletin.intrinsic)) kept.push(withSetting(p, setting(last.code)));
  }
  return { problems: kept.sort(compareProblems), suppressed: suppressed.sort((a, b) => compareProblems(a.problem, b.problem)), accepted };
}

function withSetting(found: Problem, setting: SeveritySetting | undefined): Problem {
  return setting && setting !== 'off' ? { ...found, severity: setting } : found;
}

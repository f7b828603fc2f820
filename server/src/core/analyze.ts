/**
 * The core's entry points: text → parsed document + bulletin record and its view (with its
 * single-file problems), and bulletin + index → every finding with configured severities.
 */
import { idNameProblems } from './authoring/idNames';
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
import { quietRuleFindings, quietSingleFileProblems } from './syntaxQuiet';

export interface CheckOptions {
  locale?: Locale;
  /** Replaces the spec's id pattern (setting `bulletin.idPattern`). */
  idPattern?: RegExp;
  /** Per-code severity overrides (setting `bulletin.rules`). */
  severities?: Record<string, SeveritySetting>;
  /** Bytes above which a file on disk is not parsed (setting `bulletin.maxFileSize`; io/boundedRead.ts has the default). */
  maxFileSize?: number;
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
  // While a syntax error stands, what it explains is not reported (syntaxQuiet.ts).
  const intrinsic = quietSingleFileProblems(found, parsed);
  return { parsed, bulletin: viewOf(writeRecord(uri, parsed, intrinsic, hashText(parsed.text))) };
}

export function checkBulletin(bulletin: Bulletin, index: WorkspaceIndex, options: CheckOptions = {}): Problem[] {
  const locale = options.locale ?? 'en';
  const out: Problem[] = [];
  for (const rule of rules) {
    const setting = options.severities?.[rule.code];
    if (setting === 'off') continue;
    for (const found of rule.check({ bulletin, index, locale })) {
      out.push(setting ? { ...found, severity: setting } : found);
    }
  }
  return quietRuleFindings(out, bulletin.intrinsic).sort(compareProblems);
}

import type { Bulletin } from '../model';
import type { Problem, Severity } from '../problems';
import type { Locale } from '../messages';
import type { WorkspaceIndex } from '../index/workspace-index';
import type { CrossFileFact } from '../index/cross-file-facts';
import type { HistoryLookup } from '../history';

export interface RuleContext {
  bulletin: Bulletin;
  index: WorkspaceIndex;
  locale: Locale;
  /** The bulletin's last committed version, where the caller has git (`unrevised-change`). */
  history?: HistoryLookup;
  /**
   * What the suppression comments accepted, per entry of `bulletin.suppressions`: given to the
   * `suppression` rule, which runs after the others (analyze.ts), so it can find stale ones;
   * `codes` are the registry's (which the rule, listed in the registry, does not import).
   */
  suppressionUse?: { used: readonly boolean[]; judged: readonly boolean[]; codes: readonly string[] };
}

/** One rule per code of the spec's table; the registry of these drives the server, CLI and docs. */
export interface Rule {
  code: string;
  defaultSeverity: Severity;
  /** One line, for SARIF `shortDescription`, hovers and the docs' table. */
  title: { en: string; ja: string };
  /** Whether findings can depend on other bulletins (re-check dependents on change). */
  crossFile: boolean;
  /**
   * What a cross-file rule reads of bulletins other than the one it checks, apart from ranges:
   * an edit that changes none of the facts any rule reads re-checks only the dependents whose
   * findings point into the edited bulletin. Checked by test/unit/rules/facts.test.ts.
   */
  reads?: readonly CrossFileFact[];
  /** Markdown for docs/rules.md (generated from the registry): what is found and where it is reported. */
  description: string;
  /** What the rule needs beyond the workspace: `git` (silent without a repository; its fixtures are git repositories made by its tests). */
  needs?: 'git';
  check(context: RuleContext): Problem[];
}

import type { Bulletin } from '../model';
import type { Problem, Severity } from '../problems';
import type { Locale } from '../messages';
import type { WorkspaceIndex } from '../index/workspace-index';

export interface RuleContext {
  bulletin: Bulletin;
  index: WorkspaceIndex;
  locale: Locale;
}

/** One rule per code of the spec's table; the registry of these drives the server, CLI and docs. */
export interface Rule {
  code: string;
  defaultSeverity: Severity;
  /** One line, for SARIF `shortDescription`, hovers and the docs' table. */
  title: { en: string; ja: string };
  /** Whether findings can depend on other bulletins (re-check dependents on change). */
  crossFile: boolean;
  /** Markdown for docs/rules.md (generated from the registry): what is found and where it is reported. */
  description: string;
  check(context: RuleContext): Problem[];
}

/** Problems → LSP diagnostics: positions made here, once, at the edge. */
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Problem, Severity } from '../core/problems';
import { computeLineStarts, positionAt, type LineStarts } from '../core/text';
import { warmUpAnalysis, warmUpText } from '../core/warm-up';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The rule docs ship inside the extension (docs/rules.md beside the bundle's folder), so the link works offline. */
export function rulesDocOf(bundle: string): string {
  return pathToFileURL(join(bundle, '..', 'docs', 'rules.md')).toString();
}

/** Line starts of any document the index knows, to place related locations in closed files. */
export type LineStartsLookup = (uri: string) => LineStarts | undefined;

/** `rulesDoc`: the URI of docs/rules.md (the runtime's), each code's section linked from its diagnostic. */
export function toDiagnostic(problem: Problem, lineStarts: LineStarts, lookup: LineStartsLookup, rulesDoc: string): Diagnostic {
  const related: DiagnosticRelatedInformation[] = [];
  for (const r of problem.related ?? []) {
    const starts = lookup(r.uri);
    if (!starts) continue;
    related.push({
      location: { uri: r.uri, range: { start: positionAt(starts, r.offset), end: positionAt(starts, r.offset + r.length) } },
      message: r.message,
    });
  }
  return {
    range: { start: positionAt(lineStarts, problem.offset), end: positionAt(lineStarts, problem.offset + problem.length) },
    severity: severities[problem.severity],
    code: problem.code,
    codeDescription: { href: `${rulesDoc}#${problem.code}` },
    source: 'bulletin',
    message: problem.message,
    ...(related.length > 0 ? { relatedInformation: related } : {}),
    ...(problem.data ? { data: problem.data } : {}),
  };
}

/**
 * The whole path from text to published diagnostics, run on a made-up bulletin once at start
 * (see core/warm-up.ts): the author's first document no longer pays for compiling it.
 */
export function warmUpDiagnostics(rulesDoc: string): void {
  const lineStarts = computeLineStarts(warmUpText(40));
  JSON.stringify(warmUpAnalysis().map((p) => toDiagnostic(p, lineStarts, () => undefined, rulesDoc)));
}

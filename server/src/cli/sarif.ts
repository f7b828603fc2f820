/**
 * `bulletin check --format sarif`: SARIF 2.1.0, one run, a `rules` entry per code in the rule
 * registry (read at run time, so new rules appear without touching this file), results with
 * physical and related locations. Artifact URIs are relative to the working directory
 * (`%SRCROOT%`), as code-scanning services expect. With `--show-suppressed`, the findings that
 * comments accepted are results too, each with a `suppressions` entry (`inSource`, the reason as
 * its justification, the comment as its location).
 */
import { pathToFileURL } from 'node:url';
import { rules } from '../core/rules';
import type { Severity } from '../core/problems';
import type { CheckReport, Finding, SuppressedFinding } from './check';
import { homepageUrl, rulesDocUrl, version } from './package-info';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/**
 * The rule documentation as published (from package.json's repository), never a path on the
 * machine that ran the check: a code-scanning page links to it for every reader.
 */
const rulesDoc = rulesDocUrl;

/** The rule's Markdown description as plain text, for viewers that show `text` only. */
const plainText = (markdown: string) => markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/`|\*\*/g, '').replace(/\s+/g, ' ').trim();

const toUri = (file: string) => file.split(/[\\/]/).map(encodeURIComponent).join('/');

function location(file: string, line: number, column: number, endLine?: number, endColumn?: number) {
  return {
    physicalLocation: {
      artifactLocation: { uri: toUri(file), uriBaseId: '%SRCROOT%' },
      region: { startLine: line, startColumn: column, ...(endLine ? { endLine, endColumn } : {}) },
    },
  };
}

/**
 * `duplicate-id` → `DuplicateId`: a rule's readable name. SARIF wants it to differ from the
 * opaque id (SARIF1001), so a one-word code (`schema`) has none.
 */
function ruleName(code: string): { name?: string } {
  const name = code.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
  return name.toLowerCase() === code.toLowerCase() ? {} : { name };
}

export function formatSarif(report: CheckReport, cwd: string): string {
  const ruleList = rules.map((rule) => ({
    id: rule.code,
    ...ruleName(rule.code),
    shortDescription: { text: rule.title.en },
    fullDescription: { text: plainText(rule.description || rule.title.en), markdown: rule.description || rule.title.en },
    helpUri: `${rulesDoc}#${rule.code}`,
    help: { text: `${plainText(rule.description || rule.title.en)} ${rulesDoc}#${rule.code}`, markdown: `${rule.description || rule.title.en}\n\n[${rule.code}](${rulesDoc}#${rule.code})` },
    defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
  }));
  const ruleIndex = new Map(ruleList.map((r, i) => [r.id, i]));
  const result = (f: Finding) => ({
    ruleId: f.code,
    ...(ruleIndex.has(f.code) ? { ruleIndex: ruleIndex.get(f.code) } : {}),
    level: LEVELS[f.severity],
    message: { text: f.message },
    locations: [location(f.file, f.line, f.column, f.endLine, f.endColumn)],
    ...(f.related.length > 0
      ? { relatedLocations: f.related.map((r, id) => ({ id, ...location(r.file, r.line, r.column), message: { text: r.message } })) }
      : {}),
  });
  // With --show-suppressed: the findings comments accepted, each with its in-source suppression.
  const suppressedResult = (f: SuppressedFinding) => ({
    ...result(f),
    suppressions: [{ kind: 'inSource', justification: f.suppression.reason, location: location(f.file, f.suppression.line, f.suppression.column) }],
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'bulletin', version, semanticVersion: version, informationUri: homepageUrl, rules: ruleList } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).toString() } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: report.unreadable.length === 0,
            toolExecutionNotifications: report.unreadable.map((u) => ({
              level: 'error',
              message: { text: `cannot read ${u.file}: ${u.reason}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: toUri(u.file), uriBaseId: '%SRCROOT%' } } }],
            })),
          },
        ],
        results: [...report.findings.map(result), ...(report.suppressed ?? []).map(suppressedResult)],
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

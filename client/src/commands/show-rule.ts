/**
 * `bulletin.showRule` (run from a diagnostic's rule link, see ../rule-link.ts): opens the rule's
 * section of docs/rules.md or docs/rules.ja.md, rendered in VS Code's Markdown preview.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { ruleCodeOfLink, ruleCommandLink, ruleLanguage, ruleSection, rulesDocName, showRuleCommand } from '../rule-link';

export function registerShowRule(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand(showRuleCommand, async (code: unknown, documentUri?: unknown) => {
    if (typeof code !== 'string') return;
    const bulletin = typeof documentUri === 'string' ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === documentUri) : undefined;
    const lang = ruleLanguage(vscode.workspace.getConfiguration('bulletin').get<string>('language'), bulletin?.getText(), vscode.env.language);
    const page = vscode.Uri.joinPath(context.extensionUri, 'docs', rulesDocName(lang));
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(page));
    const line = ruleSection(text, code) ?? 0;
    // The preview starts at the line its source editor shows: open the source at the heading
    // first (as a preview tab, which the rendered page then replaces), then the rendered page.
    await vscode.window.showTextDocument(page, { preview: true, selection: new vscode.Range(line, 0, line, 0) });
    await vscode.commands.executeCommand('markdown.showPreview', page.with({ fragment: code }));
  });
}

/** A pulled report, in the shape the language client hands to its middleware. */
interface PulledReport {
  kind: string;
  uri?: vscode.Uri;
  items?: vscode.Diagnostic[];
  relatedDocuments?: Record<string, PulledReport>;
}

/** Diagnostics keep their rule code; only where the link leads changes (pushed, pulled and workspace-pulled alike). */
export const ruleLinkMiddleware: Pick<Middleware, 'handleDiagnostics' | 'provideDiagnostics' | 'provideWorkspaceDiagnostics'> = {
  handleDiagnostics(uri, diagnostics, next) {
    next(uri, diagnostics.map((d) => withRuleCommand(d, uri)));
  },
  async provideDiagnostics(document, previousResultId, token, next) {
    const report = await next(document, previousResultId, token);
    if (report) withRuleCommands(report as PulledReport, document instanceof vscode.Uri ? document : document.uri);
    return report;
  },
  async provideWorkspaceDiagnostics(resultIds, token, resultReporter, next) {
    const reporter: typeof resultReporter = (chunk) => {
      for (const item of chunk?.items ?? []) withRuleCommands(item as PulledReport, item.uri);
      resultReporter(chunk);
    };
    const report = await next(resultIds, token, reporter);
    for (const item of report?.items ?? []) withRuleCommands(item as PulledReport, item.uri);
    return report;
  },
};

function withRuleCommands(report: PulledReport, uri: vscode.Uri): void {
  if (report.kind === 'full' && report.items) report.items = report.items.map((d) => withRuleCommand(d, report.uri ?? uri));
  for (const [related, relatedReport] of Object.entries(report.relatedDocuments ?? {})) withRuleCommands(relatedReport, vscode.Uri.parse(related));
}

function withRuleCommand(diagnostic: vscode.Diagnostic, uri: vscode.Uri): vscode.Diagnostic {
  const code = diagnostic.code;
  if (typeof code !== 'object' || !code.target) return diagnostic;
  const rule = ruleCodeOfLink(code.target.toString(true));
  if (rule) diagnostic.code = { value: code.value, target: vscode.Uri.parse(ruleCommandLink(rule, uri.toString())) };
  return diagnostic;
}

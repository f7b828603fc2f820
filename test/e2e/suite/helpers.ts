/**
 * Shared helpers of the in-host suite: the e2e workspace (a copy of examples/ plus the fault
 * fixtures), documents opened in editors, and polls on a condition with a timeout.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const extensionId = 'bulletin-authors.bulletin';

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function openInEditor(...segments: string[]): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(...segments));
  return vscode.window.showTextDocument(document, { preview: false });
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` returns a value that is not undefined/false, or fails after `timeoutMs`. */
export async function until<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  seen?: () => unknown,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) {
      const state = seen ? `; last seen: ${JSON.stringify(seen(), null, 1)}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${state}`);
    }
    await delay(100);
  }
}

/** What a test reports when a diagnostic it waits for does not come. */
export function describeDiagnostics(uri: vscode.Uri): unknown {
  return vscode.languages.getDiagnostics(uri).map((d) => ({
    code: codeOf(d),
    source: d.source,
    severity: d.severity,
    range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
    message: d.message,
  }));
}

export function bulletinDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === undefined || /bulletin/i.test(d.source));
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

/** The range of `needle` in the first line that starts with `lineStart` (not in comments). */
export function rangeOfText(document: vscode.TextDocument, needle: string, lineStart: string): vscode.Range {
  for (let line = 0; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    if (!text.startsWith(lineStart)) continue;
    const column = text.indexOf(needle, lineStart.length);
    assert.ok(column >= 0, `"${needle}" follows "${lineStart}" in ${document.uri.path}`);
    return new vscode.Range(line, column, line, column + needle.length);
  }
  assert.fail(`no line starts with "${lineStart}" in ${document.uri.path}`);
}

/// <reference types="mocha" />
/**
 * Authoring through VS Code's own command API (what the editor UI calls): completion offers
 * the workspace's bulletin ids where one goes, and a quick fix applies its edit.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { bulletinDiagnostics, codeOf, describeDiagnostics, openInEditor, until } from './helpers';

suite('Authoring', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('completion offers the ids of the other bulletins under `related`', async () => {
    const editor = await openInEditor('faults', 'MS99-001.bulletin.yaml');
    const document = editor.document;
    const end = document.lineAt(document.lineCount - 1).range.end;
    const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const prefix = document.lineAt(document.lineCount - 1).text.length > 0 ? eol : '';
    await editor.edit((edit) => edit.insert(end, `${prefix}  - `));
    const position = document.lineAt(document.lineCount - 1).range.end;
    const labels = await until('bulletin ids among the completion items', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
      const found = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      return found.includes('MS04-012') ? found : undefined;
    });
    assert.ok(labels.includes('MS99-002'), `MS99-002 is offered: ${labels.join(', ')}`);
    assert.ok(!labels.includes('MS99-001'), 'not the bulletin its own id');
    assert.ok(!labels.includes('MS04-029'), 'not an id already listed');
  });

  test('the quick fix of an unknown key renames it and its finding goes away', async () => {
    const editor = await openInEditor('faults', 'MS99-001.bulletin.yaml');
    const uri = editor.document.uri;
    const finding = await until('the unknown-key finding', () => bulletinDiagnostics(uri).find((d) => codeOf(d) === 'schema' && /summry/.test(d.message)), () =>
      describeDiagnostics(uri),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title.includes('summary'));
    assert.ok(fix?.edit, `a quick fix to \`summary\` is offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(finding.range.start.line).text, 'summary: A key the schema does not know.');
    await until('the unknown-key finding to go away', () => !bulletinDiagnostics(uri).some((d) => /summry/.test(d.message)), () => describeDiagnostics(uri));
  });

  test('"Suppress CODE here" writes the comment above the finding, leaves the cursor on the reason, and a reason accepts the finding', async () => {
    const editor = await openInEditor('faults', 'MS99-001.bulletin.yaml');
    const uri = editor.document.uri;
    const finding = await until('the unknown-key finding', () => bulletinDiagnostics(uri).find((d) => codeOf(d) === 'schema' && /summry/.test(d.message)), () =>
      describeDiagnostics(uri),
    );
    const line = finding.range.start.line;
    const indent = /^\s*/.exec(editor.document.lineAt(line).text)![0];
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title === 'Suppress schema here' || action.title === 'schema をここで抑制');
    assert.ok(fix?.edit, `a suppression fix is offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const comment = `${indent}# bulletin-ignore schema: `;
    assert.equal(editor.document.lineAt(line).text, comment);
    assert.equal(editor.document.lineAt(line + 1).text, `${indent}summry: A key the schema does not know.`);
    // The snippet edit's final tab stop: the cursor waits on the reason.
    const cursor = await until('the cursor on the reason', () => (editor.selection.active.isEqual(new vscode.Position(line, comment.length)) ? editor.selection.active : undefined), () => JSON.stringify(editor.selection.active));
    assert.ok(editor.selection.isEmpty);
    await editor.edit((edit) => edit.insert(cursor, 'kept for the e2e test'));
    await until('the unknown-key finding to be accepted', () => !bulletinDiagnostics(uri).some((d) => /summry/.test(d.message)), () => describeDiagnostics(uri));
  });
});

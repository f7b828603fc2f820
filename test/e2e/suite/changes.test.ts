/// <reference types="mocha" />
/**
 * Compare with Last Commit in the extension host: the e2e workspace is a git repository with
 * the examples committed and faults/ untracked (scripts/e2e/lib/workspace.ts), trust is off so
 * the workspace counts as trusted and the server may run git. An edit made through the editor
 * API (never saved) is what the view lists; its line leads back to the changed line.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openInEditor, until } from './helpers';

const changesTabs = () =>
  vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === 'bulletin-changes');

/** The line holding `text` (the first one), 0-based. */
function lineOf(document: vscode.TextDocument, text: string): number {
  for (let line = 0; line < document.lineCount; line++) if (document.lineAt(line).text.includes(text)) return line;
  assert.fail(`no line holds "${text}" in ${document.uri.toString()}`);
}

suite('Compare with Last Commit', () => {
  teardown(async () => {
    // The edited bulletin is the active editor after the navigation: its edit is dropped.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a changed file version opens beside the bulletin as a change; its line leads to the changed line', async () => {
    assert.ok(vscode.workspace.isTrusted, 'the runner turns trust off, so the workspace is trusted');
    const editor = await openInEditor('MS04-029.bulletin.yaml');
    const document = editor.document;
    const line = lineOf(document, 'version: 4.0.1381.7303');
    const column = document.lineAt(line).text.indexOf('4.0.1381.7303');
    assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(line, column, line, column + '4.0.1381.7303'.length), '4.0.1381.7304')));

    // The server may still be starting: the command is run again until its view holds the change.
    const view = await until(
      'the changes view with the version change',
      async () => {
        await vscode.commands.executeCommand('bulletin.compareWithLastCommit');
        const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'bulletin-changes');
        return shown && /4\.0\.1381\.7303 → 4\.0\.1381\.7304/.test(shown.document.getText()) && shown;
      },
      () => vscode.window.visibleTextEditors.map((e) => [e.document.uri.toString(), e.document.getText()]),
    );
    assert.notEqual(view.viewColumn, editor.viewColumn, 'the view opens beside the bulletin');
    assert.equal(view.document.uri.query, document.uri.toString(), 'the view names its bulletin');
    const lines = view.document.getText().split('\n').filter((l) => l.trim() !== '');
    // The heading, then exactly the one change a reader would name (in the bulletin's language, ja).
    assert.match(lines[0]!, /MS04-029\.bulletin\.yaml/);
    assert.equal(lines.length, 2, `one change listed:\n${lines.join('\n')}`);
    assert.match(lines[1]!, /^~ .*rpcrt4\.dll.*4\.0\.1381\.7303 → 4\.0\.1381\.7304/);
    assert.match(lines[1]!, new RegExp(`\\b${line + 1}\\b`), 'the change names its line');

    // Follow the line's link as a click does: the cursor on the change line, Open Link.
    const changeLine = lineOf(view.document, '4.0.1381.7303 → 4.0.1381.7304');
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', view.document.uri);
    const link = links.find((l) => l.range.start.line === changeLine);
    assert.ok(link?.target, `the change line is a link; links: ${JSON.stringify(links.map((l) => [l.range.start.line, l.target?.toString()]))}`);
    assert.equal(link.target.with({ fragment: '' }).toString(), document.uri.toString());
    const viewEditor = await vscode.window.showTextDocument(view.document, { viewColumn: view.viewColumn, preserveFocus: false });
    viewEditor.selection = new vscode.Selection(changeLine, 3, changeLine, 3);
    await vscode.commands.executeCommand('editor.action.openLink');
    const target = await until(
      'the cursor on the changed line of the bulletin',
      () => {
        const active = vscode.window.activeTextEditor;
        return active?.document.uri.toString() === document.uri.toString() && active.selection.active.line === line && active;
      },
      () => {
        const active = vscode.window.activeTextEditor;
        return active && [active.document.uri.toString(), active.selection.active.line, line];
      },
    );
    assert.equal(target.document.lineAt(line).text.trim(), 'version: 4.0.1381.7304', 'the edited text, not the file on disk');
  });

  test('an untracked bulletin gives the no-last-commit message, no view and no error', async () => {
    const editor = await openInEditor('faults', 'MS99-001.bulletin.yaml');
    // The language server is up (the untracked file is known to it) before the command asks it.
    await until('the language server to answer for the bulletin', async () => {
      const symbols = await vscode.commands.executeCommand<unknown[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      return Array.isArray(symbols) && symbols.length > 0;
    });
    // The command resolves once it has decided: a view would be open by then.
    await vscode.commands.executeCommand('bulletin.compareWithLastCommit');
    assert.deepEqual(changesTabs().map((tab) => tab.label), [], 'no changes view opens for an untracked bulletin');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString(), 'the bulletin keeps the focus');
  });
});

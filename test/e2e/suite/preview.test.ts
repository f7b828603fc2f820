/// <reference types="mocha" />
/**
 * "Open Preview to the Side" opens the preview webview beside the bulletin (its rendered
 * content is checked through the UI, test/e2e/ui/workbench.ts).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openInEditor, until, workspaceUri } from './helpers';

suite('Preview', () => {
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('Open Preview to the Side opens the preview beside the bulletin', async () => {
    const editor = await openInEditor('MS04-029.bulletin.yaml');
    const column = editor.viewColumn;
    await vscode.commands.executeCommand('bulletin.showPreviewToSide');
    const tab = await until('the preview tab', () =>
      vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /bulletin/i.test(t.input.viewType)),
    );
    assert.notEqual(tab.group.viewColumn, column, 'the preview opens in another column');
    assert.match(tab.label, /MS04-029/);
  });

  // The Explorer's context menu passes the clicked file: the preview is of that file, even
  // with another bulletin in the active editor (issue 16).
  test('Open Preview with a file argument previews that file, not the active editor\'s', async () => {
    await openInEditor('MS04-029.bulletin.yaml');
    await vscode.commands.executeCommand('bulletin.showPreview', workspaceUri('MS04-012.bulletin.yaml'));
    const tab = await until('the preview of MS04-012', () =>
      vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /MS04-012/.test(t.label)),
    );
    assert.ok(tab.isActive);
  });

  test("the preview's Open Source opens its bulletin in an editor", async () => {
    await vscode.commands.executeCommand('bulletin.showPreview', workspaceUri('MS04-012.bulletin.yaml'));
    await until('the preview to be active', () => vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputWebview);
    await vscode.commands.executeCommand('bulletin.preview.openSource');
    const editor = await until('the editor of MS04-012', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/MS04-012.bulletin.yaml') && vscode.window.activeTextEditor);
    assert.equal(editor.document.languageId, 'bulletin');
  });
});

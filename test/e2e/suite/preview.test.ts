/// <reference types="mocha" />
/**
 * "Open Preview to the Side" opens the preview webview beside the bulletin (its rendered
 * content is checked through the UI, test/e2e/ui/workbench.ts).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openInEditor, until } from './helpers';

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
});

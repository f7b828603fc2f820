/// <reference types="mocha" />
/**
 * The installed extension in the real extension host: the bulletin language is active for a
 * bulletin file and the extension activates on it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionId, openInEditor, until } from './helpers';

suite('Bulletin language', () => {
  test('a *.bulletin.yaml file opens as the bulletin language', async () => {
    const editor = await openInEditor('MS04-029.bulletin.yaml');
    assert.equal(editor.document.languageId, 'bulletin');
  });

  test('the extension is active in the extension host', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is installed`);
    await until('the extension to activate', () => extension.isActive);
    const installedFrom = process.env.BULLETIN_E2E_EXPECT_EXTENSION_PATH;
    if (installedFrom) assert.equal(extension.extensionUri.fsPath, installedFrom, 'the extension runs from the installed .vsix');
  });
});

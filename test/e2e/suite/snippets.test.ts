/// <reference types="mocha" />
/**
 * The snippets the language server offers where their node fits: the whole bulletin in an
 * empty document, which expands with its first field selected for typing.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { newBulletinSnippet } from '../../../server/src/core/authoring/new-bulletin-template';
import type { SnippetDefinition } from '../../../server/src/core/authoring/snippet';
import { bulletinDiagnostics, codeOf, describeDiagnostics, extensionId, until } from './helpers';

suite('Snippets', () => {
  teardown(() => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'));

  test('the New bulletin snippet is offered and expands with its fields', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'bulletin', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    const offered = await until('the bulletin snippet among the completion items', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 0));
      return list.items.find((item) => item.kind === vscode.CompletionItemKind.Snippet && (typeof item.label === 'string' ? item.label : item.label.label) === 'bulletin');
    });
    assert.ok(offered);
    assert.ok(offered.insertText instanceof vscode.SnippetString, 'the item is a snippet with tab stops');
    await editor.insertSnippet(offered.insertText);
    const text = await until('the snippet to expand', () => (document.getText().length > 0 ? document.getText() : undefined));
    const lines = text.split('\n');
    assert.deepEqual(lines.slice(0, 3), ['bulletin: 1', 'id: MS04-000', 'kb: 123456']);
    assert.match(text, /^published: \d{4}-\d{2}-\d{2}$/m, 'the date variables are resolved');
    assert.equal(document.getText(editor.selection), 'MS04-000', 'the first field is selected for typing');
  });

  test('New Bulletin inserts the template with the title to write first, Tab to the next field, and empty fields flagged', async () => {
    const extension = vscode.extensions.getExtension(extensionId)!;
    const snippets = JSON.parse(readFileSync(vscode.Uri.joinPath(extension.extensionUri, 'snippets', 'bulletin.code-snippets').fsPath, 'utf8')) as Record<string, SnippetDefinition>;
    const document = await vscode.workspace.openTextDocument({ language: 'bulletin', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    await editor.insertSnippet(new vscode.SnippetString(newBulletinSnippet(snippets, { id: 'MS05-011', kb: '887472', lang: 'ja' })), new vscode.Position(0, 0));
    const lines = document.getText().split('\n');
    assert.deepEqual(lines.slice(0, 5), ['bulletin: 1', 'id: MS05-011', 'kb: 887472', 'lang: ja', 'title: ']);
    assert.ok(editor.selection.isEmpty && editor.selection.active.isEqual(new vscode.Position(4, 'title: '.length)), 'the cursor waits on the empty title');
    const title = await until('a finding on the empty title', () => bulletinDiagnostics(document.uri).find((d) => codeOf(d) === 'schema' && d.range.start.line === 4), () => describeDiagnostics(document.uri));
    assert.match(title.message, /title/);
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.equal(document.getText(editor.selection), 'critical', 'Tab moves to the severity choice');
    assert.equal(editor.selection.start.line, lines.findIndex((l) => l.startsWith('severity: ')));
  });
});

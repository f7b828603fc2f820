/// <reference types="mocha" />
/**
 * Diagnostics through the real language client: a schema fault is reported on its value, and
 * typing the fix makes the finding go away.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { bulletinDiagnostics, codeOf, describeDiagnostics, openInEditor, rangeOfText, until } from './helpers';

suite('Diagnostics', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a value outside the schema is reported on that value', async () => {
    const editor = await openInEditor('faults', 'MS99-001.bulletin.yaml');
    const expected = rangeOfText(editor.document, 'severe', 'severity:');
    const finding = await until('the schema finding on `severity`', () =>
      bulletinDiagnostics(editor.document.uri).find((d) => codeOf(d) === 'schema' && d.range.isEqual(expected)),
      () => describeDiagnostics(editor.document.uri),
    );
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Error);
    assert.match(finding.message, /severity/);
    assert.match(finding.message, /important/);
  });

  test('typing the fix makes the finding disappear', async () => {
    const editor = await openInEditor('faults', 'MS99-001.bulletin.yaml');
    const uri = editor.document.uri;
    const wrong = rangeOfText(editor.document, 'severe', 'severity:');
    await until('the schema finding on `severity`', () => bulletinDiagnostics(uri).some((d) => codeOf(d) === 'schema' && d.range.isEqual(wrong)), () => describeDiagnostics(uri));
    await editor.edit((edit) => edit.replace(wrong, 'important'));
    // The severity finding goes; the file's other finding (unknown key `summry`) stays.
    await until(
      'the severity finding to disappear after the fix',
      () => {
        const now = bulletinDiagnostics(uri);
        return !now.some((d) => /`severity`/.test(d.message)) && now.some((d) => /summry/.test(d.message));
      },
      () => describeDiagnostics(uri),
    );
  });

  test("a finding's rule link opens the rule's section rendered, in the language set", async () => {
    const editor = await openInEditor('faults', 'MS99-001.bulletin.yaml');
    const finding = await until('the schema finding', () => bulletinDiagnostics(editor.document.uri).find((d) => codeOf(d) === 'schema'), () => describeDiagnostics(editor.document.uri));
    const target = typeof finding.code === 'object' ? finding.code.target : undefined;
    assert.ok(target, 'the finding has a rule link');
    assert.equal(target.scheme, 'command');
    assert.equal(target.path, 'bulletin.showRule');
    const [code, documentUri] = JSON.parse(decodeURIComponent(target.query)) as [string, string];
    assert.equal(code, 'schema');
    assert.equal(documentUri, editor.document.uri.toString());
    const settings = vscode.workspace.getConfiguration('bulletin');
    await settings.update('language', 'ja', vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.commands.executeCommand('bulletin.showRule', code, documentUri);
      const tab = await until('the rendered rule page', () => {
        const active = vscode.window.tabGroups.activeTabGroup.activeTab;
        return active?.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(active.input.viewType) ? active : undefined;
      });
      assert.match(tab.label, /rules\.ja\.md/);
    } finally {
      await settings.update('language', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});

/// <reference types="mocha" />
/**
 * Cross-file findings reach VS Code for a bulletin that no editor has opened: the server
 * indexes the workspace and reports MS99-002's reference to a bulletin nobody wrote.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { bulletinDiagnostics, codeOf, describeDiagnostics, until, workspaceUri } from './helpers';

suite('Workspace', () => {
  test('a file never opened gets its cross-file finding', async () => {
    const uri = workspaceUri('faults', 'MS99-002.bulletin.yaml');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'MS99-002 is not open');
    const finding = await until(
      'the unresolved-reference finding of MS99-002',
      () => bulletinDiagnostics(uri).find((d) => codeOf(d) === 'unresolved-reference'),
      () => describeDiagnostics(uri),
    );
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(finding.message, /MS99-404/);
    assert.deepEqual([finding.range.start.line, finding.range.start.character], [10, 4]);
  });
});

/**
 * The workspace (server/src/lsp/bulletin-workspace.ts) without a connection: it holds records
 * and findings, tells every change of findings through one event, removes a document in one
 * call, and gives the findings of an open document's current version to whoever waits for them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BulletinWorkspace, type FindingsChangeEvent, type OpenDocuments } from '../../server/src/lsp/bulletin-workspace';
import { SettingsCache } from '../../server/src/lsp/settings';
import { analyzeText } from '../../server/src/core/analyze';
import type { Connection } from 'vscode-languageserver';

const header = 'bulletin: 1\nid: MS04-029\ntitle: T\npublished: 2004-10-16\nseverity: important\n';

class Documents implements OpenDocuments {
  private readonly open = new Map<string, TextDocument>();
  get(uri: string) {
    return this.open.get(uri);
  }
  all() {
    return [...this.open.values()];
  }
  set(uri: string, text: string): TextDocument {
    const version = (this.open.get(uri)?.version ?? 0) + 1;
    const document = TextDocument.create(uri, 'bulletin', version, text);
    this.open.set(uri, document);
    return document;
  }
  delete(uri: string): void {
    this.open.delete(uri);
  }
}

function workspaceWith(documents: Documents): { workspace: BulletinWorkspace; events: FindingsChangeEvent[]; errors: string[] } {
  const errors: string[] = [];
  // The settings are never asked of a client here (`refresh` is not called): the defaults.
  const settings = new SettingsCache(undefined as unknown as Connection);
  const workspace = new BulletinWorkspace({ documents, settings, logger: { error: (message) => errors.push(message) }, now: () => performance.now() });
  const events: FindingsChangeEvent[] = [];
  workspace.onDidChangeFindings((event) => events.push(event));
  workspace.scanFinished(false);
  return { workspace, events, errors };
}

const codes = (workspace: BulletinWorkspace, uri: string) => workspace.findingsOf(uri)?.problems.map((p) => p.code);

test('a change of an open document is checked and told once, with its version, and the workspace is idle after it', async () => {
  const documents = new Documents();
  const { workspace, events, errors } = workspaceWith(documents);
  const uri = 'file:///ws/a.bulletin.yaml';
  documents.set(uri, `${header}severty: low\n`);
  workspace.documentChanged(uri);
  await workspace.whenIdle();
  assert.deepEqual(codes(workspace, uri), ['schema']);
  const updates = events.flatMap((e) => e.updates).filter((u) => u.uri === uri);
  assert.equal(updates.length, 1);
  assert.equal(updates[0].findings?.version, 1);
  assert.equal(updates[0].changed, true);
  assert.equal(events.at(-1)?.idle, true);
  // The analysis queued one more pass (its model changed); once that one has run, nothing is left.
  while (workspace.busy) await workspace.whenIdle();
  assert.deepEqual(workspace.status(), { bulletins: 1, findings: 1, errors: 1, warnings: 0, ready: true });
  assert.deepEqual(errors, []);
  workspace.dispose();
});

test('removing a document is one call: its record and findings go, and the listeners are told', async () => {
  const documents = new Documents();
  const { workspace, events } = workspaceWith(documents);
  const uri = 'file:///ws/b.bulletin.yaml';
  documents.set(uri, `${header}severty: low\n`);
  workspace.documentChanged(uri);
  await workspace.whenIdle();
  events.length = 0;
  documents.delete(uri);
  workspace.remove(uri);
  await workspace.whenIdle();
  assert.equal(workspace.index.has(uri), false);
  assert.equal(workspace.findingsOf(uri), undefined);
  const removed = events.flatMap((e) => e.updates).filter((u) => u.uri === uri);
  assert.equal(removed.length, 1);
  assert.equal(removed[0].findings, undefined);
  assert.deepEqual(removed[0].previous?.problems.map((p) => p.code), ['schema']);
  assert.equal(workspace.status().findings, 0);
  workspace.dispose();
});

test('the findings of the current version are waited for; those of a version that is gone are not', async () => {
  const documents = new Documents();
  const { workspace } = workspaceWith(documents);
  const uri = 'file:///ws/c.bulletin.yaml';
  const first = documents.set(uri, header);
  workspace.documentChanged(uri);
  // Asked before the queue has run: the answer waits for the check of this version.
  const clean = await workspace.currentFindingsOf(first);
  assert.deepEqual(clean?.problems, []);
  assert.equal(clean?.version, 1);
  const second = documents.set(uri, `${header}severty: low\n`);
  workspace.documentChanged(uri);
  assert.equal(await workspace.currentFindingsOf(first), undefined);
  const checked = await workspace.checkedDocument(uri);
  assert.equal(checked?.document, second);
  assert.deepEqual(checked?.findings.problems.map((p) => p.code), ['schema']);
  assert.equal(await workspace.checkedDocument('file:///ws/not-open.bulletin.yaml'), undefined);
  workspace.dispose();
});

test('an edit is told before the documents queued for a re-check are checked, and the workspace read gives way while the author types', async () => {
  const documents = new Documents();
  let clock = 0;
  const settings = new SettingsCache(undefined as unknown as Connection);
  const workspace = new BulletinWorkspace({ documents, settings, logger: { error: () => undefined }, now: () => clock });
  workspace.scanFinished(false);
  const closed = Array.from({ length: 500 }, (_, i) => `file:///ws/closed${i}.bulletin.yaml`);
  for (const [i, uri] of closed.entries()) workspace.setRecord(analyzeText(uri, header.replace('MS04-029', `MS98-${String(i).padStart(3, '0')}`)).bulletin, true);
  const open = 'file:///ws/open.bulletin.yaml';
  documents.set(open, `${header}severty: low\n`);
  let checkedBefore: number | undefined;
  workspace.onDidChangeFindings(({ updates }) => {
    if (checkedBefore === undefined && updates.some((u) => u.uri === open)) checkedBefore = closed.filter((uri) => workspace.findingsOf(uri)).length;
  });
  assert.equal(workspace.editorActivity.busy(), false);
  workspace.recheckAll();
  workspace.documentChanged(open);
  assert.equal(workspace.editorActivity.busy(), true, 'a keystroke being checked');
  await workspace.whenIdle();
  assert.equal(checkedBefore, 0, 'the edited document is told first, in a pass of its own');
  assert.equal(closed.filter((uri) => workspace.findingsOf(uri)).length, closed.length, 'and the rest is checked after it');
  // Checked, but the next key may come any moment; then typing lately; then nothing.
  assert.equal(workspace.editorActivity.busy(), true);
  clock += 60;
  assert.equal(workspace.editorActivity.busy(), false);
  assert.equal(workspace.editorActivity.active(), true);
  clock += 2000;
  assert.equal(workspace.editorActivity.active(), false);
  workspace.dispose();
});

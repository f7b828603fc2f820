/**
 * The suppression quick fixes over every finding of every fixture workspace: each edit leaves
 * the document's value unchanged and adds no syntax error, and once a reason is written where
 * the cursor goes, the finding is gone (and nothing new appears). A finding where a comment
 * line would change the document (inside a multi-line flow collection) gets no "here" fix.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText, checkBulletin } from '../../../server/src/core/analyze';
import { suppressFixes } from '../../../server/src/core/authoring/suppress-fix';
import { WorkspaceIndex } from '../../../server/src/core/index/workspace-index';
import { parse } from '../../../server/src/core/parse';

const root = join(__dirname, '..', '..', '..');
const workspaces = join(root, 'test', 'fixtures', 'workspaces');

function workspace(files: Map<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [uri, text] of files) index.set(analyzeText(uri, text).bulletin);
  return index;
}

const key = (p: { code: string; message: string }) => `${p.code} ${p.message}`;

test('every suppression fix on every fixture finding keeps the value, and with a reason accepts exactly that finding', () => {
  let applied = 0;
  for (const name of readdirSync(workspaces).sort()) {
    const folder = join(workspaces, name);
    const files = new Map(readdirSync(folder).filter((f) => f.endsWith('.bulletin.yaml')).map((f) => [`file:///${name}/${f}`, readFileSync(join(folder, f), 'utf8')]));
    const index = workspace(files);
    for (const [uri, text] of files) {
      const analysis = analyzeText(uri, text);
      for (const problem of checkBulletin(index.get(uri)!, index)) {
        for (const fix of suppressFixes(problem, analysis, 'en')) {
          const { start, end, newText } = fix.edit;
          const edited = text.slice(0, start) + newText + text.slice(end);
          const where = `${name}/${uri} ${problem.code} at ${problem.offset}: ${fix.title}`;
          assert.deepEqual(parse(edited).value, parse(text).value, where);
          assert.equal(parse(edited).problems.length, parse(text).problems.length, where);
          const reasoned = edited.slice(0, start + fix.cursor) + 'accepted' + edited.slice(start + fix.cursor);
          const after = workspace(new Map([...files, [uri, reasoned]]));
          const before = checkBulletin(index.get(uri)!, index).map(key);
          const now = checkBulletin(after.get(uri)!, after).map(key);
          // The one finding is gone (a file-level fix takes every finding of its code).
          const expected = fix.title.endsWith('in this file') ? before.filter((k) => !k.startsWith(`${problem.code} `)) : before.filter((k, i) => i !== before.indexOf(key(problem)));
          assert.deepEqual(now, expected, where);
          applied++;
        }
      }
    }
  }
  assert.ok(applied > 40, `fixes applied: ${applied}`);
});

test('a finding inside a flow collection over several lines: no "here" fix if the comment would not apply; the file fix still works', () => {
  const text = 'bulletin: 1\nid: MS05-001\nkb: 890001\nlang: en\ntitle: T\npublished: 2005-01-10\nseverity: important\nexploit: none\nurgency: early\nrelated: [MS05-001,\n  MS05-099]\n';
  const analysis = analyzeText('file:///f.bulletin.yaml', text);
  const index = new WorkspaceIndex();
  index.set(analysis.bulletin);
  const problem = checkBulletin(analysis.bulletin, index).find((p) => p.code === 'unresolved-reference')!;
  assert.ok(problem);
  for (const fix of suppressFixes(problem, analysis, 'en')) {
    const edited = text.slice(0, fix.edit.start) + fix.edit.newText + text.slice(fix.edit.end);
    assert.deepEqual(parse(edited).value, parse(text).value, fix.title);
    assert.deepEqual(parse(edited).problems, [], fix.title);
  }
  assert.ok(suppressFixes(problem, analysis, 'en').some((f) => f.title === 'Suppress unresolved-reference in this file'));
});

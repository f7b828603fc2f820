/**
 * Issue 16 (smaller points), the client's pure parts: the toast after an export offers Open and
 * the reveal VS Code itself offers on each system (the file manager for a local file in a
 * desktop window, the Explorer view in a browser or remote window); a link in the preview is
 * accepted only as a relative path to a bulletin's source.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportedActions } from '../../../client/src/exported-actions';
import { bulletinPathSegments, parseFromWebview } from '../../../client/src/preview/messages';

const local = { scheme: 'file', web: false, remoteName: undefined };

test('a local export in a desktop window: Open (an HTML page in the browser) and the system file manager, named as VS Code names it', () => {
  assert.deepEqual(exportedActions({ ...local, kind: 'html', platform: 'darwin' }), [
    { button: 'openInBrowser', run: 'openExternal' },
    { button: 'revealInFinder', run: 'revealFileInOS' },
  ]);
  assert.deepEqual(exportedActions({ ...local, kind: 'csaf', platform: 'win32' }), [
    { button: 'open', run: 'open' },
    { button: 'revealInFileExplorer', run: 'revealFileInOS' },
  ]);
  assert.deepEqual(exportedActions({ ...local, kind: 'csaf', platform: 'linux' })[1], { button: 'openContainingFolder', run: 'revealFileInOS' });
});

test('in a browser (code-server), a remote window or another file system: Open in an editor, Reveal in the Explorer view', () => {
  for (const where of [
    { ...local, web: true },
    { ...local, remoteName: 'ssh-remote' },
    { ...local, scheme: 'vscode-remote' },
  ]) {
    for (const kind of ['html', 'csaf'] as const) {
      assert.deepEqual(exportedActions({ ...where, kind, platform: 'linux' }), [
        { button: 'open', run: 'open' },
        { button: 'revealInExplorerView', run: 'revealInExplorer' },
      ]);
    }
  }
});

test('openBulletin from the preview: a relative path to a bulletin source, else ignored', () => {
  const source = 'file:///ws/MS04-029.bulletin.yaml';
  assert.deepEqual(parseFromWebview({ type: 'openBulletin', source, path: 'MS04-012.bulletin.yaml' }, source), { type: 'openBulletin', source, path: 'MS04-012.bulletin.yaml' });
  assert.deepEqual(parseFromWebview({ type: 'openBulletin', source, path: '../2003/%E6%97%A7/MS03-026.bulletin.yml' }, source)?.type, 'openBulletin');
  for (const path of ['/etc/passwd.bulletin.yaml', 'file:///x.bulletin.yaml', 'command:foo.bulletin.yaml', 'MS04-012.html', 'a%2Fb.bulletin.yaml', 'x.bulletin.yaml?q', '%E0.bulletin.yaml', '', 42, undefined]) {
    assert.equal(parseFromWebview({ type: 'openBulletin', source, path }, source), undefined, String(path));
  }
  assert.equal(parseFromWebview({ type: 'openBulletin', source: 'file:///ws/other.bulletin.yaml', path: 'MS04-012.bulletin.yaml' }, source), undefined);
  assert.deepEqual(bulletinPathSegments('../2003/%E6%97%A7/MS03-026.bulletin.yml'), ['..', '2003', '旧', 'MS03-026.bulletin.yml']);
});

/**
 * A suppressed finding is not shown in the preview (`bulletin/render` over the built server, the
 * page the webview shows) nor in the exported HTML (`bulletin render`): both take their findings
 * from the one check that applies suppression comments.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ServerProcess } from '../lsp/server-process';
import { RenderRequest, type RenderResult } from '../../server/src/protocol';

const root = join(__dirname, '..', '..');
const HEAD = 'bulletin: 1\nid: MS05-001\nkb: 890001\nlang: en\ntitle: T\npublished: 2005-01-10\nseverity: important\nexploit: none\nurgency: early\n';
const PLATFORM = 'platforms:\n  - id: nt4-server-sp6a\n    name: N\n    package:\n      file: Update-KB890001-x86-JPN.exe\n      date: 2005-01-05\n      version: 5.4.15.0\n      size: 1000\n    files:\n      - name: a.dll\n        date: 2005-01-06\n        version: 4.0.1381.7300\n        size: 100\n    verify:\n      registry:\n        - key: HKLM\\SOFTWARE\\Microsoft\\Updates\\KB890001\n          value: Installed\n          type: REG_DWORD\n          data: 1\n';
const findingCodes = (html: string) => [...html.matchAll(/<code class="finding-code">([^<]*)<\/code>/g)].map((m) => m[1]);

test('the preview shows a finding until a comment accepts it, and then neither it nor the comment', async () => {
  const server = await ServerProcess.start({ locale: 'en' });
  const uri = 'file:///ws/suppressed.bulletin.yaml';
  try {
    server.open(uri, HEAD + PLATFORM);
    await server.waitForDiagnostics(uri, (ds) => ds.length > 0, 1, 30_000);
    const before = (await server.connection.sendRequest(RenderRequest.method, { uri })) as RenderResult;
    assert.deepEqual(findingCodes(before.html), ['date-order']);
    const accepted = HEAD + PLATFORM.replace('        date: 2005-01-06', '        # bulletin-ignore date-order: re-released with V2.0\n        date: 2005-01-06');
    const version = server.change(uri, [{ text: accepted }]);
    await server.waitForDiagnostics(uri, undefined, version, 30_000);
    const after = (await server.connection.sendRequest(RenderRequest.method, { uri })) as RenderResult;
    assert.equal(after.version, version);
    assert.deepEqual(findingCodes(after.html), []);
    assert.doesNotMatch(after.html, /class="finding /);
  } finally {
    await server.stop();
  }
});

test('bulletin render: the exported page of a workspace whose findings are all accepted shows none; the reported ones stay', () => {
  const render = (folder: string) => spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'render', join(root, 'test', 'fixtures', 'workspaces', folder, 'a.bulletin.yaml')], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  const clean = render('trap-suppression');
  assert.equal(clean.status, 0, clean.stderr);
  assert.match(clean.stdout, /<html/);
  assert.deepEqual(findingCodes(clean.stdout), []);
  const reported = render('suppression');
  assert.equal(reported.status, 0, reported.stderr);
  assert.ok(findingCodes(reported.stdout).includes('date-order'), 'the suppression fixture\'s date-order finding is not accepted (its code is misspelt)');
});

/**
 * Revisions over the protocol, the real server over stdio on real git repositories in a temp
 * folder: `unrevised-change` on the seed's correction until Add revision (byte-exact), Compare
 * with Last Commit (each change with its line), a detached HEAD, and the cases where the git
 * features are off: an untrusted workspace (git must not even run), no repository, an unborn
 * branch, no git on the PATH.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { ServerProcess } from './server-process';
import { applyEdits } from '../unit/authoring/cursor-marker';
import { example, firstPublished, GitRepo, recordingGit, today } from '../fixtures/revisions/repo';
import { CompareWithLastCommitRequest, type CompareResult } from '../../server/src/protocol';

const corrected = example('MS04-029');
const isUnrevised = (d: Diagnostic) => d.code === 'unrevised-change';

/** A repository whose last commit has MS04-029 as first published, and the corrected text in the working tree. */
function seedRepository(): GitRepo {
  const repo = new GitRepo();
  repo.write('MS04-029.bulletin.yaml', firstPublished());
  repo.write('MS04-012.bulletin.yaml', example('MS04-012'));
  repo.commit('MS04-029 as published on 2004-10-16');
  repo.write('MS04-029.bulletin.yaml', corrected);
  return repo;
}

/** Starts the server with PATH changed for its process (a recording git, or none at all). */
async function start(repo: GitRepo, trusted: boolean | undefined, path?: string): Promise<ServerProcess> {
  const saved = process.env.PATH;
  if (path !== undefined) process.env.PATH = path;
  try {
    return await ServerProcess.start({ workspaceFolders: [repo.folder], initializationOptions: trusted === undefined ? {} : { workspaceTrusted: trusted } });
  } finally {
    process.env.PATH = saved;
  }
}

/** Settled: the document's diagnostics are published and a render round trip is done. */
async function settle(server: ServerProcess, uri: string): Promise<Diagnostic[]> {
  await server.waitForDiagnostics(uri);
  await server.connection.sendRequest('bulletin/render', { uri });
  return server.waitForDiagnostics(uri);
}

test('trusted: unrevised-change on the corrected MS04-029 until Add revision, whose edit is byte-exact', async () => {
  const repo = seedRepository();
  const server = await start(repo, true);
  try {
    const uri = repo.uri('MS04-029.bulletin.yaml');
    server.open(uri, corrected);
    const [finding] = await server.waitForDiagnostics(uri, (d) => d.some(isUnrevised)).then((d) => d.filter(isUnrevised));
    assert.equal(finding.range.start.line, corrected.split('\n').findIndex((l) => l.startsWith('updated:')));
    assert.match(String(finding.message), /has changed since commit [0-9a-f]{7} \(Platform removed: Windows NT Workstation 4\.0 SP6a|プラットフォームを削除/);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: finding.range,
      context: { diagnostics: [finding], only: ['quickfix'] },
    })) as CodeAction[];
    const fix = actions.find((a) => /^Add revision \(/.test(a.title));
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    const day = today();
    const edited = applyEdits(corrected, fix.edit!.changes![uri]);
    const expected = corrected.replace(
      'updated: 2004-10-16\n',
      `updated: ${day}\nrevisions:\n  - date: 2004-10-16\n    summary: 初版\n  - date: ${day}\n    summary: Windows NT Workstation 4.0 SP6a を対象外に\n`,
    );
    assert.equal(edited, expected);
    const version = server.change(uri, [{ text: edited }]);
    await server.waitForDiagnostics(uri, (d) => !d.some(isUnrevised), version);
  } finally {
    await server.stop();
    repo.dispose();
  }
});

test('Compare with Last Commit: the semantic diff, each change with its line; a detached HEAD works as well', async () => {
  const repo = seedRepository();
  repo.git('checkout', '-q', '--detach');
  const server = await start(repo, true);
  try {
    const uri = repo.uri('MS04-029.bulletin.yaml');
    const text = corrected.replace('version: 4.0.1381.7303', 'version: 4.0.1381.7304');
    server.open(uri, text);
    const result = (await server.connection.sendRequest(CompareWithLastCommitRequest, { uri })) as CompareResult | null;
    assert.ok(result);
    assert.equal(result.commit, repo.git('rev-parse', 'HEAD').trim());
    assert.equal(result.lang, 'ja');
    const lines = text.split('\n');
    assert.deepEqual(
      result.changes.map((c) => [c.label, lines[c.line].trim()]),
      [
        ['nt4-server-sp6a の rpcrt4.dll のバージョン: 4.0.1381.7303 → 4.0.1381.7304', 'version: 4.0.1381.7304'],
        ['プラットフォームを削除: Windows NT Workstation 4.0 SP6a (nt4-wks-sp6a)', 'platforms:'],
        ['修正プログラムのないプラットフォームを追加: Windows NT Workstation 4.0 SP6a', '- name: Windows NT Workstation 4.0 SP6a'],
      ],
    );
  } finally {
    await server.stop();
    repo.dispose();
  }
});

test('untrusted (or trust not said): git never runs, no unrevised-change, Compare answers null; trusted later, it runs', async () => {
  const repo = seedRepository();
  const recorder = recordingGit();
  const server = await start(repo, undefined, `${recorder.bin}:${process.env.PATH}`);
  try {
    const uri = repo.uri('MS04-029.bulletin.yaml');
    server.open(uri, corrected);
    const diagnostics = await settle(server, uri);
    assert.deepEqual(diagnostics.filter(isUnrevised), []);
    assert.equal(await server.connection.sendRequest(CompareWithLastCommitRequest, { uri }), null);
    assert.deepEqual(recorder.calls(), [], 'git was not run');
    // The client says the workspace is now trusted: git runs and the finding comes.
    await server.connection.sendNotification('bulletin/workspaceTrusted', { trusted: true });
    await server.waitForDiagnostics(uri, (d) => d.some(isUnrevised));
    assert.ok(recorder.calls().some((call) => /show --no-textconv/.test(call)), recorder.calls().join('\n'));
    assert.ok(recorder.calls().every((call) => call.includes('core.fsmonitor=')), 'every call turns fsmonitor off');
  } finally {
    await server.stop();
    recorder.dispose();
    repo.dispose();
  }
});

test('git features off without a repository, on an unborn branch, for an untracked file, and without git on the PATH', async () => {
  const cases: [string, () => GitRepo, string | undefined][] = [
    ['no repository', () => new GitRepo(false), undefined],
    ['unborn branch', () => new GitRepo(), undefined],
    ['untracked file', () => {
      const repo = new GitRepo();
      repo.write('MS04-012.bulletin.yaml', example('MS04-012'));
      repo.commit('MS04-012');
      return repo;
    }, undefined],
    ['no git', seedRepository, '/nonexistent'],
  ];
  for (const [name, make, path] of cases) {
    const repo = make();
    if (!repo.exists('MS04-029.bulletin.yaml')) repo.write('MS04-029.bulletin.yaml', corrected);
    const server = await start(repo, true, path);
    try {
      const uri = repo.uri('MS04-029.bulletin.yaml');
      server.open(uri, corrected);
      const diagnostics = await settle(server, uri);
      assert.deepEqual(diagnostics.filter(isUnrevised), [], name);
      assert.equal(await server.connection.sendRequest(CompareWithLastCommitRequest, { uri }), null, name);
      assert.deepEqual(server.logs.filter((l) => /git:/.test(l)), [], `${name}: nothing logged as a git failure`);
    } finally {
      await server.stop();
      repo.dispose();
    }
  }
});

test('bulletin.preview.showChanges last-commit: the preview strikes the old value, highlights the new one and lists the changes; off, it does not', async () => {
  const repo = seedRepository();
  const server = await start(repo, true);
  try {
    const uri = repo.uri('MS04-029.bulletin.yaml');
    const text = corrected.replace('version: 4.0.1381.7303', 'version: 4.0.1381.7304');
    server.open(uri, text);
    await server.waitForDiagnostics(uri, (d) => d.some(isUnrevised));
    const render = async () => ((await server.connection.sendRequest('bulletin/render', { uri })) as { html: string }).html;
    const plain = await render();
    assert.doesNotMatch(plain, /change-old|class="changes"/);
    await server.changeSettings({ preview: { showChanges: 'last-commit' } });
    // The server reads the new settings asynchronously: poll the page (with a timeout), never sleep.
    let marked = await render();
    for (const deadline = Date.now() + 10_000; !marked.includes('class="changes"') && Date.now() < deadline; ) marked = await render();
    assert.match(marked, /<td class="version"><del class="change-old">4\.0\.1381\.7303<\/del> <ins class="change-new">4\.0\.1381\.7304<\/ins><\/td>/);
    assert.match(marked, /<aside class="changes"><h2>前回のコミットからの変更<\/h2><ul><li class="change change-changed" data-line="\d+">nt4-server-sp6a の rpcrt4\.dll のバージョン/);
    assert.match(marked, /<li class="change change-removed" data-line="\d+">プラットフォームを削除: Windows NT Workstation 4\.0 SP6a/);
  } finally {
    await server.stop();
    repo.dispose();
  }
});

test('showChanges last-commit: the first render of a bulletin just opened already has its marks (it waits for git); an exported page has none', async () => {
  const repo = seedRepository();
  const server = await start(repo, true);
  try {
    const render = async (uri: string) => ((await server.connection.sendRequest('bulletin/render', { uri })) as { html: string }).html;
    await server.changeSettings({ preview: { showChanges: 'last-commit' } });
    // The settings are read asynchronously: an unchanged, committed bulletin's page says "no change" once they apply.
    const other = repo.uri('MS04-012.bulletin.yaml');
    server.open(other, example('MS04-012'));
    let page = await render(other);
    for (const deadline = Date.now() + 10_000; !page.includes('class="changes"') && Date.now() < deadline; ) page = await render(other);
    assert.match(page, /前回のコミットから変更はありません/);
    const uri = repo.uri('MS04-029.bulletin.yaml');
    server.open(uri, corrected.replace('version: 4.0.1381.7303', 'version: 4.0.1381.7304'));
    // One render, asked for as soon as the document is open (a preview restored with the window does this).
    assert.match(await render(uri), /<del class="change-old">4\.0\.1381\.7303<\/del> <ins class="change-new">4\.0\.1381\.7304<\/ins>/);
    // Export HTML asks with the page's address: the exported page has no marks and no list of changes.
    const exported = ((await server.connection.sendRequest('bulletin/render', { uri, page: repo.uri('out/MS04-029.html') })) as { html: string }).html;
    assert.doesNotMatch(exported, /change-old|change-new|class="changes"/);
    assert.match(exported, /4\.0\.1381\.7304/);
  } finally {
    await server.stop();
    repo.dispose();
  }
});

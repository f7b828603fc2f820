/**
 * `bulletin diff` over real git repositories made in a temp folder: the seed's correction says
 * "platform removed"; the effect on the workspace (a size changed in MS04-012 makes an error
 * finding in the unchanged MS04-029, exit 1; undoing it makes the finding go); a file renamed,
 * deleted, new since the ref; a detached HEAD; no repository; an unknown ref; two files without
 * git; text, JSON and Markdown.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { oneLine, run, workspace } from './support';
import { example, firstPublished, GitRepo } from '../fixtures/revisions/repo';

const corrected = example('MS04-029');

/** MS04-029 (as first published) and MS04-012 committed; then the correction in the working tree. */
function seedRepository(): GitRepo {
  const repo = new GitRepo();
  repo.write('bulletins/MS04-029.bulletin.yaml', firstPublished());
  repo.write('bulletins/MS04-012.bulletin.yaml', example('MS04-012'));
  repo.write('README.txt', 'not a bulletin\n');
  repo.commit('as published');
  repo.write('bulletins/MS04-029.bulletin.yaml', corrected);
  return repo;
}

interface Json {
  ref?: string;
  commit?: string;
  files: { file: string; status: string; from?: string; changes: { kind: string; subject: string; identity: string[]; label: string; line: number }[] }[];
  added: { file: string; code: string; severity: string; line: number }[];
  removed: { file: string; code: string; severity: string }[];
  checked: number;
  readAtRef: number;
}

const json = (stdout: string) => JSON.parse(stdout) as Json;

test('--since: the seed\'s correction is "platform removed" (text, in English with lang: en), exit 0', () => {
  const repo = seedRepository();
  try {
    repo.write('bulletins/MS04-029.bulletin.yaml', corrected.replace('lang: ja', 'lang: en'));
    const result = run(['diff', '--since', 'HEAD'], { cwd: repo.folder });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Bulletin changes since HEAD \([0-9a-f]{7}\)\n/);
    assert.match(result.stdout, /bulletins\/MS04-029\.bulletin\.yaml \(changed\)\n {2}~ Language: ja → en {2}\[bulletins\/MS04-029\.bulletin\.yaml:5\]\n {2}- Platform removed: Windows NT Workstation 4\.0 SP6a \(nt4-wks-sp6a\) {2}\[bulletins\/MS04-029\.bulletin\.yaml:\d+\]\n {2}\+ Unsupported platform added: Windows NT Workstation 4\.0 SP6a/);
  } finally {
    repo.dispose();
  }
});

test('--since: JSON with every change, line numbers in the new text, and the count of files read at the ref', () => {
  const repo = seedRepository();
  try {
    const result = run(['diff', '--since', 'HEAD', '--format', 'json', 'bulletins'], { cwd: repo.folder });
    assert.equal(result.code, 0, result.stderr);
    const report = json(result.stdout);
    assert.equal(report.commit, repo.git('rev-parse', 'HEAD').trim());
    assert.deepEqual(report.files.map((f) => [f.file, f.status, f.changes.map((c) => `${c.kind} ${c.subject} ${c.identity.join('/')}`)]), [
      ['bulletins/MS04-029.bulletin.yaml', 'changed', ['removed platform platforms/nt4-wks-sp6a', 'added unsupported unsupported/Windows NT Workstation 4.0 SP6a']],
    ]);
    assert.equal(corrected.split('\n')[report.files[0].changes[1].line - 1], '  - name: Windows NT Workstation 4.0 SP6a');
    // The old value the preview keeps for a removed entry (was, wasIndex) is not part of the report.
    assert.deepEqual(report.files[0].changes.flatMap((c) => Object.keys(c).filter((k) => k.startsWith('was'))), []);
    assert.deepEqual([report.checked, report.readAtRef, report.removed], [2, 1, []]);
    // Changed since the ref without a new revision: unrevised-change, against the ref.
    assert.deepEqual(report.added.map((f) => [f.file, f.code, f.severity, f.line]), [['bulletins/MS04-029.bulletin.yaml', 'unrevised-change', 'warning', 8]]);
    // With a revision (and `updated`), it goes.
    repo.write('bulletins/MS04-029.bulletin.yaml', corrected.replace('updated: 2004-10-16\n', 'updated: 2004-10-20\nrevisions:\n  - date: 2004-10-16\n    summary: 初版\n  - date: 2004-10-20\n    summary: 対象プラットフォームを訂正\n'));
    const revised = json(run(['diff', '--since', 'HEAD', '--format', 'json'], { cwd: repo.folder }).stdout);
    assert.deepEqual(revised.added, []);
    assert.ok(revised.files[0].changes.some((c) => c.subject === 'field' && c.identity[0] === 'updated'));
  } finally {
    repo.dispose();
  }
});

test('the effect on the workspace: a size changed in MS04-012 makes an error in the unchanged MS04-029 (exit 1); back again, it goes', () => {
  const repo = seedRepository();
  try {
    repo.commit('corrected');
    repo.write('bulletins/MS04-012.bulletin.yaml', example('MS04-012').replace('size: 768288', 'size: 768289'));
    const result = run(['diff', '--since', 'HEAD', '--format', 'json'], { cwd: repo.folder });
    assert.equal(result.code, 1, result.stderr);
    const report = json(result.stdout);
    assert.deepEqual(report.files.map((f) => [f.file, f.changes.map((c) => c.label)]), [['bulletins/MS04-012.bulletin.yaml', ['nt4-server-sp6a の ole32.dll のサイズ: 768288 → 768289']]]);
    assert.deepEqual(report.added.map((f) => [f.file, f.code, f.severity]), [
      ['bulletins/MS04-029.bulletin.yaml', 'file-metadata-mismatch', 'error'],
      ['bulletins/MS04-012.bulletin.yaml', 'unrevised-change', 'warning'],
    ]);
    assert.deepEqual(report.removed, []);
    // Committed with the wrong size, then corrected: the finding is gone since HEAD, exit 0.
    repo.commit('a wrong size');
    repo.write('bulletins/MS04-012.bulletin.yaml', example('MS04-012'));
    const back = run(['diff', '--since', 'HEAD', '--format', 'json'], { cwd: repo.folder });
    assert.equal(back.code, 0, back.stderr);
    assert.deepEqual(json(back.stdout).removed.map((f) => [f.file, f.code]), [['bulletins/MS04-029.bulletin.yaml', 'file-metadata-mismatch']]);
  } finally {
    repo.dispose();
  }
});

test('renamed, deleted and new since a ref (a tag, two commits back), Markdown for a pull request, on a detached HEAD', () => {
  const repo = seedRepository();
  try {
    repo.commit('corrected');
    repo.git('tag', 'v1');
    const fresh = example('MS04-012').replace(/^id: MS04-012$/m, 'id: MS04-030').replace('published: 2004-04-14', 'published: 2004-11-01').replace('updated: 2004-04-14', 'updated: 2004-11-01');
    repo.git('mv', 'bulletins/MS04-029.bulletin.yaml', 'bulletins/ms04-029-rpc.bulletin.yaml');
    repo.write('bulletins/MS04-030.bulletin.yaml', fresh);
    repo.commit('renamed, new');
    repo.git('rm', '-q', 'bulletins/MS04-012.bulletin.yaml');
    repo.commit('deleted');
    repo.git('checkout', '-q', '--detach', 'HEAD');
    const result = run(['diff', '--since', 'v1', '--format', 'json'], { cwd: repo.folder });
    assert.ok(result.code === 0 || result.code === 1, result.stderr);
    const report = json(result.stdout);
    assert.deepEqual(report.files.map((f) => [f.file, f.status, f.from ?? '']).sort(), [
      ['bulletins/MS04-012.bulletin.yaml', 'removed', ''],
      ['bulletins/MS04-030.bulletin.yaml', 'added', ''],
      ['bulletins/ms04-029-rpc.bulletin.yaml', 'renamed', 'bulletins/MS04-029.bulletin.yaml'],
    ]);
    assert.deepEqual(report.files.find((f) => f.status === 'renamed')!.changes, [], 'moved, not changed');
    // MS04-029 names MS04-012 in related: gone now, so that reference is unresolved.
    assert.ok(report.added.some((f) => f.code === 'unresolved-reference' && f.file === 'bulletins/ms04-029-rpc.bulletin.yaml'), JSON.stringify(report.added));
    const markdown = run(['diff', '--since', 'v1', '--format', 'markdown', '--lang', 'en'], { cwd: repo.folder });
    assert.match(markdown.stdout, /^## Bulletin changes since v1 \([0-9a-f]{7}\)\n/);
    assert.match(markdown.stdout, /### `bulletins\/ms04-029-rpc\.bulletin\.yaml` — renamed from bulletins\/MS04-029\.bulletin\.yaml\n\nRenamed; its content is unchanged\./);
    assert.match(markdown.stdout, /\| new \| `bulletins\/ms04-029-rpc\.bulletin\.yaml` \| \d+ \| warning \| `unresolved-reference` \| /);
  } finally {
    repo.dispose();
  }
});

test('no repository, an unknown ref, an unborn branch: exit 2 with one line; git is never asked for more', () => {
  const plain = new GitRepo(false);
  const unborn = new GitRepo();
  const repo = seedRepository();
  try {
    plain.write('MS04-029.bulletin.yaml', corrected);
    const none = run(['diff', '--since', 'HEAD'], { cwd: plain.folder });
    assert.equal(none.code, 2);
    assert.match(oneLine(none.stderr), /^bulletin: not in a git repository/);
    unborn.write('MS04-029.bulletin.yaml', corrected);
    const empty = run(['diff', '--since', 'HEAD'], { cwd: unborn.folder });
    assert.equal(empty.code, 2);
    assert.match(oneLine(empty.stderr), /^bulletin: git knows no commit named "HEAD"/);
    const unknown = run(['diff', '--since', 'no-such-branch'], { cwd: repo.folder });
    assert.equal(unknown.code, 2);
    assert.match(oneLine(unknown.stderr), /^bulletin: git knows no commit named "no-such-branch"/);
    const option = run(['diff', '--since', '--output=/tmp/x'], { cwd: repo.folder });
    assert.equal(option.code, 2, 'a ref that looks like an option is refused, not passed to git');
  } finally {
    plain.dispose();
    unborn.dispose();
    repo.dispose();
  }
});

test('OLD NEW without git: the two files; usage errors', () => {
  const dir = workspace({ 'old.bulletin.yaml': firstPublished(), 'new.bulletin.yaml': corrected });
  const result = run(['diff', join(dir, 'old.bulletin.yaml'), join(dir, 'new.bulletin.yaml'), '--lang', 'en']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^Bulletin changes\n.*new\.bulletin\.yaml \(changed\)\n {2}- プラットフォームを削除: Windows NT Workstation 4\.0 SP6a \(nt4-wks-sp6a\)/);
  // Two versions of one bulletin: no ref, so the summary counts no files read at one.
  assert.match(result.stdout, /\n1 changed; findings: 0 new \(0 errors\), 0 gone\.\n$/);
  writeFileSync(join(dir, 'bad.bulletin.yaml'), corrected.replace('severity: important', 'severity: severe'));
  const worse = run(['diff', join(dir, 'new.bulletin.yaml'), join(dir, 'bad.bulletin.yaml'), '--format', 'json']);
  assert.equal(worse.code, 1, 'the change adds an error finding');
  assert.deepEqual(json(worse.stdout).added.map((f) => f.code), ['schema']);
  assert.equal(run(['diff', join(dir, 'new.bulletin.yaml')]).code, 2);
  assert.match(oneLine(run(['diff', join(dir, 'a'), join(dir, 'b')]).stderr), /cannot read|no such|does not exist/);
  const format = run(['diff', '--since', 'HEAD', '--format', 'mardown']);
  assert.equal(format.code, 2);
  assert.match(oneLine(format.stderr), /did you mean 'markdown'/);
});

// `bulletin check` runs `unrevised-change` as the editor does: against each bulletin's last
// commit, for the bulletins that differ from it in the working tree; silent without a repository.
test('check: unrevised-change against HEAD for a bulletin changed in the working tree, gone with a revision; silent outside a repository', () => {
  const repo = seedRepository();
  try {
    const unrevised = (cwd: string, args: string[] = []) => (JSON.parse(run(['check', '--format', 'json', ...args, 'bulletins'], { cwd }).stdout) as { findings: { file: string; code: string; line: number }[] }).findings.filter((f) => f.code === 'unrevised-change');
    assert.deepEqual(unrevised(repo.folder).map((f) => [f.file, f.line]), [['bulletins/MS04-029.bulletin.yaml', 8]]);
    // The same through --cache: a second run restores findings only for the same commit and the same changed files.
    assert.deepEqual(unrevised(repo.folder, ['--cache', '.cache']).length, 1);
    repo.commit('corrected, without a revision');
    assert.deepEqual(unrevised(repo.folder, ['--cache', '.cache']), [], 'committed: the working tree is the last commit');
    assert.deepEqual(unrevised(repo.folder), []);
    repo.write('bulletins/MS04-029.bulletin.yaml', retitled(corrected));
    assert.equal(unrevised(repo.folder).length, 1, 'a material change after the last commit');
    repo.write('bulletins/MS04-029.bulletin.yaml', retitled(corrected.replace('updated: 2004-10-16\n', 'updated: 2004-10-20\nrevisions:\n  - date: 2004-10-16\n    summary: 初版\n  - date: 2004-10-20\n    summary: 対象プラットフォームを訂正\n')));
    assert.deepEqual(unrevised(repo.folder), [], 'with a revision and updated');
  } finally {
    repo.dispose();
  }
  const plain = workspace({ 'MS04-029.bulletin.yaml': retitled(corrected) });
  try {
    const result = run(['check', '--format', 'json', '.'], { cwd: plain });
    assert.match(result.stdout, /"findings"/);
    assert.ok(!result.stdout.includes('unrevised-change'), 'no repository: the rule is silent');
  } finally {
    rmSync(plain, { recursive: true, force: true });
  }
});

const retitled = (text: string) => text.replace(/^title: (.*)$/m, 'title: $1 (訂正)');

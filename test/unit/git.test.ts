/**
 * io/git.ts over real repositories in a temp folder: the committed text and its commit, many
 * files at a ref in one process (names with spaces and Japanese), what changed since a ref,
 * and the safety of every call: a repository whose configuration would run a command
 * (core.fsmonitor, a pager, an external diff) runs nothing, a ref that looks like an option is
 * refused, and no repository, an unborn branch or a missing git answer "unknown".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitHistory } from '../../server/src/io/git';
import { GitRepo } from '../fixtures/revisions/repo';

test('the committed text and its commit; texts at a ref in one process; changes since a ref', async () => {
  const repo = new GitRepo();
  try {
    repo.write('a.bulletin.yaml', 'id: A\n');
    repo.write('sub dir/日本語 b.bulletin.yaml', 'id: B\n');
    const first = repo.commit('first');
    repo.write('a.bulletin.yaml', 'id: A2\n');
    const git = gitHistory();
    assert.deepEqual(await git.committed(repo.path('a.bulletin.yaml')), { commit: first, text: 'id: A\n' });
    const texts = await git.textsAt(first, [repo.path('a.bulletin.yaml'), repo.path('sub dir/日本語 b.bulletin.yaml'), repo.path('missing.bulletin.yaml')], repo.folder);
    assert.deepEqual(texts && [...texts.entries()], [
      [repo.path('a.bulletin.yaml'), 'id: A\n'],
      [repo.path('sub dir/日本語 b.bulletin.yaml'), 'id: B\n'],
    ]);
    repo.git('rm', '-q', 'sub dir/日本語 b.bulletin.yaml');
    repo.write('new.bulletin.yaml', 'id: N\n');
    const changed = await git.changedSince('HEAD', repo.folder);
    assert.deepEqual(changed?.map((c) => [c.status, c.path]).sort(), [
      ['A', repo.path('new.bulletin.yaml')],
      ['D', repo.path('sub dir/日本語 b.bulletin.yaml')],
      ['M', repo.path('a.bulletin.yaml')],
    ]);
    assert.equal(await git.resolve('HEAD', repo.folder), first);
  } finally {
    repo.dispose();
  }
});

test('a repository configured to run commands runs none of them; a ref like an option is refused', async () => {
  const repo = new GitRepo();
  try {
    const marker = join(repo.folder, 'ran');
    const script = join(repo.folder, 'hook.sh');
    writeFileSync(script, `#!/bin/sh\ntouch '${marker}'\n`);
    chmodSync(script, 0o755);
    repo.write('a.bulletin.yaml', 'id: A\n');
    repo.commit('first');
    repo.git('config', 'core.fsmonitor', script);
    repo.git('config', 'core.pager', script);
    repo.git('config', 'diff.external', script);
    repo.write('a.bulletin.yaml', 'id: B\n');
    const git = gitHistory();
    assert.equal((await git.committed(repo.path('a.bulletin.yaml')))?.text, 'id: A\n');
    assert.ok(await git.changedSince('HEAD', repo.folder));
    assert.equal(existsSync(marker), false, 'no configured command ran');
    assert.equal(await git.textAt('--output=/tmp/x', repo.path('a.bulletin.yaml')), undefined);
    assert.equal(await git.resolve('--all', repo.folder), undefined);
    assert.equal(await git.changedSince('-p', repo.folder), undefined);
  } finally {
    repo.dispose();
  }
});

test('no repository, an unborn branch, an untracked file, a missing git: unknown, never an error', async () => {
  const plain = new GitRepo(false);
  const unborn = new GitRepo();
  try {
    plain.write('a.bulletin.yaml', 'id: A\n');
    unborn.write('a.bulletin.yaml', 'id: A\n');
    const git = gitHistory();
    assert.equal(await git.committed(plain.path('a.bulletin.yaml')), undefined);
    assert.equal(await git.root(plain.path('a.bulletin.yaml')), undefined);
    assert.equal(await git.committed(unborn.path('a.bulletin.yaml')), undefined);
    assert.equal(await git.resolve('HEAD', unborn.folder), undefined);
    const missing = gitHistory({ executable: join(plain.folder, 'no-such-git') });
    assert.equal(await missing.committed(unborn.path('a.bulletin.yaml')), undefined);
    assert.equal(await missing.changedSince('HEAD', unborn.folder), undefined);
    assert.equal(await missing.textsAt('0'.repeat(40), [unborn.path('a.bulletin.yaml')], unborn.folder), undefined);
  } finally {
    plain.dispose();
    unborn.dispose();
  }
});

/**
 * `bulletin check` speaks the language asked for with `--lang`, else the environment's locale:
 * messages and summary change, file positions and rule codes do not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { cliLocale } from '../../../server/src/cli/locale';
import { hasJapanese, root } from './text';

const cli = join(root, 'dist', 'cli.js');
const workspace = join(root, 'test', 'fixtures', 'workspaces', 'locale-every-rule');

function check(args: string[], env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(LC_|LANG)/.test(key)));
  return spawnSync(process.execPath, [cli, 'check', ...args], { cwd: root, env: { ...clean, ...env }, encoding: 'utf8' });
}

/** `file:line:column severity code` of each finding line, without its message. */
const positions = (stdout: string) => stdout.trim().split('\n').slice(0, -1).map((line) => line.split(' ').slice(0, 3).join(' '));

test('--lang ja gives Japanese messages and summary, --lang en English ones, at the same places', () => {
  const ja = check(['--lang', 'ja', workspace], { LANG: 'C.UTF-8' });
  const en = check(['--lang', 'en', workspace], { LANG: 'ja_JP.UTF-8' });
  assert.equal(ja.status, 1, ja.stderr);
  assert.equal(en.status, 1, en.stderr);
  const jaLines = ja.stdout.trim().split('\n');
  const enLines = en.stdout.trim().split('\n');
  assert.deepEqual(jaLines.filter((line) => !hasJapanese(line)), []);
  assert.deepEqual(enLines.filter((line) => hasJapanese(line)), []);
  assert.match(jaLines.at(-1)!, /^9 件のセキュリティ情報を検査しました: エラー \d+ 件、警告 \d+ 件、その他 \d+ 件。$/);
  assert.match(enLines.at(-1)!, /^9 bulletins checked: \d+ errors, \d+ warnings, \d+ other\.$/);
  assert.deepEqual(positions(ja.stdout), positions(en.stdout));
});

test('without --lang the environment decides: LC_ALL, then LC_MESSAGES, then LANG; empty counts as unset', () => {
  assert.equal(cliLocale(undefined, { LANG: 'ja_JP.UTF-8' }), 'ja');
  assert.equal(cliLocale(undefined, { LC_ALL: '', LANG: 'ja_JP.UTF-8' }), 'ja');
  assert.equal(cliLocale(undefined, { LC_ALL: 'C', LANG: 'ja_JP.UTF-8' }), 'en');
  assert.equal(cliLocale(undefined, { LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' }), 'ja');
  assert.equal(cliLocale(undefined, {}), 'en');
  assert.equal(cliLocale('ja-JP', {}), 'ja');
  const fromEnvironment = check([workspace], { LANG: 'ja_JP.UTF-8' });
  assert.match(fromEnvironment.stdout.trim().split('\n').at(-1)!, /件のセキュリティ情報を検査しました/);
});

test('--lang with another language is a usage error (exit 2) that says what it takes', () => {
  const result = check(['--lang', 'fr', workspace], {});
  assert.equal(result.status, 2);
  assert.match(result.stderr, /--lang takes ja or en, not fr/);
});

/**
 * Text output is coloured on a terminal (severity, file:line:col), never when piped, and follows
 * NO_COLOR and FORCE_COLOR (issue 20.4). The terminal is a real pseudo-terminal from `script`
 * (util-linux, in every Debian install).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cleanEnv, cli, header, run, workspace } from './support';

const ESC = '\u001b';
const strip = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

const dir = workspace({ 'bad.bulletin.yaml': `${header()}severty: low\nrelated: [MS09-999]\n` }, 'bulletin-colour-');

/** `bulletin check .` on a pseudo-terminal: what a user sees in a terminal. */
function onTerminal(env: Record<string, string> = {}): string {
  const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} check .`;
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8', env: cleanEnv({ TERM: 'xterm-256color', ...env }) });
  assert.equal(result.status, 1, result.stderr);
  return result.stdout.replace(/\r\n/g, '\n');
}

test('piped, the text has no colour', () => {
  const r = run(['check', '.'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.ok(!r.stdout.includes(ESC), r.stdout);
});

test('on a terminal the severity and file:line:col are coloured; the text is otherwise the same', () => {
  const plain = run(['check', '.'], { cwd: dir }).stdout;
  const shown = onTerminal();
  assert.ok(shown.includes(ESC), shown);
  assert.equal(strip(shown), plain);
  const [first] = shown.split('\n');
  assert.match(first, /^\u001b\[[0-9;]*mbad\.bulletin\.yaml:6:1\u001b\[[0-9;]*m \u001b\[31merror\u001b\[39m /);
  assert.match(shown, /\u001b\[33mwarning\u001b\[39m \u001b\[[0-9;]*munresolved-reference/);
});

test('NO_COLOR (not empty) and TERM=dumb turn colour off on a terminal; an empty NO_COLOR does not', () => {
  assert.ok(!onTerminal({ NO_COLOR: '1' }).includes(ESC));
  assert.ok(!onTerminal({ TERM: 'dumb' }).includes(ESC));
  assert.ok(onTerminal({ NO_COLOR: '' }).includes(ESC));
  assert.ok(!onTerminal({ FORCE_COLOR: '0' }).includes(ESC));
});

test('FORCE_COLOR forces colour when piped (it wins over NO_COLOR, as in Node); 0 or false does not', () => {
  const plain = run(['check', '.'], { cwd: dir }).stdout;
  for (const value of ['1', '', 'true', '3']) {
    const r = run(['check', '.'], { cwd: dir, env: { FORCE_COLOR: value } });
    assert.ok(r.stdout.includes(ESC), `FORCE_COLOR=${value}`);
    assert.equal(strip(r.stdout), plain);
  }
  assert.ok(run(['check', '.'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout.includes(ESC));
  for (const value of ['0', 'false']) assert.ok(!run(['check', '.'], { cwd: dir, env: { FORCE_COLOR: value } }).stdout.includes(ESC), `FORCE_COLOR=${value}`);
});

test('JSON and SARIF are never coloured', () => {
  for (const format of ['json', 'sarif']) {
    const r = run(['check', '--format', format, '.'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    assert.ok(!r.stdout.includes(ESC), format);
    JSON.parse(r.stdout);
  }
});

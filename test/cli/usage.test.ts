/**
 * The command line follows the conventions (issue 20.4; the arguments of 17.9 are in test/hardening/cli-arguments.test.ts): help on stdout with exit 0 in the
 * user's language, `--version`, and usage errors as one line with a hint, exit 2.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { header, oneLine, root, run, workspace } from './support';
import { commandOptions } from '../../server/src/cli/args';
import { rules } from '../../server/src/core/rules';

const version = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')).version as string;

test('bulletin --help, -h and help print the usage on stdout and exit 0', () => {
  for (const args of [['--help'], ['-h'], ['help']]) {
    const r = run(args);
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^Usage: bulletin COMMAND/);
    for (const command of ['check', 'render', 'csaf']) assert.match(r.stdout, new RegExp(`^  ${command} `, 'm'));
    assert.match(r.stdout, /--version/);
  }
});

test('bulletin COMMAND --help (and help COMMAND) explains every option of the command, in English and Japanese', () => {
  for (const [command, options] of Object.entries(commandOptions)) {
    for (const args of [[command, '--help'], [command, '-h'], ['help', command], [command, 'examples', '--help']]) {
      const r = run(args);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, new RegExp(`^Usage: bulletin ${command} `));
    }
    for (const lang of ['en', 'ja']) {
      const text = run([command, '--help', '--lang', lang]).stdout;
      for (const [name, option] of Object.entries(options)) {
        // Each option has its own line with words after it (an explanation, not just a name).
        const flag = `--${name}`;
        const line = text.split('\n').find((l) => l.trimStart().startsWith(flag) || l.trimStart().startsWith(`-${(option as { short?: string }).short}, ${flag}`));
        assert.ok(line, `${command} --help --lang ${lang} explains ${flag}:\n${text}`);
        assert.ok(line.replace(/^\s*(-\w, )?--[\w-]+( [A-Z|a-z=.]+)?\s+/, '').length > 10, `${flag} has an explanation: ${line}`);
      }
      assert.match(text, /--help/);
      if (lang === 'ja') assert.match(text, /[\u3040-\u30ff]/, `${command} help in Japanese`);
    }
  }
  // The environment's locale chooses the language when --lang is not given.
  assert.match(run(['check', '--help'], { env: { LANG: 'ja_JP.UTF-8' } }).stdout, /[\u3040-\u30ff]/);
  assert.doesNotMatch(run(['check', '--help'], { env: { LANG: 'C' } }).stdout, /[\u3040-\u30ff]/);
  assert.match(run(['--help', '--lang', 'ja']).stdout, /[\u3040-\u30ff]/);
});

test('check --help lists every rule code', () => {
  const text = run(['check', '--help']).stdout;
  for (const rule of rules) assert.ok(text.includes(rule.code), rule.code);
});

test('--version prints the version of package.json', () => {
  const r = run(['--version']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, `${version}\n`);
});

test('a usage error is one line on stderr saying what is wrong, with a hint to the help; exit 2', () => {
  const cases: [string[], RegExp, string][] = [
    [[], /no command/, "'bulletin --help'"],
    [['frobnicate'], /unknown command 'frobnicate'/, "'bulletin --help'"],
    [['chek', 'examples'], /unknown command 'chek'.*check/, "'bulletin --help'"],
    [['--frob'], /unknown option '--frob'/, "'bulletin --help'"],
    [['help', 'frobnicate'], /unknown command 'frobnicate'/, "'bulletin --help'"],
    [['check'], /check needs at least one file or folder/, "'bulletin check --help'"],
    [['check', '--bogus', 'examples'], /unknown option '--bogus'/, "'bulletin check --help'"],
    [['check', '--fromat', 'json', 'examples'], /unknown option '--fromat'.*--format/, "'bulletin check --help'"],
    [['check', '--format', 'xml', 'examples'], /--format takes text, json or sarif, not 'xml'/, "'bulletin check --help'"],
    [['check', 'examples', '--format'], /--format needs a value/, "'bulletin check --help'"],
    [['check', '--lang', 'fr', 'examples'], /--lang takes ja or en/, "'bulletin check --help'"],
    [['render'], /render needs a bulletin file/, "'bulletin render --help'"],
    [['csaf'], /csaf takes exactly one bulletin file/, "'bulletin csaf --help'"],
    [['csaf', '--publisher', 'x', 'examples/MS04-029.bulletin.yaml'], /unknown option '--publisher'/, "'bulletin csaf --help'"],
  ];
  for (const [args, what, hint] of cases) {
    const r = run(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.equal(r.stdout, '', args.join(' '));
    const line = oneLine(r.stderr);
    assert.match(line, /^bulletin: /);
    assert.match(line, what, args.join(' '));
    assert.ok(line.includes(`run ${hint}`), `${args.join(' ')}: hint in ${line}`);
  }
  // The hint speaks the user's language too.
  const ja = run(['check', '--bogus', '--lang', 'ja', 'examples']);
  assert.match(oneLine(ja.stderr), /'bulletin check --help'.*[\u3040-\u30ff]|[\u3040-\u30ff].*'bulletin check --help'/);
});

/**
 * `bulletin check | render | csaf | diff`: the command line over the same core as the server.
 * Exit codes: 0 no error finding (or help shown), 1 an error finding, 2 usage or I/O error (one
 * line on stderr).
 */
import { checkFiles } from './check';
import { findBulletins } from './files';
import { cliLocale } from './locale';
import { renderCommand } from './render';
import { diffCommand } from './diff-command';
import { formatSarif } from './sarif';
import { csafCommand, csafValidatorService } from './csaf';
import { asksForHelp, commandNames, langArgument, parseCommandArgs, parseFormat, parseMaxWarnings, parseRuleSeverities, type CommandName } from './args';
import { textStyle } from './colour';
import { displayPath, escapeControl } from './display';
import { CliError, describeError, isSystemError, UsageError } from './errors';
import { formatJson, formatText } from './format';
import { helpHint, helpText } from './help';
import { version } from './package-info';
import { closest } from '../core/schema/suggest';
import type { Locale } from '../core/messages';
import { compileIdPattern } from '../io/id-pattern';
import { gitHistory } from '../io/git';

type Command = (args: string[]) => number | Promise<number>;

const commands: Record<CommandName, Command> = {
  async check(args) {
    const { values, positionals } = parseCommandArgs('check', args);
    const format = parseFormat(values.format);
    const maxWarnings = parseMaxWarnings(values['max-warnings']);
    const severities = parseRuleSeverities(values.rule);
    const maxFileSize = values['max-file-size'] === undefined ? undefined : Number(values['max-file-size']);
    if (maxFileSize !== undefined && (!/^[0-9]+$/.test(values['max-file-size']!) || !Number.isSafeInteger(maxFileSize) || maxFileSize < 1)) {
      throw new UsageError(`--max-file-size takes a positive whole number of bytes, not ${values['max-file-size']}`);
    }
    let idPattern: RegExp | undefined;
    if (values['id-pattern']) {
      const compiled = compileIdPattern(values['id-pattern']);
      if ('error' in compiled) {
        process.stderr.write(`bulletin: --id-pattern ${compiled.error}\n`);
        return 2;
      }
      idPattern = compiled.pattern;
    }
    const locale = cliLocale(values.lang);
    if (positionals.length === 0) throw new UsageError('check needs at least one file or folder');
    const links = { skipped: 0 };
    const files = findBulletins(positionals, links);
    const report = { ...(await checkFiles(files, { locale, severities, idPattern, maxFileSize }, process.cwd(), { cacheDir: values.cache, showSuppressed: values['show-suppressed'], git: gitHistory() })), skippedLinks: links.skipped };
    if (report.cache?.discarded) process.stderr.write(`bulletin: the cache in ${displayPath(values.cache!)} was discarded (${escapeControl(report.cache.discarded)}); it is written anew\n`);
    process.stdout.write(
      format === 'sarif' ? formatSarif(report, process.cwd()) : format === 'json' ? formatJson(report) : formatText(report, locale, textStyle(process.stdout)),
    );
    for (const u of report.unreadable) process.stderr.write(`bulletin: cannot read ${displayPath(u.file)}: ${escapeControl(u.reason)}\n`);
    if (report.unreadable.length > 0) return 2;
    if (report.findings.some((f) => f.severity === 'error')) return 1;
    // --max-warnings N: more than N warnings fail the run like an error (exit 1).
    return report.findings.filter((f) => f.severity === 'warning').length > maxWarnings ? 1 : 0;
  },
  render: renderCommand,
  diff: diffCommand,
  csaf(args) {
    const { values, positionals } = parseCommandArgs('csaf', args);
    const locale = cliLocale(values.lang);
    if (positionals.length !== 1) throw new UsageError('csaf takes exactly one bulletin file');
    const publisher = { name: values['publisher-name'], namespace: values['publisher-namespace'], category: values['publisher-category'] };
    return csafCommand({ file: positionals[0], out: values.out, locale, publisher, baseUrl: values['base-url'] });
  },
};

/** The language of help and error hints: `--lang` if it is valid, else the environment's. */
function localeOf(args: readonly string[]): Locale {
  try {
    return cliLocale(langArgument(args));
  } catch {
    return cliLocale(undefined);
  }
}

function isCommand(name: string): name is CommandName {
  return (commandNames as string[]).includes(name);
}

export function main(argv: string[]): number | Promise<number> {
  const [name, ...rest] = argv;
  const locale = localeOf(argv);
  const ended = (error: unknown, command?: CommandName) => failed(error, command, locale);
  try {
    // Internal: the language server's CSAF validator child process (not in the help).
    if (name === 'csaf-validator') return csafValidatorService();
    if (name === undefined) throw new UsageError('no command given');
    if (name === '--version') {
      process.stdout.write(`${version}\n`);
      return 0;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' ? rest.find((arg) => !arg.startsWith('-') && arg !== langArgument(rest)) : undefined;
      if (topic !== undefined && !isCommand(topic)) throw unknownCommand(topic);
      process.stdout.write(helpText(topic ?? 'main', locale));
      return 0;
    }
    if (name.startsWith('-') && asksForHelp(argv)) {
      process.stdout.write(helpText('main', locale));
      return 0;
    }
    if (name.startsWith('-')) throw new UsageError(`unknown option '${escapeControl(name)}'; a command comes first`);
    if (!isCommand(name)) throw unknownCommand(name);
    if (asksForHelp(rest)) {
      process.stdout.write(helpText(name, locale));
      return 0;
    }
    try {
      const code = commands[name](rest);
      return typeof code === 'number' ? code : code.catch((error: unknown) => ended(error, name));
    } catch (error) {
      return ended(error, name);
    }
  } catch (error) {
    return ended(error);
  }
}

function unknownCommand(name: string): UsageError {
  const near = closest(name, commandNames);
  return new UsageError(`unknown command '${escapeControl(name)}'${near ? `; did you mean '${near}'?` : ''}`);
}

/**
 * Every expected failure ends with one line on stderr and exit code 2: a usage error with a hint
 * to the help, a file that cannot be read or written with the reason. Only a bug (an error of
 * no known kind) prints its stack, for the report.
 */
function failed(error: unknown, command: CommandName | undefined, locale: Locale): number {
  if (error instanceof UsageError) {
    process.stderr.write(`bulletin: ${escapeControl(error.message)} (${helpHint(command, locale)})\n`);
  } else if (error instanceof CliError) {
    process.stderr.write(`bulletin: ${escapeControl(error.message)}\n`);
  } else if (isSystemError(error)) {
    const path = error.path === undefined ? '' : ` ${displayPath(error.path)}`;
    process.stderr.write(`bulletin: cannot ${error.syscall}${path}: ${describeError(error)}\n`);
  } else {
    process.stderr.write(`bulletin: ${(error as Error)?.stack ?? String(error)}\n`);
  }
  return 2;
}

void Promise.resolve(main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});

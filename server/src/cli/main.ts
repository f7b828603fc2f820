/**
 * `bulletin check | render | csaf`: the command line over the same core as the server.
 * Exit codes: 0 no error finding, 1 an error finding, 2 usage or I/O error (message on stderr).
 */
import { parseArgs } from 'node:util';
import { checkFiles, formatJson, formatText } from './check';
import { findBulletins, UsageError } from './files';
import { cliLocale } from './locale';
import type { SeveritySetting } from '../core/problems';
import { renderCommand } from './render';
import { formatSarif } from './sarif';
import { csafCommand, csafValidatorService } from './csaf';
import { compileIdPattern } from '../io/idPattern';

const USAGE = `Usage:
  bulletin check [--format text|json|sarif] [--max-warnings N] [--lang ja|en] [--rule CODE=SEVERITY]... [--id-pattern REGEX] [--max-file-size BYTES] PATH...
  bulletin render [-o OUT.html | --out-dir DIR] [--workspace DIR] [--lang ja|en] FILE...
  bulletin csaf [-o OUT.json] [--publisher-name NAME] [--publisher-namespace URI] [--publisher-category CATEGORY] [--lang ja|en] FILE
`;

type Command = (args: string[]) => number | Promise<number>;

const commands: Record<string, Command> = {
  check(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        lang: { type: 'string' },
        rule: { type: 'string', multiple: true, default: [] },
        'id-pattern': { type: 'string' },
        'max-warnings': { type: 'string' },
        'max-file-size': { type: 'string' },
      },
    });
    if (positionals.length === 0) throw new UsageError('check needs at least one file or folder');
    const maxFileSize = values['max-file-size'] === undefined ? undefined : Number(values['max-file-size']);
    if (maxFileSize !== undefined && (!/^[0-9]+$/.test(values['max-file-size']!) || !Number.isSafeInteger(maxFileSize) || maxFileSize < 1)) {
      throw new UsageError(`--max-file-size takes a positive whole number of bytes, not ${values['max-file-size']}`);
    }
    const maxWarnings = values['max-warnings'] === undefined ? Infinity : Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity) throw new UsageError(`--max-warnings takes a whole number, not ${values['max-warnings']}`);
    if (maxWarnings < 0) throw new UsageError(`--max-warnings takes a whole number, not ${values['max-warnings']}`);
    if (!['text', 'json', 'sarif'].includes(values.format!)) throw new UsageError(`unknown format: ${values.format}`);
    const severities: Record<string, SeveritySetting> = {};
    for (const entry of values.rule!) {
      const [code, severity] = entry.split('=');
      if (!code || !['error', 'warning', 'information', 'hint', 'off'].includes(severity)) throw new UsageError(`--rule takes CODE=error|warning|information|hint|off, not ${entry}`);
      severities[code] = severity as SeveritySetting;
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
    const links = { skipped: 0 };
    const files = findBulletins(positionals, links);
    const report = { ...checkFiles(files, { locale, severities, idPattern, maxFileSize }, process.cwd()), skippedLinks: links.skipped };
    process.stdout.write(values.format === 'sarif' ? formatSarif(report, process.cwd()) : values.format === 'json' ? formatJson(report) : formatText(report, locale));
    for (const u of report.unreadable) process.stderr.write(`bulletin: cannot read ${u.file}: ${u.reason}\n`);
    if (report.unreadable.length > 0) return 2;
    if (report.findings.some((f) => f.severity === 'error')) return 1;
    // --max-warnings N: more than N warnings fail the run like an error (exit 1).
    return report.findings.filter((f) => f.severity === 'warning').length > maxWarnings ? 1 : 0;
  },
  render: renderCommand,
  csaf(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        lang: { type: 'string' },
        'publisher-name': { type: 'string' },
        'publisher-namespace': { type: 'string' },
        'publisher-category': { type: 'string' },
      },
    });
    if (positionals.length !== 1) throw new UsageError('csaf takes exactly one bulletin file');
    const publisher = { name: values['publisher-name'], namespace: values['publisher-namespace'], category: values['publisher-category'] };
    return csafCommand({ file: positionals[0], out: values.out, locale: cliLocale(values.lang), publisher });
  },
  // Internal: the language server's CSAF validator child process (not in the usage text).
  'csaf-validator': () => csafValidatorService(),
};

export function main(argv: string[]): number | Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    (name ? process.stdout : process.stderr).write(USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  try {
    if (!command) throw new UsageError(`unknown command: ${name}`);
    const code = command(rest);
    return typeof code === 'number' ? code : code.catch(failed);
  } catch (error) {
    return failed(error);
  }
}

/** Usage errors and crashes alike end with a message on stderr and exit code 2. */
function failed(error: unknown): number {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`bulletin: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  process.stderr.write(`bulletin: ${(error as Error).stack ?? String(error)}\n`);
  return 2;
}

void Promise.resolve(main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});

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

const USAGE = `Usage:
  bulletin check [--format text|json] [--lang ja|en] [--rule CODE=SEVERITY]... [--id-pattern REGEX] PATH...
  bulletin render [-o OUT.html | --out-dir DIR] [--workspace DIR] [--lang ja|en] FILE...
`;

type Command = (args: string[]) => number;

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
      },
    });
    if (positionals.length === 0) throw new UsageError('check needs at least one file or folder');
    if (!['text', 'json'].includes(values.format!)) throw new UsageError(`unknown format: ${values.format}`);
    const severities: Record<string, SeveritySetting> = {};
    for (const entry of values.rule!) {
      const [code, severity] = entry.split('=');
      if (!code || !['error', 'warning', 'information', 'hint', 'off'].includes(severity)) throw new UsageError(`--rule takes CODE=error|warning|information|hint|off, not ${entry}`);
      severities[code] = severity as SeveritySetting;
    }
    let idPattern: RegExp | undefined;
    if (values['id-pattern']) {
      try {
        idPattern = new RegExp(values['id-pattern']);
      } catch (error) {
        throw new UsageError(`--id-pattern is not a valid regular expression: ${(error as Error).message}`);
      }
    }
    const locale = cliLocale(values.lang);
    const files = findBulletins(positionals);
    const report = checkFiles(files, { locale, severities, idPattern }, process.cwd());
    process.stdout.write(values.format === 'json' ? formatJson(report) : formatText(report, locale));
    for (const u of report.unreadable) process.stderr.write(`bulletin: cannot read ${u.file}: ${u.reason}\n`);
    if (report.unreadable.length > 0) return 2;
    return report.findings.some((f) => f.severity === 'error') ? 1 : 0;
  },
  render: renderCommand,
};

export function main(argv: string[]): number {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    (name ? process.stdout : process.stderr).write(USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  try {
    if (!command) throw new UsageError(`unknown command: ${name}`);
    return command(rest);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`bulletin: ${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    process.stderr.write(`bulletin: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));

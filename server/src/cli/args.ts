/**
 * The commands' options in one place (the parsers and the help read them), and the checks of
 * their values. A wrong argument is a UsageError that says what is wrong in one line and, where
 * one is near enough to be a typo, names what was meant.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest } from '../core/schema/suggest';
import type { SeveritySetting } from '../core/problems';
import { rules } from '../core/rules';
import { displayPath } from './display';
import { UsageError } from './errors';

type Options = NonNullable<ParseArgsConfig['options']>;

export const commandOptions = {
  check: {
    format: { type: 'string', default: 'text' },
    'max-warnings': { type: 'string' },
    rule: { type: 'string', multiple: true, default: [] },
    'id-pattern': { type: 'string' },
    cache: { type: 'string' },
    'max-file-size': { type: 'string' },
    'show-suppressed': { type: 'boolean', default: false },
    lang: { type: 'string' },
  },
  render: {
    out: { type: 'string', short: 'o' },
    'out-dir': { type: 'string' },
    workspace: { type: 'string' },
    lang: { type: 'string' },
  },
  diff: {
    since: { type: 'string' },
    format: { type: 'string', default: 'text' },
    rule: { type: 'string', multiple: true, default: [] },
    lang: { type: 'string' },
  },
  csaf: {
    out: { type: 'string', short: 'o' },
    'publisher-name': { type: 'string' },
    'publisher-namespace': { type: 'string' },
    'publisher-category': { type: 'string' },
    'base-url': { type: 'string' },
    lang: { type: 'string' },
  },
} as const satisfies Record<string, Options>;

export type CommandName = keyof typeof commandOptions;

export const commandNames = Object.keys(commandOptions) as CommandName[];

/** `-h`/`--help` before a `--`: the user asks for help whatever else the line says. */
export function asksForHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}

/** The value of `--lang` (as `--lang X` or `--lang=X`) before any parsing, for help and error messages. */
export function langArgument(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') return undefined;
    if (args[i] === '--lang') return args[i + 1];
    if (args[i].startsWith('--lang=')) return args[i].slice('--lang='.length);
  }
  return undefined;
}

const quote = (text: string) => `'${displayPath(text).replace(/^"|"$/g, '')}'`;

/** node:util parseArgs with its errors as one-line UsageErrors (unknown options get the nearest known one). */
export function parseCommandArgs<C extends CommandName>(command: C, args: string[]) {
  const options = commandOptions[command];
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const option = /Unknown option '([^']*)'/.exec(message)?.[1] ?? message;
      const known = [...Object.entries(options).flatMap(([name, o]) => [`--${name}`, ...('short' in o ? [`-${o.short}`] : [])]), '--help'];
      const name = option.split('=')[0];
      const near = name.startsWith('--') ? closest(name, known) : undefined;
      throw new UsageError(`unknown option ${quote(option)}${near ? `; did you mean '${near}'?` : ''}`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const option = /Option '(?:-\w, )?(--[\w-]+)/.exec(message)?.[1];
      if (option && /argument missing/.test(message)) throw new UsageError(`${option} needs a value`);
      if (option) throw new UsageError(`${option} takes a value (${option}=VALUE to give one that starts with '-')`);
    }
    if (code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError(message.split('\n')[0]);
    throw error;
  }
}

/** `--max-warnings N`: whole decimal digits only (not '', 0x1, 1e0, Infinity, -1 or 1.0). */
export function parseMaxWarnings(value: string | undefined): number {
  if (value === undefined) return Infinity;
  if (!/^[0-9]+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number (digits 0-9), not ${quote(value)}`);
  return Number(value);
}

const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/** `--rule CODE=SEVERITY`, repeated: every code must be a rule's, every severity one of five. */
export function parseRuleSeverities(entries: readonly string[]): Record<string, SeveritySetting> {
  const codes = rules.map((rule) => rule.code);
  const severities: Record<string, SeveritySetting> = {};
  for (const entry of entries) {
    const equals = entry.indexOf('=');
    const code = equals < 0 ? entry : entry.slice(0, equals);
    const severity = equals < 0 ? '' : entry.slice(equals + 1);
    if (!code || !(SEVERITY_SETTINGS as readonly string[]).includes(severity)) {
      const near = severity ? closest(severity, SEVERITY_SETTINGS) : undefined;
      throw new UsageError(`--rule takes CODE=${SEVERITY_SETTINGS.join('|')}, not ${quote(entry)}${near ? `; did you mean '${near}'?` : ''}`);
    }
    if (!codes.includes(code)) {
      const near = closest(code, codes);
      throw new UsageError(`--rule: unknown rule code ${quote(code)}; ${near ? `did you mean '${near}'?` : `the codes are ${codes.join(', ')}`}`);
    }
    severities[code] = severity as SeveritySetting;
  }
  return severities;
}

const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  const near = closest(value, FORMATS);
  throw new UsageError(`--format takes text, json or sarif, not ${quote(value)}${near ? `; did you mean '${near}'?` : ''}`);
}

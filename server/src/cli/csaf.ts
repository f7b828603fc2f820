/**
 * `bulletin csaf FILE [-o OUT.json]`: the bulletin as a CSAF 2.0 security advisory, written
 * only when it passes the CSAF 2.0 strict schema and every mandatory test; otherwise the
 * failures are listed on the bulletin's YAML lines (exit 1). The publisher comes from the
 * flags, else from `bulletin.csaf.publisher` in the nearest `.vscode/settings.json`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { analyzeText } from '../core/analyze';
import { exportBulletin, PUBLISHER_CATEGORIES, type CsafPublisher, type RelatedBulletinInfo } from '../core/csaf';
import { validateCsaf } from '../core/csaf/validate';
import type { Locale } from '../core/messages';
import { msg } from '../core/messages';
import type { Problem } from '../core/problems';
import { positionAt, type LineStarts } from '../core/text';
import { decodeFile } from './check';
import { findBulletins, UsageError } from './files';
import { displayPath, escapeControl } from './display';
import { describeError, ioError } from './errors';
import { checkOutputPath, writeOutputFile } from './output';

export interface CsafCommandOptions {
  file: string;
  out?: string;
  locale: Locale;
  publisher: Partial<CsafPublisher>;
  /** `--base-url`: where the publisher serves its CSAF files (else `bulletin.csaf.baseUrl` in the settings). */
  baseUrl?: string;
}

/** JSON with comments and trailing commas (VS Code settings files) → value. */
export function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2);
      if (i < 0) break;
      i++;
    } else {
      out += c;
    }
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}

/** `bulletin.csaf.publisher` from the nearest `.vscode/settings.json` above the bulletin. */
function publisherFromSettings(file: string): Partial<CsafPublisher> {
  const publisher = csafSetting(file, 'publisher');
  return publisher && typeof publisher === 'object' ? (publisher as Partial<CsafPublisher>) : {};
}

/** The base URL: the flag, else `bulletin.csaf.baseUrl` of the nearest settings; an absolute https or http URL. */
export function resolveBaseUrl(file: string, flag: string | undefined): string | undefined {
  const value = flag ?? csafSetting(file, 'baseUrl');
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !/^https?:\/\/[^/\s]+/i.test(value)) throw new UsageError(`the base URL must be an absolute web address such as https://example.com/csaf, not ${JSON.stringify(value)}`);
  return value;
}

/** `bulletin.csaf.<name>` (flat or nested) from the nearest `.vscode/settings.json` above the bulletin. */
function csafSetting(file: string, name: string): unknown {
  for (let folder = dirname(resolve(file)); ; folder = dirname(folder)) {
    const settings = join(folder, '.vscode', 'settings.json');
    if (existsSync(settings)) {
      let value: unknown;
      try {
        value = parseJsonc(readFileSync(settings, 'utf8'));
      } catch (error) {
        throw new UsageError(`cannot read ${displayPath(settings)}: ${(error as Error).message}`);
      }
      const direct = (value as Record<string, unknown>)?.[`bulletin.csaf.${name}`];
      const nested = ((value as Record<string, Record<string, Record<string, unknown>>>)?.bulletin?.csaf as Record<string, unknown> | undefined)?.[name];
      const found = direct ?? nested;
      if (found !== undefined) return found;
    }
    if (dirname(folder) === folder) return undefined;
  }
}

export function resolvePublisher(file: string, flags: Partial<CsafPublisher>, locale: Locale): CsafPublisher {
  const fromSettings = publisherFromSettings(file);
  const publisher = {
    category: flags.category ?? fromSettings.category ?? 'other',
    name: flags.name ?? fromSettings.name ?? '',
    namespace: flags.namespace ?? fromSettings.namespace ?? '',
  };
  if (!publisher.name || !publisher.namespace) throw new UsageError(msg(locale, 'csaf.export.publisherMissing') + ' (--publisher-name NAME --publisher-namespace URI)');
  if (!(PUBLISHER_CATEGORIES as readonly string[]).includes(publisher.category)) {
    throw new UsageError(`publisher category must be one of ${PUBLISHER_CATEGORIES.join(', ')}, not ${publisher.category}`);
  }
  return publisher;
}

/** Title and first advisory of every bulletin beside FILE (its folder, recursively), by id. */
function relatedLookup(file: string): (id: string) => RelatedBulletinInfo | undefined {
  const known = new Map<string, RelatedBulletinInfo>();
  for (const path of findBulletins([dirname(resolve(file))])) {
    let value: Record<string, unknown>;
    try {
      value = analyzeText(path, decodeFile(path)).parsed.value as Record<string, unknown>;
    } catch {
      continue; // an unreadable neighbour only loses its reference
    }
    if (!value || typeof value.id !== 'string' || known.has(value.id)) continue;
    const first = Array.isArray(value.advisories) ? (value.advisories[0] as Record<string, unknown> | undefined) : undefined;
    known.set(value.id, { title: typeof value.title === 'string' ? value.title : undefined, url: typeof first?.url === 'string' ? first.url : undefined });
  }
  return (id) => known.get(id);
}

function formatProblem(file: string, lineStarts: LineStarts, p: Problem): string {
  const at = positionAt(lineStarts, p.offset);
  return `${file}:${at.line + 1}:${at.character + 1} ${p.severity} ${p.code} ${escapeControl(p.message)}`;
}

export async function csafCommand(options: CsafCommandOptions): Promise<number> {
  let text: string;
  try {
    text = decodeFile(options.file);
  } catch (error) {
    throw ioError('read', options.file, describeError(error));
  }
  // A refused output is reported before the (slow) validation, and checked again when written.
  if (options.out) checkOutputPath(options.out, [options.file]);
  const publisher = resolvePublisher(options.file, options.publisher, options.locale);
  const baseUrl = resolveBaseUrl(options.file, options.baseUrl);
  const analysis = analyzeText(options.file, text, { locale: options.locale });
  const shown = displayPath(relative(process.cwd(), options.file) || options.file);
  const result = await exportBulletin(analysis, { publisher, lookup: relatedLookup(options.file), engine: { name: 'Bulletin' }, baseUrl }, options.locale, validateCsaf);
  if (result.kind !== 'valid') {
    const problems = result.kind === 'refused' ? result.errors : result.problems;
    if (result.kind === 'refused') process.stderr.write(msg(options.locale, 'csaf.export.intrinsicErrors', { count: problems.length }) + '\n');
    for (const p of problems) process.stderr.write(formatProblem(shown, analysis.bulletin.lineStarts, p) + '\n');
    return 1;
  }
  const json = JSON.stringify(result.csaf, null, 2) + '\n';
  if (options.out) {
    writeOutputFile(options.out, json, [options.file]);
    // As `render` says what it wrote: a file written in silence looks like nothing happened.
    process.stderr.write(`bulletin: wrote ${displayPath(options.out)}\n`);
  } else process.stdout.write(json);
  return 0;
}

/**
 * `bulletin csaf-validator` (internal): the language server's validator child process. It
 * answers `{ id, csaf }` messages on the IPC channel with `{ id, failures }` (or `{ id, error }`),
 * so the library's one-time load (about 2 s of CPU: ajv compiles the schemas of the mandatory
 * tests) and every validation happen outside the server's event loop. Ends with its parent.
 */
export function csafValidatorService(): Promise<number> {
  if (!process.send) throw new UsageError('csaf-validator runs only as a child process with an IPC channel');
  return new Promise((resolve) => {
    process.on('message', (message: { id: number; csaf: unknown }) => {
      validateCsaf(message.csaf).then(
        (failures) => process.send!({ id: message.id, failures }),
        (error: unknown) => process.send!({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
      );
    });
    process.on('disconnect', () => resolve(0));
  });
}

/**
 * `bulletin render FILE... [-o OUT.html | --out-dir DIR] [--workspace DIR]`: the preview's
 * page as standalone HTML files, with the same index, findings and renderer as the server.
 * The workspace (for the comparison tables) is every bulletin under --workspace, by default
 * under each file's folder.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { cliLocale } from './locale';
import { analyzeText, checkBulletin, type Analysis, type CheckOptions } from '../core/analyze';
import { WorkspaceIndex } from '../core/index/workspace-index';
import { findingsInBulletinLanguage, pageBesideSource, renderBulletin, standaloneHtml, type PageLocations } from '../core/render';
import { decodeFile } from './check';
import { BULLETIN_FILE, findBulletins, UsageError } from './files';
import { parseCommandArgs } from './args';
import { displayPath } from './display';
import { CliError, describeError, ioError } from './errors';
import { checkOutputPath, writeOutputFile } from './output';

export interface RenderCliOptions {
  out?: string;
  outDir?: string;
  workspace?: string;
  check: CheckOptions;
}

/** The stylesheet shipped with the extension (`client/media/preview.css`), next to `dist/`. */
export function readPreviewCss(): string {
  const candidates = [join(__dirname, '..', 'client', 'media', 'preview.css'), join(__dirname, '..', '..', '..', 'client', 'media', 'preview.css')];
  for (const path of candidates) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      // try the next layout (bundled dist/ or sources run through tsx)
    }
  }
  // An installation without it is incomplete: said in one line, not as a bug's stack.
  throw new CliError(`the preview stylesheet was not found (looked in ${candidates.join(', ')}): the installation is incomplete`);
}

/** Renders each file; returns the paths written (or the single page for stdout when no output was given). */
export function renderFiles(inputs: readonly string[], options: RenderCliOptions, write: (text: string) => void): string[] {
  const files = findBulletins(inputs);
  if (files.length === 0) throw new UsageError('render found no *.bulletin.yaml file');
  if (files.length > 1 && !options.outDir) throw new UsageError('render of several files needs --out-dir DIR');
  if (options.out && options.outDir) throw new UsageError('give either -o FILE or --out-dir DIR, not both');

  const workspaceRoots = options.workspace ? [options.workspace] : [...new Set(files.map((file) => dirname(file)))];
  const index = new WorkspaceIndex();
  const analyses = new Map<string, Analysis>();
  for (const path of new Set([...findBulletins(workspaceRoots), ...files])) {
    let text: string;
    try {
      text = decodeFile(path, options.check.maxFileSize);
    } catch (error) {
      if (files.includes(path)) throw ioError('read', path, describeError(error));
      continue; // an unreadable neighbour only loses its comparison table
    }
    const analysis = analyzeText(path, text, options.check);
    index.set(analysis.bulletin);
    analyses.set(path, analysis);
  }

  const targets = outputTargets(files, options);
  // Every output is checked before the first is written: a refused run writes nothing.
  const read = [...analyses.keys()];
  for (const target of targets.values()) checkOutputPath(target, read);

  const css = readPreviewCss();
  const written: string[] = [];
  for (const file of files) {
    const analysis = analyses.get(file)!;
    // The page is in the bulletin's language, its findings too (`check` words them in the terminal's).
    const findings = findingsInBulletinLanguage(analysis, index, checkBulletin(analysis.bulletin, index, options.check), options.check);
    const pages = pageLocations(file, targets, options);
    const page = standaloneHtml(renderBulletin({ parsed: analysis.parsed, bulletin: analysis.bulletin, index, findings, pages }), css);
    const target = targets.get(file);
    if (target) {
      makeFolder(dirname(resolve(target)), target);
      writeOutputFile(target, page, read);
      written.push(target);
    } else {
      write(page);
    }
  }
  return written;
}

/**
 * Where the pages are, for links between them: the pages this run writes; with `-o`, the other
 * bulletins' pages beside their sources (where Export HTML saves them); with `--out-dir`, only
 * the pages written into it. A page written to stdout has no place, so it links nowhere.
 */
function pageLocations(file: string, targets: ReadonlyMap<string, string>, options: RenderCliOptions): PageLocations {
  const written = new Map([...targets].map(([source, target]) => [resolve(source), resolve(target)]));
  const self = targets.get(file);
  return {
    page: self === undefined ? undefined : resolve(self),
    pageOf: (source) => written.get(resolve(source)) ?? (options.outDir ? undefined : pageBesideSource(resolve(source))),
  };
}

/** Each file's output path (none: stdout); two files that would write the same page are refused. */
function outputTargets(files: readonly string[], options: RenderCliOptions): Map<string, string> {
  const targets = new Map<string, string>();
  const byPath = new Map<string, string>();
  for (const file of files) {
    let target: string | undefined;
    if (options.outDir) target = join(options.outDir, basename(file).replace(BULLETIN_FILE, '') + '.html');
    else if (options.out) target = options.out;
    if (!target) continue;
    // Case-insensitive file systems (macOS, Windows) would make X.html and x.html one file.
    const key = process.platform === 'linux' ? resolve(target) : resolve(target).toLowerCase();
    const earlier = byPath.get(key);
    if (earlier) {
      const shown = (path: string) => displayPath(relative(process.cwd(), path) || path);
      throw new CliError(`refusing to write ${displayPath(target)} twice: both ${shown(earlier)} and ${shown(file)} would be rendered to it; render them into separate folders`);
    }
    byPath.set(key, file);
    targets.set(file, target);
  }
  return targets;
}

function makeFolder(folder: string, target: string): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw ioError('write', target, `cannot create the folder ${displayPath(folder)}: ${describeError(error)}`);
  }
}

/** The `render` command's argument handling; exit 0 when every page was written. */
export function renderCommand(args: string[]): number {
  const { values, positionals } = parseCommandArgs('render', args);
  if (positionals.length === 0) throw new UsageError('render needs a bulletin file (or folders with --out-dir)');
  const locale = cliLocale(values.lang);
  const written = renderFiles(
    positionals,
    { out: values.out, outDir: values['out-dir'], workspace: values.workspace, check: { locale } },
    (page) => process.stdout.write(page),
  );
  for (const path of written) process.stderr.write(`bulletin: wrote ${displayPath(path)}\n`);
  return 0;
}

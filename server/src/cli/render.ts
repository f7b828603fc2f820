/**
 * `bulletin render FILE... [-o OUT.html | --out-dir DIR] [--workspace DIR]`: the preview's
 * page as standalone HTML files, with the same index, findings and renderer as the server.
 * The workspace (for the comparison tables) is every bulletin under --workspace, by default
 * under each file's folder.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cliLocale } from './locale';
import { analyzeText, checkBulletin, type Analysis, type CheckOptions } from '../core/analyze';
import { WorkspaceIndex } from '../core/index/workspace-index';
import { renderBulletin, standaloneHtml } from '../core/render';
import { decodeFile } from './check';
import { BULLETIN_FILE, findBulletins, UsageError } from './files';

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
  throw new Error(`the preview stylesheet was not found (looked in ${candidates.join(', ')})`);
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
      if (files.includes(path)) throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      continue; // an unreadable neighbour only loses its comparison table
    }
    const analysis = analyzeText(path, text, options.check);
    index.set(analysis.bulletin);
    analyses.set(path, analysis);
  }

  const css = readPreviewCss();
  const written: string[] = [];
  for (const file of files) {
    const analysis = analyses.get(file)!;
    const findings = checkBulletin(analysis.bulletin, index, options.check);
    const page = standaloneHtml(renderBulletin({ parsed: analysis.parsed, bulletin: analysis.bulletin, index, findings }), css);
    let target: string | undefined;
    if (options.outDir) {
      mkdirSync(options.outDir, { recursive: true });
      target = join(options.outDir, basename(file).replace(BULLETIN_FILE, '') + '.html');
    } else if (options.out) {
      mkdirSync(dirname(resolve(options.out)), { recursive: true });
      target = options.out;
    }
    if (target) {
      if (existsAsFolder(target)) throw new UsageError(`${target} is a folder; use --out-dir for a folder`);
      writeFileSync(target, page);
      written.push(target);
    } else {
      write(page);
    }
  }
  return written;
}

function existsAsFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The `render` command's argument handling; exit 0 when every page was written. */
export function renderCommand(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      'out-dir': { type: 'string' },
      workspace: { type: 'string' },
      lang: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('render needs a bulletin file (or folders with --out-dir)');
  const locale = cliLocale(values.lang);
  const written = renderFiles(
    positionals,
    { out: values.out, outDir: values['out-dir'], workspace: values.workspace, check: { locale } },
    (page) => process.stdout.write(page),
  );
  for (const path of written) process.stderr.write(`bulletin: wrote ${path}\n`);
  return 0;
}

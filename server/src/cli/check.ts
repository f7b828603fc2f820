/**
 * `bulletin check`: the server's engine over the files on disk — the same records, read on
 * every core by the same index workers, the same index and rules, and with `--cache DIR` the
 * same warm-start cache (records and findings) between runs.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { checkBulletinWithSuppressed, type CheckOptions } from '../core/analyze';
import type { SuppressedProblem } from '../core/suppress';
import { isRead, modelOfRead, readBulletinSync, reasonOf } from '../io/bulletin-read';
import { CHECKS_PER_FORGET, WorkspaceIndex } from '../core/index/workspace-index';
import { positionAt, type LineStarts } from '../core/text';
import type { Problem, Severity } from '../core/problems';
import { IndexWorkers } from '../lsp/index-workers';
import { findingsDigest, WorkspaceCache, type CacheEntry, type DiskInfo } from '../lsp/workspace-cache';
import { loadWorkspace, pathOf, uriOf } from '../lsp/workspace-load';
import type { GitHistory } from '../io/git';
import { committedVersions } from './committed';

export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: string;
  severity: Severity;
  message: string;
  related: { file: string; line: number; column: number; message: string }[];
}

/** A finding a comment accepted in place (`--show-suppressed`), with the comment's reason and place. */
export interface SuppressedFinding extends Finding {
  suppression: { kind: 'line' | 'file'; reason: string; line: number; column: number };
}

export interface CheckReport {
  files: number;
  findings: Finding[];
  /** With `--show-suppressed`: the findings that suppression comments accepted. */
  suppressed?: SuppressedFinding[];
  /** Files that could not be read: reported, and the run ends with exit code 2. */
  unreadable: { file: string; reason: string }[];
  /** What became of `--cache`: undefined without it. */
  cache?: { discarded?: string; restored: boolean };
  /** Symbolic links under the folders given that were not followed (io/link-policy.ts). */
  skippedLinks?: number;
}

/** A file's text (regular files only, at most `limit` bytes: io/bounded-read.ts); throws with the reason as `code`. */
export function decodeFile(path: string, limit?: number): string {
  const read = readBulletinSync(path, limit);
  if (isRead(read) && !read.tooLarge) return read.text;
  throw Object.assign(new Error(`cannot read ${path}: ${reasonOf(read)}`), { code: reasonOf(read) });
}

export interface CheckRun {
  /** `--cache DIR`: the warm-start cache between runs. */
  cacheDir?: string;
  /** `--show-suppressed`. */
  showSuppressed?: boolean;
  /** `keep.index` receives the workspace index the check ran on (`bulletin diff --since` goes on from it). */
  keep?: { index?: WorkspaceIndex };
  /** Git, for `unrevised-change` against each bulletin's last commit; without it the rule is silent. */
  git?: GitHistory;
}

export async function checkFiles(paths: readonly string[], checkOptions: CheckOptions, cwd: string, run: CheckRun = {}): Promise<CheckReport> {
  const { cacheDir, showSuppressed = false, keep } = run;
  const history = run.git ? await committedVersions(paths.map((path) => resolve(path)), run.git, (path) => readText(path, checkOptions.maxFileSize)) : undefined;
  const options: CheckOptions = history ? { ...checkOptions, history: history.lookup } : checkOptions;
  const index = new WorkspaceIndex();
  const unreadable: CheckReport['unreadable'] = [];
  const uris = paths.map((path) => uriOf(resolve(path)));
  const analysisKey = `${options.locale ?? 'en'}\u0000${options.idPattern?.source ?? ''}\u0000${options.maxFileSize ?? ''}`;
  const settingsKey = `${analysisKey}\u0000${JSON.stringify(options.severities ?? {})}\u0000${history?.key ?? ''}`;
  const cache = cacheDir === undefined ? undefined : new WorkspaceCache(resolve(cacheDir), [resolve(cwd)], analysisKey);
  const loaded = await cache?.load();
  const saved = loaded && 'entries' in loaded ? loaded : undefined;
  const { disk, parsed } = await loadWorkspace(uris, {
    options: checkOptions, // posted to the index workers: plain data only, no history lookup
    cached: saved?.entries,
    workers: IndexWorkers.create(),
    isOpen: () => false,
    skip: () => false,
    cancelled: () => false,
    setModel: (bulletin) => index.set(bulletin),
    onError: () => undefined, // read again below, for its reason
  });
  // What the engine could not read: read here, to say why (or to parse it, if it can be read now).
  const read: string[] = [];
  for (let i = 0; i < uris.length; i++) {
    const uri = uris[i];
    if (!index.has(uri)) {
      const file = readBulletinSync(paths[i], options.maxFileSize);
      if (!isRead(file)) {
        unreadable.push({ file: relative(cwd, paths[i]) || paths[i], reason: reasonOf(file) });
        continue;
      }
      // A file over the size limit: its one finding, nothing parsed.
      index.set(modelOfRead(uri, file, options));
      disk.delete(uri);
    }
    read.push(uri);
  }
  const hashes = new Map<string, string>();
  for (const uri of read) hashes.set(uri, index.get(uri)!.hash);
  const digest = findingsDigest(hashes, settingsKey);
  // The cache keeps the findings reported, not those suppressed: listing those means checking.
  const restored = !showSuppressed && saved?.digest === digest && read.every((uri) => saved.entries.get(uri)?.problems !== undefined);
  const problemsOf = new Map<string, Problem[]>();
  const suppressedOf = new Map<string, SuppressedProblem[]>();
  let checked = 0;
  for (const uri of read) {
    if (restored) {
      problemsOf.set(uri, saved.entries.get(uri)!.problems!);
      continue;
    }
    const result = checkBulletinWithSuppressed(index.get(uri)!, index, options);
    problemsOf.set(uri, result.problems);
    suppressedOf.set(uri, result.suppressed);
    if (++checked % CHECKS_PER_FORGET === 0) index.forgetViews();
  }
  index.forgetViews();
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const uri of read) {
    const bulletin = index.get(uri)!;
    for (const p of problemsOf.get(uri)!) findings.push(toFinding(p, bulletin.lineStarts, uri, index, cwd));
    for (const s of suppressedOf.get(uri) ?? []) {
      const at = positionAt(bulletin.lineStarts, s.offset);
      suppressed.push({ ...toFinding(s.problem, bulletin.lineStarts, uri, index, cwd), suppression: { kind: s.kind, reason: s.reason, line: at.line + 1, column: at.character + 1 } });
    }
  }
  // A cache that gave back every record and every finding, for files that did not change on
  // disk, would be written again as it is: left alone. (A record it could not give back, its
  // file read instead, is written anew.)
  const unchanged = restored && parsed === 0 && read.every((uri) => sameDisk(saved.entries.get(uri), disk.get(uri)));
  if (cache && !unchanged) await saveCache(cache, read, index, disk, problemsOf, digest);
  if (keep) keep.index = index;
  return { files: read.length, findings, ...(showSuppressed ? { suppressed } : {}), unreadable, ...(cache ? { cache: { discarded: loaded && 'discarded' in loaded ? loaded.discarded : undefined, restored } } : {}) };
}

/** `decodeFile`, or undefined for a file that cannot be read (the check reports it). */
function readText(path: string, limit?: number): string | undefined {
  try {
    return decodeFile(path, limit);
  } catch {
    return undefined;
  }
}

const sameDisk = (a: DiskInfo | undefined, b: DiskInfo | undefined) =>
  a !== undefined && b !== undefined && a.hash === b.hash && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;

/** Writes every record read from a file that has not changed since, with its findings. */
async function saveCache(cache: WorkspaceCache, uris: readonly string[], index: WorkspaceIndex, disk: Map<string, DiskInfo>, problemsOf: Map<string, Problem[]>, digest: string): Promise<void> {
  const entries = function* (): Generator<[string, CacheEntry]> {
    for (const uri of uris) {
      const info = disk.get(uri);
      const bulletin = index.get(uri);
      if (!info || !bulletin || info.hash !== bulletin.hash) continue;
      yield [uri, { ...info, record: bulletin.record, problems: problemsOf.get(uri) }];
    }
  };
  await cache.save(entries(), digest);
}

/** A document key as the user reads it: a path relative to where the check ran. */
function shown(uri: string, cwd: string): string {
  const path = uri.startsWith('file:') ? pathOf(uri) : uri;
  return relative(cwd, path) || path;
}

function toFinding(p: Problem, lineStarts: LineStarts, uri: string, index: WorkspaceIndex, cwd: string): Finding {
  const start = positionAt(lineStarts, p.offset);
  const end = positionAt(lineStarts, p.offset + p.length);
  return {
    file: shown(uri, cwd),
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    code: p.code,
    severity: p.severity,
    message: p.message,
    related: (p.related ?? []).flatMap((r) => {
      const starts = index.get(r.uri)?.lineStarts;
      if (!starts) return [];
      const at = positionAt(starts, r.offset);
      return [{ file: shown(r.uri, cwd), line: at.line + 1, column: at.character + 1, message: r.message }];
    }),
  };
}

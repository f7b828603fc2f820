/**
 * `bulletin diff OLD NEW` and `bulletin diff --since REF [PATH]...`: the semantic diff of two
 * versions of a bulletin, or of every bulletin changed since a git ref, and the effect on the
 * workspace: the findings that exist at REF and not now, and now and not at REF, in every
 * bulletin (a changed file version in MS04-012 can create a finding in MS04-029). The tree at
 * REF is never read whole: the workspace is read as `bulletin check` reads it, then only the
 * changed files are read at REF and put in their place, and only the bulletins whose findings
 * can depend on them are checked again.
 */
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { analyzeText, checkBulletin, type CheckOptions } from '../core/analyze';
import { diffTexts, type Change } from '../core/diff';
import { committedVersion } from '../core/history';
import { unrevisedChange } from '../core/rules/unrevised-change';
import { WorkspaceIndex } from '../core/index/workspace-index';
import { positionAt, computeLineStarts, type LineStarts } from '../core/text';
import type { Problem, Severity } from '../core/problems';
import { gitHistory, type GitHistory } from '../io/git';
import { pathOf, uriOf } from '../lsp/workspace-load';
import { checkFiles, decodeFile, type Finding } from './check';
import { BULLETIN_FILE, findBulletins } from './files';
import { CliError } from './errors';
import { displayPath } from './display';

export type FileStatus = 'changed' | 'added' | 'removed' | 'renamed';

export interface DiffChange extends Omit<Change, 'range' | 'pointer'> {
  /** 1-based line of the change in the new text (0: a removed bulletin). */
  line: number;
  pointer: string;
}

export interface FileDiff {
  /** The file now (for a removed one: where it was). */
  file: string;
  status: FileStatus;
  /** A renamed file's old path. */
  from?: string;
  changes: DiffChange[];
}

/** A finding on one side only, with its line on that side. */
export interface EffectFinding {
  file: string;
  line: number;
  code: string;
  severity: Severity;
  message: string;
}

export interface DiffReport {
  /** The ref as given, and the commit it named (`--since` only). */
  ref?: string;
  commit?: string;
  files: FileDiff[];
  /** Findings that exist now and not before, and before and not now. */
  added: EffectFinding[];
  removed: EffectFinding[];
  /** Bulletins read now, and read at the ref (changed ones only). */
  checked: number;
  readAtRef: number;
}

const display = (path: string, cwd: string) => relative(cwd, path) || path;

/** A bulletin's text, or an I/O error that says which file and why (exit 2). */
function readText(path: string, limit?: number): string {
  try {
    return decodeFile(path, limit);
  } catch (error) {
    throw new CliError(`cannot read ${displayPath(path)}: ${(error as { code?: string }).code ?? String(error)}`);
  }
}

function toDiffChange(change: Change, lineStarts: LineStarts): DiffChange {
  // The old value kept for the preview (was, wasIndex) is not part of the JSON output.
  const { range, was: _was, wasIndex: _wasIndex, ...rest } = change;
  return { ...rest, line: positionAt(lineStarts, range[0]).line + 1 };
}

function fileDiff(file: string, status: FileStatus, before: string, after: string, locale: CheckOptions['locale'], from?: string): FileDiff {
  const changes = status === 'changed' || status === 'renamed' ? diffTexts(before, after) : [];
  const lineStarts = computeLineStarts(after);
  return { file, status, ...(from ? { from } : {}), changes: changes.map((c) => toDiffChange(c, lineStarts)) };
}

const keyOf = (f: EffectFinding) => `${f.file}\u0000${f.code}\u0000${f.severity}\u0000${f.message}`;

/** The findings of one side not on the other (a multiset: a finding twice here and once there counts once). */
function only(side: EffectFinding[], other: EffectFinding[]): EffectFinding[] {
  const counts = new Map<string, number>();
  for (const f of other) counts.set(keyOf(f), (counts.get(keyOf(f)) ?? 0) + 1);
  return side.filter((f) => {
    const n = counts.get(keyOf(f)) ?? 0;
    if (n > 0) counts.set(keyOf(f), n - 1);
    return n === 0;
  });
}

function effectOf(p: Problem, lineStarts: LineStarts, file: string): EffectFinding {
  return { file, line: positionAt(lineStarts, p.offset).line + 1, code: p.code, severity: p.severity, message: p.message };
}

/** `bulletin diff OLD NEW`: two files, each checked alone for the findings the change adds or removes. */
export function diffFiles(oldPath: string, newPath: string, options: CheckOptions, cwd: string): DiffReport {
  const before = readText(oldPath, options.maxFileSize);
  const after = readText(newPath, options.maxFileSize);
  const findings = (path: string, text: string) => {
    const index = new WorkspaceIndex();
    const { bulletin } = analyzeText(uriOf(resolve(path)), text, options);
    index.set(bulletin);
    // Both sides under one name, so a finding that stays is the same finding.
    return checkBulletin(bulletin, index, options).map((p) => effectOf(p, bulletin.lineStarts, display(newPath, cwd)));
  };
  const was = findings(oldPath, before);
  const now = findings(newPath, after);
  return { files: [fileDiff(display(newPath, cwd), 'changed', before, after, options.locale)], added: only(now, was), removed: only(was, now), checked: 2, readAtRef: 0 };
}

/** `bulletin diff --since REF [PATH]...`. */
export async function diffSince(ref: string, paths: readonly string[], options: CheckOptions, cwd: string, git: GitHistory = gitHistory()): Promise<DiffReport> {
  const folders = (paths.length > 0 ? paths : ['.']).map((p) => resolve(cwd, p));
  const anchor = folders.find((p) => existsSync(p)) ?? cwd;
  const top = await git.root(resolve(anchor, 'x'));
  if (!top) throw new CliError(`not in a git repository (or git is not installed): ${displayPath(anchor)}`);
  const commit = await git.resolve(ref, top);
  if (!commit) throw new CliError(`git knows no commit named ${JSON.stringify(ref)} in ${displayPath(top)}`);
  const changed = await git.changedSince(commit, top);
  if (!changed) throw new CliError(`git could not list the changes since ${JSON.stringify(ref)}`);
  const within = (path: string) => folders.some((folder) => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep));
  const touched = changed.filter((c) => BULLETIN_FILE.test(c.path) && within(c.path));

  // The workspace now, read and checked as `bulletin check` does.
  const existing = folders.filter((f) => existsSync(f));
  const files = existing.length > 0 ? findBulletins(existing) : [];
  const kept: { index?: WorkspaceIndex } = {};
  const report = await checkFiles(files, options, cwd, { keep: kept });
  if (report.unreadable.length > 0) throw new CliError(`cannot read ${displayPath(report.unreadable[0].file)}: ${report.unreadable[0].reason}`);
  const index = kept.index!;

  // The changed files at REF (and only those).
  const atRef = (await git.textsAt(commit, touched.filter((c) => c.status !== 'A').map((c) => c.path), top)) ?? new Map<string, string>();
  const nowText = (path: string) => readText(path, options.maxFileSize);

  // Renames: a file gone and one new with the same bulletin id are one bulletin moved.
  const gone = touched.filter((c) => c.status === 'D' && atRef.has(c.path));
  const born = touched.filter((c) => c.status === 'A');
  const idOf = (text: string) => /^id:\s*['"]?([^\s'"#]+)/m.exec(text)?.[1];
  const renamedFrom = new Map<string, string>();
  const renamedAway = new Set<string>();
  for (const a of born) {
    const id = idOf(nowText(a.path));
    const d = id && gone.find((g) => !renamedAway.has(g.path) && idOf(atRef.get(g.path)!) === id);
    if (!d) continue;
    renamedFrom.set(a.path, d.path);
    renamedAway.add(d.path);
  }

  const fileDiffs: FileDiff[] = [];
  for (const c of touched) {
    const file = display(c.path, cwd);
    if (c.status === 'M' && atRef.has(c.path)) fileDiffs.push(fileDiff(file, 'changed', atRef.get(c.path)!, nowText(c.path), options.locale));
    else if (c.status === 'A' && renamedFrom.has(c.path)) fileDiffs.push(fileDiff(file, 'renamed', atRef.get(renamedFrom.get(c.path)!)!, nowText(c.path), options.locale, display(renamedFrom.get(c.path)!, cwd)));
    else if (c.status === 'A') fileDiffs.push({ file, status: 'added', changes: [] });
    else if (c.status === 'D' && !renamedAway.has(c.path) && atRef.has(c.path)) fileDiffs.push({ file, status: 'removed', changes: [] });
  }
  const material = fileDiffs.filter((f) => f.status !== 'changed' || f.changes.length > 0);

  // `unrevised-change` against REF (the published version, in a pull request): a bulletin changed
  // since then without a new revision. It exists now and, by its nature, not at REF.
  const unrevised: EffectFinding[] = [];
  const setting = options.severities?.['unrevised-change'];
  if (setting !== 'off') {
    for (const c of touched) {
      const before = atRef.get(renamedFrom.get(c.path) ?? c.path);
      const bulletin = index.get(uriOf(c.path));
      if (before === undefined || !bulletin || c.status === 'D') continue;
      const current = analyzeText(bulletin.uri, nowText(c.path), options);
      const history = (uri: string) => (uri === bulletin.uri ? committedVersion(commit, before, current.parsed) : undefined);
      for (const p of unrevisedChange.check({ bulletin: current.bulletin, index, locale: options.locale ?? 'en', history })) {
        unrevised.push(effectOf(setting ? { ...p, severity: setting } : p, current.bulletin.lineStarts, display(c.path, cwd)));
      }
    }
  }

  // The workspace at REF: the changed files put back as they were, their dependents re-checked.
  const uris = touched.map((c) => uriOf(c.path));
  const affected = new Set<string>(uris);
  for (const uri of uris) for (const other of index.dependentsOf(uri)) affected.add(other);
  const nowFindings: EffectFinding[] = report.findings.filter((f) => affected.has(uriOf(resolve(cwd, f.file)))).map(({ file, line, code, severity, message }) => ({ file, line, code, severity, message }));
  for (const c of touched) {
    const uri = uriOf(c.path);
    const old = atRef.get(c.path);
    if (old === undefined) index.delete(uri);
    else index.set(analyzeText(uri, old, options).bulletin);
  }
  for (const uri of uris) for (const other of index.dependentsOf(uri)) affected.add(other);
  const refFindings: EffectFinding[] = [];
  const fileOf = new Map(touched.map((c) => [uriOf(c.path), display(c.path, cwd)]));
  for (const uri of affected) {
    const bulletin = index.get(uri);
    if (!bulletin) continue;
    const path = fileOf.get(uri) ?? display(pathOf(uri), cwd);
    for (const p of checkBulletin(bulletin, index, options)) refFindings.push(effectOf(p, bulletin.lineStarts, path));
  }
  // A renamed bulletin's findings are compared under its new name.
  const renamedTo = new Map([...renamedFrom].map(([to, from]) => [display(from, cwd), display(to, cwd)]));
  for (const f of refFindings) f.file = renamedTo.get(f.file) ?? f.file;

  return { ref, commit, files: material, added: [...only(nowFindings, refFindings), ...unrevised], removed: only(refFindings, nowFindings), checked: report.files, readAtRef: atRef.size };
}

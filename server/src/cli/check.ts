/** `bulletin check`: the same index and rules as the server, over the files on disk. */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { checkBulletin, type CheckOptions } from '../core/analyze';
import { extractBulletin } from '../core/index/extract';
import { WorkspaceIndex } from '../core/index/workspace-index';
import { positionAt } from '../core/text';
import type { Problem, Severity } from '../core/problems';

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

export interface CheckReport {
  files: number;
  findings: Finding[];
  /** Files that could not be read: reported, and the run ends with exit code 2. */
  unreadable: { file: string; reason: string }[];
}

export function decodeFile(path: string): string {
  const bytes = readFileSync(path);
  // Invalid UTF-8 becomes U+FFFD, which the parser then reports where it stands.
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

export function checkFiles(paths: readonly string[], options: CheckOptions, cwd: string): CheckReport {
  const index = new WorkspaceIndex();
  const unreadable: CheckReport['unreadable'] = [];
  const read: string[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = decodeFile(path);
    } catch (error) {
      unreadable.push({ file: relative(cwd, path) || path, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
      continue;
    }
    // The same models as the server's index of closed files: same findings, same JSON.
    index.set(extractBulletin(path, text, options));
    read.push(path);
  }
  const findings: Finding[] = [];
  for (const path of read) {
    const bulletin = index.get(path)!;
    for (const p of checkBulletin(bulletin, index, options)) findings.push(toFinding(p, bulletin.lineStarts, path, index, cwd));
  }
  return { files: read.length, findings, unreadable };
}

function toFinding(p: Problem, lineStarts: Uint32Array, path: string, index: WorkspaceIndex, cwd: string): Finding {
  const start = positionAt(lineStarts, p.offset);
  const end = positionAt(lineStarts, p.offset + p.length);
  return {
    file: relative(cwd, path) || path,
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
      return [{ file: relative(cwd, r.uri) || r.uri, line: at.line + 1, column: at.character + 1, message: r.message }];
    }),
  };
}

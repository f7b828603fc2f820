/**
 * `unrevised-change` for `bulletin check`: the last committed version (HEAD) of each bulletin
 * that differs from it in the working tree, as the server gives the rule for an open document.
 * Without git, outside a repository or on an unborn branch there is none and the rule is silent,
 * as the spec says. Git runs with io/git.ts's safe options (no hooks, pager or fsmonitor).
 */
import { dirname } from 'node:path';
import { committedVersion, type CommittedVersion, type HistoryLookup } from '../core/history';
import { parse } from '../core/parse';
import type { GitHistory } from '../io/git';
import { uriOf } from '../lsp/workspace-load';

export interface CommittedVersions {
  lookup: HistoryLookup;
  /** What the findings depend on beyond the files' own text (the commit and the bulletins it judges), for the findings cache. */
  key: string;
}

/** `text(path)` reads a bulletin's current text; answers undefined when no bulletin has a committed version that differs. */
export async function committedVersions(paths: readonly string[], git: GitHistory, text: (path: string) => string | undefined): Promise<CommittedVersions | undefined> {
  // One repository per distinct folder, asked once per folder (git.root caches by folder).
  const wanted = new Set(paths);
  const tops = new Set<string>();
  for (const folder of new Set(paths.map((path) => dirname(path)))) {
    const top = await git.root(`${folder}/x`);
    if (top) tops.add(top);
  }
  const versions = new Map<string, CommittedVersion>();
  const commits: string[] = [];
  for (const top of tops) {
    const head = await git.resolve('HEAD', top);
    const changed = head && (await git.changedSince(head, top));
    if (!head || !changed) continue;
    const modified = changed.filter((c) => c.status === 'M' && wanted.has(c.path)).map((c) => c.path);
    const texts = await git.textsAt(head, modified, top);
    for (const [path, before] of texts ?? []) {
      const now = text(path);
      if (now === undefined) continue;
      versions.set(uriOf(path), committedVersion(head, before, parse(now)));
    }
    commits.push(`${top}\u0000${head}`);
  }
  if (versions.size === 0) return undefined;
  return { lookup: (uri) => versions.get(uri), key: `${commits.sort().join('\u0001')}\u0002${[...versions.keys()].sort().join('\u0001')}` };
}

/** `bulletin/index`: every file name in the workspace, every bulletin that ships a name (Show Index), and every id (New Bulletin). */
import type { Connection } from 'vscode-languageserver';
import { IndexRequest, type IndexedFile, type IndexResult } from '../protocol';
import { newestFirst } from '../core/index/order';
import { positionAt } from '../core/text';
import type { BulletinWorkspace } from './bulletin-workspace';
import { runSafe, type Logger } from './run-safe';

export function workspaceIndex(workspace: BulletinWorkspace, file: string | undefined, withIds = false): IndexResult {
  const index = workspace.index;
  const names = new Map<string, string>();
  for (const lower of index.fileNames()) names.set(lower, index.filesByName(lower)[0]?.file.name ?? lower);
  const entries: IndexedFile[] = file
    ? index.filesByName(file).map(({ bulletin, platform, file: f }) => ({
        bulletin: bulletin.id ?? bulletin.uri,
        uri: bulletin.uri,
        published: bulletin.published,
        platform: platform.id ?? '',
        name: f.name,
        variant: f.variant,
        version: f.version,
        size: f.size,
        line: positionAt(bulletin.lineStarts, f.range[0]).line,
      }))
    : [];
  entries.sort(
    (a, b) =>
      a.platform.localeCompare(b.platform) ||
      (a.variant ?? '').localeCompare(b.variant ?? '') ||
      // Newest first, as the hover on a file name lists them.
      newestFirst({ published: a.published, id: a.bulletin, version: a.version }, { published: b.published, id: b.bulletin, version: b.version }),
  );
  const files = [...names.values()].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  return { bulletins: index.size, files, entries, ...(withIds ? { ids: [...index.ids()].sort() } : {}) };
}

export function registerIndexRequest(connection: Connection, workspace: BulletinWorkspace, logger: Logger): void {
  connection.onRequest(IndexRequest, (params, token) => runSafe(logger, 'bulletin/index', { bulletins: 0, files: [], entries: [] }, token, () => workspaceIndex(workspace, params.file, params.ids === true)));
}

/**
 * `bulletin/render`: the page of an open document, made from the server's own analysis of
 * its current version and the findings the workspace holds for that version (the same the
 * diagnostics show).
 */
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { findingsInBulletinLanguage, pageBesideSource, renderBulletin } from '../core/render';
import { RenderRequest, type RenderParams, type RenderResult } from '../protocol';
import { runSafeAsync, type Logger } from './run-safe';
import type { BulletinWorkspace } from './bulletin-workspace';
import type { CommittedVersions } from './history';

export async function renderDocument(workspace: BulletinWorkspace, params: RenderParams, history?: CommittedVersions): Promise<RenderResult | null> {
  const checked = await workspace.checkedDocument(params.uri);
  if (!checked) return null;
  const { document, findings } = checked;
  const analysis = workspace.analysisOf(document);
  const { parsed, bulletin } = analysis;
  // The page is in the bulletin's language, its findings too (the diagnostics are in the editor's).
  const worded = findingsInBulletinLanguage(analysis, workspace.index, findings.problems, workspace.settings.checkOptions);
  const pages = params.page === undefined ? undefined : { page: params.page, pageOf: pageBesideSource };
  // Changes since the last commit, when asked for and git knows them (lsp/history.ts). A preview
  // opened with its bulletin (or restored with the window) asks before git has answered: wait for it.
  // An exported page (`page` given) is for readers: it never carries the editor's marks.
  const showChanges = workspace.settings.showChanges && params.page === undefined;
  if (showChanges && history) await history.settled(document.uri);
  const changes = showChanges ? history?.against(document)?.changes : undefined;
  const page = renderBulletin({ parsed, bulletin, index: workspace.index, findings: worded, allowRemoteImages: workspace.settings.allowRemoteImages, pages, changes });
  return { uri: document.uri, version: document.version, html: page.html, title: page.title, lang: page.lang };
}

export function registerRender(connection: Connection, workspace: BulletinWorkspace, logger: Logger, history?: CommittedVersions): void {
  connection.onRequest(RenderRequest, (params: RenderParams, token: CancellationToken) =>
    runSafeAsync(logger, `render ${params.uri}`, null, token, () => renderDocument(workspace, params, history)),
  );
}

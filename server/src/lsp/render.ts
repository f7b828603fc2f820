/**
 * `bulletin/render`: the page of an open document, made from the server's own analysis of
 * its current version and the findings the workspace holds for that version (the same the
 * diagnostics show).
 */
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { findingsInBulletinLanguage, pageBesideSource, renderBulletin } from '../core/render';
import { RenderRequest, type RenderParams, type RenderResult } from '../protocol';
import { runSafeAsync, type Logger } from './runSafe';
import type { BulletinWorkspace } from './bulletinWorkspace';

export async function renderDocument(workspace: BulletinWorkspace, params: RenderParams): Promise<RenderResult | null> {
  const checked = await workspace.checkedDocument(params.uri);
  if (!checked) return null;
  const { document, findings } = checked;
  const analysis = workspace.analysisOf(document);
  const { parsed, bulletin } = analysis;
  // The page is in the bulletin's language, its findings too (the diagnostics are in the editor's).
  const worded = findingsInBulletinLanguage(analysis, workspace.index, findings.problems, workspace.settings.checkOptions);
  const pages = params.page === undefined ? undefined : { page: params.page, pageOf: pageBesideSource };
  const page = renderBulletin({ parsed, bulletin, index: workspace.index, findings: worded, allowRemoteImages: workspace.settings.allowRemoteImages, pages });
  return { uri: document.uri, version: document.version, html: page.html, title: page.title, lang: page.lang };
}

export function registerRender(connection: Connection, workspace: BulletinWorkspace, logger: Logger): void {
  connection.onRequest(RenderRequest, (params: RenderParams, token: CancellationToken) =>
    runSafeAsync(logger, `render ${params.uri}`, null, token, () => renderDocument(workspace, params)),
  );
}

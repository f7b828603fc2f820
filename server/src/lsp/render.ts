/**
 * `bulletin/render`: the page of an open document, made from the server's own analysis of
 * its current version and the findings the workspace holds for that version (the same the
 * diagnostics show).
 */
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { renderBulletin } from '../core/render';
import { RenderRequest, type RenderParams, type RenderResult } from '../protocol';
import { runSafeAsync, type Logger } from './runSafe';
import type { BulletinWorkspace } from './bulletinWorkspace';
import type { CommittedVersions } from './history';

export async function renderDocument(workspace: BulletinWorkspace, params: RenderParams, history?: CommittedVersions): Promise<RenderResult | null> {
  const checked = await workspace.checkedDocument(params.uri);
  if (!checked) return null;
  const { document, findings } = checked;
  const { parsed, bulletin } = workspace.analysisOf(document);
  // Changes since the last commit, when asked for and git knows them (lsp/history.ts).
  const changes = workspace.settings.showChanges ? history?.against(document)?.changes : undefined;
  const page = renderBulletin({ parsed, bulletin, index: workspace.index, findings: findings.problems, allowRemoteImages: workspace.settings.allowRemoteImages, changes });
  return { uri: document.uri, version: document.version, html: page.html, title: page.title, lang: page.lang };
}

export function registerRender(connection: Connection, workspace: BulletinWorkspace, logger: Logger, history?: CommittedVersions): void {
  connection.onRequest(RenderRequest, (params: RenderParams, token: CancellationToken) =>
    runSafeAsync(logger, `render ${params.uri}`, null, token, () => renderDocument(workspace, params, history)),
  );
}

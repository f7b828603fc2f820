/**
 * `bulletin/render`: the page of an open document, made from the server's own analysis of
 * its current version and the same findings the diagnostics show.
 */
import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkBulletin } from '../core/analyze';
import { renderBulletin } from '../core/render';
import { RenderRequest, type RenderParams, type RenderResult } from '../protocol';
import { runSafe, type Logger } from './runSafe';
import type { ServerState } from './state';

export function renderDocument(documents: TextDocuments<TextDocument>, state: ServerState, params: RenderParams): RenderResult | null {
  const document = documents.get(params.uri);
  if (!document) return null;
  const { parsed, bulletin } = state.analysisOf(document);
  const findings = checkBulletin(bulletin, state.index, state.settings.checkOptions);
  const page = renderBulletin({ parsed, bulletin, index: state.index, findings, allowRemoteImages: state.settings.allowRemoteImages });
  return { uri: document.uri, version: document.version, html: page.html, title: page.title, lang: page.lang };
}

export function registerRender(connection: Connection, documents: TextDocuments<TextDocument>, state: ServerState, logger: Logger): void {
  connection.onRequest(RenderRequest, (params: RenderParams, token: CancellationToken) =>
    runSafe(logger, `render ${params.uri}`, null, token, () => renderDocument(documents, state, params)),
  );
}

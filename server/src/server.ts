/**
 * The language server: a thin shell over the pure core. Started by the client over node IPC,
 * or by any editor with `--stdio`.
 */
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  DidChangeConfigurationNotification,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SettingsCache } from './lsp/settings';
import { BulletinWorkspace } from './lsp/bulletinWorkspace';
import { publishFindings, type PublishMode } from './lsp/findingsPublisher';
import { registerRender } from './lsp/render';
import { completionCapabilities, registerCompletion } from './lsp/completion';
import { hoverCapabilities, registerHover } from './lsp/hover';
import { definitionCapabilities, registerDefinition } from './lsp/definition';
import { renameCapabilities, registerRename } from './lsp/rename';
import { symbolCapabilities, registerSymbols } from './lsp/symbols';
import { foldingCapabilities, registerFolding } from './lsp/folding';
import { codeActionCapabilities, registerCodeActions } from './lsp/codeActions';
import { CancelIndexingRequest, ReindexRequest, serverName } from './protocol';
import { WorkspaceManager } from './lsp/workspace';
import { registerPullDiagnostics } from './lsp/pullDiagnostics';
import { registerIndexRequest } from './lsp/workspaceIndexRequest';
import { CsafService } from './lsp/csaf';
import { warmUpDiagnostics } from './lsp/diagnostics';
import { runSafeVoid } from './lsp/runSafe';
import { join } from 'node:path';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const logger = { error: (message: string) => connection.console.error(message) };
const settings = new SettingsCache(connection);
const workspace = new BulletinWorkspace({ documents, settings, logger, now: () => performance.now(), analysisWorker: { script: join(__dirname, 'analysisWorker.js') } });
const publishMode: PublishMode = { pull: false, refreshSupported: false };
publishFindings(connection, workspace, publishMode);
registerRender(connection, workspace, logger);
const authoring = { connection, documents, workspace, logger };
for (const register of [registerCompletion, registerHover, registerDefinition, registerRename, registerSymbols, registerFolding, registerCodeActions]) register(authoring);
const folders = new WorkspaceManager(connection, workspace, logger);
registerIndexRequest(connection, workspace, logger);
connection.onRequest(ReindexRequest, () => folders.reindex());
connection.onRequest(CancelIndexingRequest, () => folders.cancelIndexing());
const csaf = new CsafService({ connection, documents, workspace, logger });
let dynamicConfiguration = false;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const capabilities = params.capabilities;
  const supportsConfiguration = capabilities.workspace?.configuration === true;
  dynamicConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  settings.init(params.locale, supportsConfiguration);
  folders.initialize(params);
  // Pull diagnostics where the client supports them (every bulletin, open or not), push otherwise.
  publishMode.pull = capabilities.textDocument?.diagnostic !== undefined;
  publishMode.refreshSupported = capabilities.workspace?.diagnostics?.refreshSupport === true;
  if (publishMode.pull) registerPullDiagnostics(connection, workspace, folders);
  // Compile the keystroke path while the client finishes starting (runs once this answer is sent).
  setImmediate(() => runSafeVoid(logger, 'warm-up', warmUpDiagnostics));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
      ...completionCapabilities,
      ...hoverCapabilities,
      ...definitionCapabilities,
      ...renameCapabilities,
      ...symbolCapabilities,
      ...foldingCapabilities,
      ...codeActionCapabilities,
      ...(publishMode.pull ? { diagnosticProvider: { identifier: 'bulletin', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
    },
    serverInfo: { name: serverName },
  };
});

connection.onInitialized(async () => {
  if (dynamicConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: ['bulletin', 'files.exclude'] });
  }
  await settings.refresh();
  workspace.recheckOpen();
  await folders.start();
});

connection.onDidChangeWatchedFiles((params) => void folders.watchedFilesChanged(params.changes));

connection.onDidChangeConfiguration(async (change) => {
  await settings.refresh(change.settings);
  workspace.settingsChanged();
  csaf.settingsChanged(change.settings);
  workspace.recheckOpen();
  await folders.configurationChanged(change.settings);
});

documents.onDidOpen((event) => {
  folders.opened(event.document.uri);
  workspace.documentChanged(event.document.uri);
});
documents.onDidChangeContent((event) => workspace.documentChanged(event.document.uri));
// A closed workspace file keeps its findings (from its text on disk); any other closed document loses them.
documents.onDidClose((event) => {
  csaf.forget(event.document.uri);
  void folders.closed(event.document.uri);
});

documents.listen(connection);
connection.listen();

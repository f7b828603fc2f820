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
import { ServerState } from './lsp/state';
import { ValidationQueue } from './lsp/validation';
import { registerRender } from './lsp/render';
import { completionCapabilities, completionClientCapabilities, registerCompletion } from './lsp/completion';
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

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const logger = { error: (message: string) => connection.console.error(message) };
const settings = new SettingsCache(connection);
const state = new ServerState(settings);
const validation = new ValidationQueue(connection, documents, state, logger);
registerRender(connection, documents, state, logger);
const authoring = { connection, documents, state, logger };
for (const register of [registerCompletion, registerHover, registerDefinition, registerRename, registerSymbols, registerFolding, registerCodeActions]) register(authoring);
const workspace = new WorkspaceManager(connection, documents, state, validation, logger);
registerIndexRequest(connection, state, logger);
connection.onRequest(ReindexRequest, () => workspace.reindex());
connection.onRequest(CancelIndexingRequest, () => workspace.cancelIndexing());
const csaf = new CsafService({ connection, documents, state, logger });
let dynamicConfiguration = false;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const capabilities = params.capabilities;
  const supportsConfiguration = capabilities.workspace?.configuration === true;
  dynamicConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  settings.init(params.locale, supportsConfiguration);
  completionClientCapabilities(capabilities);
  workspace.initialize(params);
  // Pull diagnostics where the client supports them (every bulletin, open or not), push otherwise.
  validation.pull = capabilities.textDocument?.diagnostic !== undefined;
  validation.refreshSupported = capabilities.workspace?.diagnostics?.refreshSupport === true;
  if (validation.pull) registerPullDiagnostics(connection, state, validation, workspace);
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
      ...(validation.pull ? { diagnosticProvider: { identifier: 'bulletin', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
    },
    serverInfo: { name: serverName },
  };
});

connection.onInitialized(async () => {
  if (dynamicConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: ['bulletin', 'files.exclude'] });
  }
  await settings.refresh();
  validation.requestAllOpen();
  await workspace.start();
});

connection.onDidChangeWatchedFiles((params) => void workspace.watchedFilesChanged(params.changes));

connection.onDidChangeConfiguration(async (change) => {
  await settings.refresh(change.settings);
  state.settingsChanged();
  csaf.settingsChanged(change.settings);
  validation.requestAllOpen();
  await workspace.configurationChanged(change.settings);
});

documents.onDidOpen((event) => {
  workspace.opened(event.document.uri);
  validation.request(event.document.uri);
});
documents.onDidChangeContent((event) => validation.request(event.document.uri));
// A closed workspace file keeps its findings (from its text on disk); any other closed document loses them.
documents.onDidClose((event) => void workspace.closed(event.document.uri));

// What would stop a CSAF export: checked once the rule diagnostics of the edit are out (the
// validation queue settles over a few event-loop turns), sent on a channel of its own.
documents.onDidOpen((event) => void validation.whenIdle().then(() => csaf.request(event.document.uri)));
documents.onDidChangeContent((event) => void validation.whenIdle().then(() => csaf.request(event.document.uri)));
documents.onDidClose((event) => csaf.forget(event.document.uri));

documents.listen(connection);
connection.listen();

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
import { completionCapabilities, registerCompletion } from './lsp/completion';
import { hoverCapabilities, registerHover } from './lsp/hover';
import { definitionCapabilities, registerDefinition } from './lsp/definition';
import { renameCapabilities, registerRename } from './lsp/rename';
import { symbolCapabilities, registerSymbols } from './lsp/symbols';
import { foldingCapabilities, registerFolding } from './lsp/folding';
import { codeActionCapabilities, registerCodeActions } from './lsp/codeActions';
import { serverName } from './protocol';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const logger = { error: (message: string) => connection.console.error(message) };
const settings = new SettingsCache(connection);
const state = new ServerState(settings);
const validation = new ValidationQueue(connection, documents, state, logger);
registerRender(connection, documents, state, logger);
const authoring = { connection, documents, state, logger };
for (const register of [registerCompletion, registerHover, registerDefinition, registerRename, registerSymbols, registerFolding, registerCodeActions]) register(authoring);
let dynamicConfiguration = false;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const capabilities = params.capabilities;
  const supportsConfiguration = capabilities.workspace?.configuration === true;
  dynamicConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  settings.init(params.locale, supportsConfiguration);
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
    },
    serverInfo: { name: serverName },
  };
});

connection.onInitialized(async () => {
  if (dynamicConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'bulletin' });
  }
  await settings.refresh();
  validation.requestAllOpen();
});

connection.onDidChangeConfiguration(async (change) => {
  await settings.refresh(change.settings);
  state.settingsChanged();
  validation.requestAllOpen();
});

documents.onDidOpen((event) => validation.request(event.document.uri));
documents.onDidChangeContent((event) => validation.request(event.document.uri));
documents.onDidClose((event) => {
  state.forget(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

documents.listen(connection);
connection.listen();

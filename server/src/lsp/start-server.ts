/**
 * The language server, given a connection and the runtime it runs in (files, workers, storage,
 * a clock): everything it holds belongs to this call, so a process (server.ts) or a test can
 * start as many as it likes. A thin shell over the pure core.
 */
import {
  TextDocuments,
  type Connection,
  TextDocumentSyncKind,
  DidChangeConfigurationNotification,
  type InitializeParams,
  type InitializeResult,
  type ClientCapabilities,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SettingsCache } from './settings';
import { BulletinWorkspace } from './bulletin-workspace';
import { publishFindings, type PublishMode } from './findings-publisher';
import { registerRender } from './render';
import { completionCapabilities, completionClientCapabilities, registerCompletion } from './completion';
import { hoverCapabilities, registerHover } from './hover';
import { definitionCapabilities, registerDefinition } from './definition';
import { renameCapabilities, registerRename } from './rename';
import { symbolCapabilities, registerSymbols } from './symbols';
import { foldingCapabilities, registerFolding } from './folding';
import { codeActionCapabilities, codeActionClientCapabilities, registerCodeActions } from './code-actions';
import { formattingCapabilities, registerFormatting } from './formatting';
import { registerScoreHints, scoreHintCapabilities } from './inlay-hints';
import { CancelIndexingRequest, ReindexRequest, serverName, WorkspaceTrustedNotification } from '../protocol';
import { CommittedVersions } from './history';
import { registerCompare } from './compare';
import { WorkspaceManager } from './workspace';
import { registerPullDiagnostics } from './pull-diagnostics';
import { registerIndexRequest } from './workspace-index-request';
import { CsafService } from './csaf';
import { warmUpDiagnostics } from './diagnostics';
import { runSafeVoid } from './run-safe';
import type { ServerRuntime } from './runtime';

/** Starts the server on the connection; `dispose` ends its workers and child processes (done on `shutdown` too). */
export function startServer(connection: Connection, runtime: ServerRuntime): { dispose(): void } {
  const documents = new TextDocuments(TextDocument);
  const logger = { error: (message: string) => connection.console.error(message) };
  const settings = new SettingsCache(connection);
  const workspace = new BulletinWorkspace({ documents, settings, logger, now: runtime.clock.now, analysisWorker: runtime.workers.analysis });
  const publishMode: PublishMode = { pull: false, refreshSupported: false };
  publishFindings(connection, workspace, publishMode, runtime.rulesDoc);
  const client: { capabilities?: ClientCapabilities } = {};
  const authoring = { connection, documents, workspace, logger, clock: runtime.clock, rulesDoc: runtime.rulesDoc, snippetsPath: runtime.snippetsPath, files: runtime.files, client };
  for (const register of [registerCompletion, registerHover, registerDefinition, registerRename, registerSymbols, registerFolding, registerCodeActions, registerFormatting, registerScoreHints]) register(authoring);
  const folders = new WorkspaceManager(connection, workspace, logger, runtime);
  registerIndexRequest(connection, workspace, logger);
  connection.onRequest(ReindexRequest, () => folders.reindex());
  connection.onRequest(CancelIndexingRequest, () => folders.cancelIndexing());
  const csaf = new CsafService({ connection, documents, workspace, logger, runtime });
  const history = new CommittedVersions(runtime.git, documents, workspace, runtime.clock.now, logger);
  workspace.setHistory(history.lookup);
  registerRender(connection, workspace, logger, history);
  registerCompare(connection, documents, history, logger);
  connection.onNotification(WorkspaceTrustedNotification, (params) => history.setTrusted(params?.trusted === true));
  let dynamicConfiguration = false;

  const dispose = () => {
    csaf.dispose();
    workspace.dispose();
  };
  // Its workers and the CSAF validator's process end with the session, not only with the process.
  connection.onShutdown(dispose);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    client.capabilities = capabilities;
    const supportsConfiguration = capabilities.workspace?.configuration === true;
    dynamicConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    settings.init(params.locale, supportsConfiguration);
    completionClientCapabilities(capabilities);
    codeActionClientCapabilities(capabilities);
    folders.initialize(params);
    // Git runs only where the client says the workspace is trusted (absent: it is not).
    history.setTrusted((params.initializationOptions as { workspaceTrusted?: unknown } | undefined)?.workspaceTrusted === true);
    // Pull diagnostics where the client supports them (every bulletin, open or not), push otherwise.
    publishMode.pull = capabilities.textDocument?.diagnostic !== undefined;
    publishMode.refreshSupported = capabilities.workspace?.diagnostics?.refreshSupport === true;
    if (publishMode.pull) registerPullDiagnostics(connection, workspace, folders, runtime.rulesDoc);
    // Compile the keystroke path while the client finishes starting (runs once this answer is sent).
    setImmediate(() => runSafeVoid(logger, 'warm-up', () => warmUpDiagnostics(runtime.rulesDoc)));
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
        ...formattingCapabilities,
        ...scoreHintCapabilities(capabilities),
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
    history.touched(event.document.uri);
  });
  documents.onDidChangeContent((event) => {
    workspace.documentChanged(event.document.uri);
    history.touched(event.document.uri);
  });
  // A closed workspace file keeps its findings (from its text on disk); any other closed document loses them.
  documents.onDidClose((event) => {
    csaf.forget(event.document.uri);
    history.forget(event.document.uri);
    void folders.closed(event.document.uri);
  });

  documents.listen(connection);
  connection.listen();
  return { dispose };
}

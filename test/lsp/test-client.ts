/**
 * The editor's side of a language server session, whatever runs the server (a process over
 * stdio: server-process.ts; the same server in this process: server-in-process.ts).
 * Waits are polls on a condition with a timeout, never fixed sleeps.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ProtocolConnection, Diagnostic, PublishDiagnosticsParams, InitializeParams, InitializeResult, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import type { ServerRuntime } from '../../server/src/lsp/runtime';

export const root = join(__dirname, '..', '..');

export interface ServerOptions {
  settings?: Record<string, unknown>;
  locale?: string;
  workspaceFolders?: string[];
  capabilities?: InitializeParams['capabilities'];
  initializationOptions?: unknown;
  /**
   * Called when the server asks to show work-done progress; the answer waits for the promise it
   * returns. The workspace scan begins with that request, so a test holds the scan there and
   * sees the server while the workspace is still being read.
   */
  onProgressCreate?: () => Promise<void>;
  /** In-process servers only: the runtime's parts to replace (workers, storage, clock). */
  runtime?: Partial<ServerRuntime>;
}

export abstract class TestClient {
  readonly connection: ProtocolConnection;
  /** Latest diagnostics per URI, with the version they were published for. */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly logs: string[] = [];
  /** What the server answered to `initialize` (its capabilities). */
  initializeResult: InitializeResult | undefined;
  /** Every `$/progress` notification (work-done progress), in order. */
  readonly progress: { token: string | number; value: { kind: string; percentage?: number; message?: string; cancellable?: boolean } }[] = [];
  settings: Record<string, unknown>;
  private readonly versions = new Map<string, number>();

  protected constructor(connection: ProtocolConnection, options: ServerOptions) {
    this.settings = options.settings ?? {};
    this.connection = connection;
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'bulletin' ? this.settings : item.section ? (this.settings as Record<string, unknown>)[item.section] ?? null : null)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', async () => {
      await options.onProgressCreate?.();
      return null;
    });
    this.connection.onNotification('$/progress', (params: TestClient['progress'][number]) => {
      this.progress.push(params);
    });
    this.connection.listen();
  }

  /** Sends `initialize` and `initialized` as an editor does; `processId` null: no watch on this process. */
  protected async initialize(options: ServerOptions, processId: number | null): Promise<void> {
    const folders = options.workspaceFolders ?? [];
    this.initializeResult = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId,
      locale: options.locale ?? 'en',
      rootUri: folders[0] ? pathToFileURL(folders[0]).toString() : null,
      workspaceFolders: folders.map((f) => ({ uri: pathToFileURL(f).toString(), name: f })),
      capabilities: options.capabilities ?? {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
      },
      initializationOptions: options.initializationOptions,
    } satisfies InitializeParams);
    await this.connection.sendNotification('initialized', {});
  }

  open(uri: string, text: string, version = 1): void {
    this.versions.set(uri, version);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'bulletin', version, text } });
  }

  /** Opens the two examples as `file:///ws/MS04-012.bulletin.yaml` and `file:///ws/MS04-029.bulletin.yaml`. */
  openExamples(): void {
    for (const name of ['MS04-012', 'MS04-029']) this.open(`file:///ws/${name}.bulletin.yaml`, readFileSync(join(root, 'examples', `${name}.bulletin.yaml`), 'utf8'));
  }

  change(uri: string, changes: TextDocumentContentChangeEvent[]): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /**
   * A notification is written a moment later; if the server has died meanwhile (the crash
   * tests kill it), the failed write is logged here, not left as an unhandled rejection.
   */
  protected notify(method: string, params: object): void {
    this.connection.sendNotification(method, params).catch((error: unknown) => this.logs.push(`${method} not sent: ${error instanceof Error ? error.message : String(error)}\n`));
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { bulletin: settings } });
  }

  /** Polls until the diagnostics of `uri` satisfy `predicate` (and, if given, are for `version`). */
  async waitForDiagnostics(uri: string, predicate: (d: Diagnostic[]) => boolean = () => true, version?: number, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const params = this.diagnostics.get(uri);
      if (params && (version === undefined || params.version === version) && predicate(params.diagnostics)) return params.diagnostics;
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for diagnostics of ${uri} (version ${version}); last: ${JSON.stringify(params)}\nserver log:\n${this.logs.join('')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Ends the session (and the server). */
  abstract stop(): Promise<void>;
}

/**
 * The language server started in this process (`startServer`), driven over a pair of in-memory
 * streams by the same client side as the server process: for the editor-feature tests, which
 * need a server but not a process. Its runtime is the Node one with the built workers
 * (`dist/`), parts of which a test may replace (no workers, a worker that dies).
 */
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createConnection, ProposedFeatures, StreamMessageReader as ServerReader, StreamMessageWriter as ServerWriter } from 'vscode-languageserver/node';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { startServer } from '../../server/src/lsp/start-server';
import { nodeRuntime } from '../../server/src/lsp/node-runtime';
import type { ServerRuntime } from '../../server/src/lsp/runtime';
import { root, TestClient, type ServerOptions } from './test-client';

export { root, type ServerOptions } from './test-client';

/** The runtime of the server process, with the scripts the build put in `dist/`. */
export function builtRuntime(parts: Partial<ServerRuntime> = {}): ServerRuntime {
  return { ...nodeRuntime(join(root, 'dist')), ...parts };
}

export class InProcessServer extends TestClient {
  private constructor(
    private readonly server: { dispose(): void },
    toClient: PassThrough,
    toServer: PassThrough,
    options: ServerOptions,
  ) {
    super(createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer)), options);
  }

  static async start(options: ServerOptions = {}): Promise<InProcessServer> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    // Reader and writer, not streams: the Node connection would end the process when a stream closes.
    const connection = createConnection(ProposedFeatures.all, new ServerReader(toServer), new ServerWriter(toClient));
    const server = startServer(connection, builtRuntime(options.runtime));
    const client = new InProcessServer(server, toClient, toServer, options);
    // No process id: the connection would watch this process and keep a timer for it.
    await client.initialize(options, null);
    return client;
  }

  /**
   * `shutdown` (the server ends its workers), never `exit`: that ends the process it runs in.
   * The server's side of the connection is left open, as a process's would be until it exits:
   * whatever the server still sends goes nowhere instead of failing on a disposed connection.
   */
  async stop(): Promise<void> {
    await Promise.race([this.connection.sendRequest('shutdown').catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    this.server.dispose();
    this.connection.dispose();
  }
}

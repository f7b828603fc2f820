/**
 * The language server process: started by the client over node IPC, or by any editor with
 * `--stdio`. Everything else is `startServer`, with the Node runtime (the scripts beside this bundle).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/start-server';
import { nodeRuntime } from './lsp/node-runtime';

startServer(createConnection(ProposedFeatures.all), nodeRuntime(__dirname));

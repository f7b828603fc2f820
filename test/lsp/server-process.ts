/**
 * A real language server process over stdio, driven the way an editor drives it (the
 * protocol, diagnostics, workspace and crash tests; editor features run in process, see
 * server-in-process.ts). Waits are polls on a condition with a timeout, never fixed sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { serverExecArgv } from '../../server/src/launch';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { root, TestClient, type ServerOptions } from './test-client';

export { root, type ServerOptions } from './test-client';
export const serverPath = join(root, 'dist', 'server.js');

export class ServerProcess extends TestClient {
  readonly child: ChildProcess;

  private constructor(child: ChildProcess, options: ServerOptions) {
    super(createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)), options);
    this.child = child;
    this.child.stderr!.on('data', (chunk) => this.logs.push(String(chunk)));
  }

  static async start(options: ServerOptions = {}): Promise<ServerProcess> {
    if (options.runtime) throw new Error('a server process runs with its own runtime: start it in process to give another');
    // Started as the extension starts it.
    const child = spawn(process.execPath, [...serverExecArgv(availableParallelism()), serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const server = new ServerProcess(child, options);
    await server.initialize(options, process.pid);
    return server;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await this.connection.sendNotification('exit').catch(() => undefined);
    } catch {
      // already gone
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

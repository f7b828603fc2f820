/**
 * The CSAF validator, run in a child process (`dist/cli.js csaf-validator`, forked with this
 * server's own Node): loading csaf-validator-lib costs about 2 s of CPU once, and no request
 * of the editor should wait for that. Started on first use; a child that dies is started
 * again on the next call; it ends when the server ends (its IPC channel closes). The server
 * bundle does not carry the library at all (about 2 MB less to parse at every start).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CsafDocument, CsafFailure } from '../core/csaf';

interface Pending {
  /** The child the call was sent to: only its end fails the call. */
  child: ChildProcess;
  resolve(failures: CsafFailure[]): void;
  reject(error: Error): void;
}

type Reply = { id: number; failures: CsafFailure[] } | { id: number; error: string };

export class CsafValidatorProcess {
  private child: ChildProcess | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  private readonly hasCli: boolean;

  /** `cliPath`: the bundled CLI beside the bundled server. */
  constructor(private readonly cliPath = join(__dirname, 'cli.js')) {
    this.hasCli = existsSync(cliPath);
  }

  readonly validate = (csaf: CsafDocument): Promise<CsafFailure[]> => {
    if (!this.hasCli) return Promise.reject(new Error(`the CSAF validator is missing: ${this.cliPath}`));
    const child = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { child, resolve, reject });
      child.send({ id, csaf }, (error) => {
        if (!error) return;
        // The child is gone (EPIPE) though its exit is not reported yet: the next call starts a new one.
        if (this.child === child) this.child = undefined;
        this.settle(id, { id, error: `the CSAF validator process ended: ${error.message}` });
      });
    });
  };

  dispose(): void {
    this.child?.kill();
    this.child = undefined;
  }

  private start(): ChildProcess {
    if (this.child) return this.child;
    const child = fork(this.cliPath, ['csaf-validator'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: [] });
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr = (stderr + String(chunk)).slice(-2000)));
    child.on('message', (reply: Reply) => this.settle(reply.id, reply));
    // A write to a child that is gone (EPIPE) or a failed spawn: fail what waits, start anew next time.
    child.on('error', (error) => {
      if (this.child === child) this.child = undefined;
      this.failAll(child, `the CSAF validator process ended: ${error.message}`);
    });
    child.on('exit', (code, signal) => {
      if (this.child === child) this.child = undefined;
      const reason = `the CSAF validator process ended (${signal ?? code})${stderr ? `: ${stderr.trim()}` : ''}`;
      this.failAll(child, reason);
    });
    this.child = child;
    return child;
  }

  private failAll(child: ChildProcess, error: string): void {
    for (const [id, pending] of [...this.pending]) if (pending.child === child) this.settle(id, { id, error });
  }

  private settle(id: number, reply: Reply): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    if ('error' in reply) pending.reject(new Error(reply.error));
    else pending.resolve(reply.failures);
  }
}

/**
 * Crash recovery over stdio: the server process is killed while documents are open, and a
 * client that follows the extension's restart policy (client/src/restart-policy.ts) starts a
 * fresh server, opens the documents again as vscode-languageclient does after a restart, and
 * the diagnostics come back. A server that keeps dying is given up after 5 restarts.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { StreamMessageReader } from 'vscode-languageserver-protocol/node';
import { ServerProcess } from './server-process';
import { RestartPolicy } from '../../client/src/restart-policy';

// A server killed in the middle of writing leaves half a message in the reader, which then
// re-arms a 10 s "partial message" timer forever (it only feeds a log event) and would keep
// this test's process alive: turned off for these tests.
const readerPrototype = Object.getPrototypeOf(StreamMessageReader.prototype) as { setPartialMessageTimer?: () => void };
if (typeof readerPrototype.setPartialMessageTimer !== 'function') throw new Error('vscode-jsonrpc changed: no setPartialMessageTimer');
readerPrototype.setPartialMessageTimer = () => undefined;

const header = 'bulletin: 1\nid: MS04-029\ntitle: T\npublished: 2004-10-16\nseverity: important\n';

/** The client's side of a crash: the policy decides, a restart re-opens every open document. */
class RestartingClient {
  server!: ServerProcess;
  readonly notifications: string[] = [];
  readonly starts: ServerProcess[] = [];
  private readonly open = new Map<string, string>();
  private restarting: Promise<void> = Promise.resolve();

  constructor(readonly policy: RestartPolicy) {}

  async start(): Promise<void> {
    const server = await ServerProcess.start({ locale: 'en' });
    // A write to a dead pipe must not take the test down with it.
    server.child.stdin!.on('error', () => undefined);
    server.child.once('exit', () => {
      if (this.server !== server || this.stopping) return;
      const decision = this.policy.onCrash();
      if (decision.restart) this.restarting = this.start();
      else this.notifications.push(`stopped ${decision.crashes} times; not restarted`);
    });
    this.server = server;
    this.starts.push(server);
    for (const [uri, text] of this.open) server.open(uri, text);
  }

  openDocument(uri: string, text: string): void {
    this.open.set(uri, text);
    this.server.open(uri, text);
  }

  /** Waits until a server started after `previous` is up. */
  async restartedAfter(previous: ServerProcess, timeoutMs = 20_000): Promise<ServerProcess> {
    const deadline = Date.now() + timeoutMs;
    while (this.server === previous) {
      if (Date.now() > deadline) throw new Error('the server was not restarted');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await this.restarting;
    return this.server;
  }

  private stopping = false;
  async stop(): Promise<void> {
    this.stopping = true;
    await this.restarting;
    for (const server of this.starts) {
      if (server.child.exitCode === null && server.child.signalCode === null) await server.stop();
      else server.connection.dispose();
      // Pipes of a killed process are closed from this side, or they keep the test alive.
      for (const stream of [server.child.stdin, server.child.stdout, server.child.stderr]) stream?.destroy();
    }
  }
}

async function exited(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  await new Promise((resolve) => server.child.once('exit', resolve));
}

const clients: RestartingClient[] = [];
after(async () => {
  for (const client of clients) await client.stop();
});

test('a killed server is restarted and the diagnostics of open documents come back', async () => {
  const client = new RestartingClient(new RestartPolicy());
  clients.push(client);
  await client.start();
  const bad = 'file:///mem/crash/bad.bulletin.yaml';
  const clean = 'file:///mem/crash/clean.bulletin.yaml';
  client.openDocument(bad, `${header}severty: low\n`);
  client.openDocument(clean, header.replace('MS04-029', 'MS04-030'));
  const before = await client.server.waitForDiagnostics(bad, (ds) => ds.length === 1);
  await client.server.waitForDiagnostics(clean, (ds) => ds.length === 0);

  const killed = client.server;
  // Killed while it has work in hand: an edit is on its way.
  killed.change(bad, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: 'kb: 873350\n' }]);
  killed.child.kill('SIGKILL');
  await exited(killed);
  const fresh = await client.restartedAfter(killed);
  assert.notEqual(fresh.child.pid, killed.child.pid);
  const after = await fresh.waitForDiagnostics(bad, (ds) => ds.length === 1);
  assert.deepEqual(after.map((d) => [d.code, d.range]), before.map((d) => [d.code, d.range]));
  await fresh.waitForDiagnostics(clean, (ds) => ds.length === 0);
  assert.deepEqual(client.notifications, []);
});

test('a server that keeps dying is restarted 5 times, then left stopped with a notification', async () => {
  const client = new RestartingClient(new RestartPolicy());
  clients.push(client);
  await client.start();
  const uri = 'file:///mem/crash/loop.bulletin.yaml';
  client.openDocument(uri, `${header}severty: low\n`);
  for (let restart = 1; restart <= 5; restart++) {
    const current = client.server;
    await current.waitForDiagnostics(uri, (ds) => ds.length === 1);
    current.child.kill('SIGKILL');
    await exited(current);
    await client.restartedAfter(current);
  }
  await client.server.waitForDiagnostics(uri, (ds) => ds.length === 1);
  const last = client.server;
  last.child.kill('SIGKILL');
  await exited(last);
  const deadline = Date.now() + 5000;
  while (client.notifications.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.deepEqual(client.notifications, ['stopped 6 times; not restarted']);
  assert.equal(client.server, last);
  assert.equal(client.starts.length, 6);
});

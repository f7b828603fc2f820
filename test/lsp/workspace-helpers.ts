/** A workspace on disk for protocol tests, and polling helpers (conditions with a timeout, never sleeps). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, ServerProcess, type ServerOptions } from './server-process';
import { InProcessServer } from './server-in-process';
import type { TestClient } from './test-client';
import type { IndexStatus } from '../../server/src/protocol';

export const example = (name: string) => readFileSync(join(root, 'examples', `${name}.bulletin.yaml`), 'utf8');

/** MS04-012 shipped again, unchanged, by a later bulletin that includes it: clean. */
export const superseding = example('MS04-012')
  .replace(/^id: MS04-012$/m, 'id: MS04-030')
  .replace(/^published: 2004-04-14$/m, 'published: 2004-11-01')
  .replace(/^updated: 2004-04-14$/m, 'updated: 2004-11-01')
  .replace(/^platforms:$/m, 'includes: [MS04-012]\nplatforms:');

export class DiskWorkspace {
  readonly folder = mkdtempSync(join(tmpdir(), 'bulletin-ws-'));

  path(name: string): string {
    return join(this.folder, name);
  }

  uri(name: string): string {
    return pathToFileURL(this.path(name)).href;
  }

  write(name: string, text: string): void {
    writeFileSync(this.path(name), text);
  }

  dispose(): void {
    rmSync(this.folder, { recursive: true, force: true });
  }
}

export async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 10_000, server?: TestClient): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${server ? `\nserver log:\n${server.logs.join('')}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Starts a server on the folder and records its `bulletin/status` notifications. */
export async function startOn(workspace: DiskWorkspace, options: ServerOptions = {}): Promise<{ server: ServerProcess; statuses: IndexStatus[] }> {
  return recordStatuses(await ServerProcess.start({ workspaceFolders: [workspace.folder], ...options }));
}

/** The same with the server in this process (editor features that need a workspace on disk). */
export async function startInProcessOn(workspace: DiskWorkspace, options: ServerOptions = {}): Promise<{ server: InProcessServer; statuses: IndexStatus[] }> {
  return recordStatuses(await InProcessServer.start({ workspaceFolders: [workspace.folder], ...options }));
}

function recordStatuses<T extends TestClient>(server: T): { server: T; statuses: IndexStatus[] } {
  const statuses: IndexStatus[] = [];
  server.connection.onNotification('bulletin/status', (status: IndexStatus) => {
    statuses.push(status);
  });
  return { server, statuses };
}

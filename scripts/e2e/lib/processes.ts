/**
 * Process hygiene for the e2e runs: every process we start is recorded by PID and stopped by
 * PID (its whole process group) at the end, on failure, and on Ctrl+C. Waits are polls on a
 * condition with a timeout, never fixed sleeps.
 */

import { readdirSync, readFileSync } from 'node:fs';

const started = new Map<number, string>();

export function track(pid: number | undefined, what: string): number {
  if (pid === undefined) throw new Error(`${what} did not start`);
  started.set(pid, what);
  return pid;
}

function groupAlive(pid: number): boolean {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 0);
      return true;
    } catch {
      // not this one
    }
  }
  return false;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, signal);
    } catch {
      // already gone (or not a group leader: the PID itself was signalled too)
    }
  }
}

/** Stops a process group that we started (spawned with `detached: true`): TERM, then KILL. */
export async function stopGroup(pid: number): Promise<void> {
  signalGroup(pid, 'SIGTERM');
  if (!(await poll(() => !groupAlive(pid), 10_000, 100))) {
    signalGroup(pid, 'SIGKILL');
    await poll(() => !groupAlive(pid), 5_000, 100);
  }
  started.delete(pid);
}

/**
 * PIDs of the processes whose environment carries `marker` (NAME=VALUE): how helpers that
 * leave their parent's process group (chromium's crashpad handler daemonizes) are found.
 */
export function pidsWithEnvironment(marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(marker)) found.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

const markers = new Set<string>();

/** Records a NAME=VALUE marker given to a process tree that may leave its process group. */
export function trackMarker(marker: string): void {
  markers.add(marker);
}

/** Stops every process that carries `marker` in its environment, each by its PID. */
export async function stopMarked(marker: string): Promise<void> {
  for (const pid of pidsWithEnvironment(marker)) await stopGroup(pid);
  markers.delete(marker);
}

export async function stopAll(): Promise<void> {
  for (const pid of [...started.keys()].reverse()) await stopGroup(pid);
  for (const marker of [...markers]) await stopMarked(marker);
}

/** On an interrupt the recorded groups are killed synchronously before exiting. */
export function stopAllOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const pid of started.keys()) signalGroup(pid, 'SIGKILL');
      for (const marker of markers) for (const pid of pidsWithEnvironment(marker)) signalGroup(pid, 'SIGKILL');
      process.exit(130);
    });
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` until it holds or `timeoutMs` passes; resolves whether it held. */
export async function poll(condition: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 200): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await condition()) return true;
    } catch {
      // not yet
    }
    if (Date.now() >= deadline) return false;
    await delay(everyMs);
  }
}

export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 200): Promise<void> {
  if (!(await poll(condition, timeoutMs, everyMs))) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

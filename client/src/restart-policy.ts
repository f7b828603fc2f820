/**
 * When the language server dies, the client starts it again, but not forever: at most
 * `maxRestarts` times within `windowMs` (5 in 3 minutes). A server that keeps crashing is
 * left stopped and the user is told so, instead of a restart loop that eats the machine.
 * Pure (the clock is injected), so the policy is tested without an editor.
 */
export interface RestartPolicyOptions {
  maxRestarts?: number;
  windowMs?: number;
  now?: () => number;
}

export type RestartDecision = { restart: true; attempt: number } | { restart: false; crashes: number };

export class RestartPolicy {
  readonly maxRestarts: number;
  readonly windowMs: number;
  private readonly now: () => number;
  /** Times of the restarts granted within the window. */
  private restarts: number[] = [];

  constructor(options: RestartPolicyOptions = {}) {
    this.maxRestarts = options.maxRestarts ?? 5;
    this.windowMs = options.windowMs ?? 3 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** The server's connection closed unexpectedly: may it be started again now? */
  onCrash(): RestartDecision {
    const now = this.now();
    this.restarts = this.restarts.filter((at) => now - at < this.windowMs);
    if (this.restarts.length >= this.maxRestarts) return { restart: false, crashes: this.restarts.length + 1 };
    this.restarts.push(now);
    return { restart: true, attempt: this.restarts.length };
  }

  /** A restart by the user (the Restart command) starts a fresh allowance. */
  reset(): void {
    this.restarts = [];
  }
}

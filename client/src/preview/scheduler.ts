/**
 * When the preview renders: the first request at once, later ones at most once per interval
 * (100 ms), never two renders in flight, and a request made during a render is not lost: it
 * runs once more after it, with the latest text.
 */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class RenderScheduler {
  private lastStart = Number.NEGATIVE_INFINITY;
  private running = false;
  private pending = false;
  private timer: unknown;
  private disposed = false;

  constructor(
    private readonly render: () => Promise<void>,
    private readonly intervalMs = 100,
    private readonly clock: Clock = systemClock,
  ) {}

  request(): void {
    if (this.disposed) return;
    this.pending = true;
    this.schedule();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.running || this.timer !== undefined || !this.pending) return;
    const wait = this.lastStart + this.intervalMs - this.clock.now();
    if (wait <= 0) {
      void this.start();
    } else {
      this.timer = this.clock.setTimeout(() => {
        this.timer = undefined;
        this.schedule();
      }, wait);
    }
  }

  private async start(): Promise<void> {
    this.pending = false;
    this.running = true;
    this.lastStart = this.clock.now();
    try {
      await this.render();
    } catch {
      // The render reports its own failures; the schedule goes on.
    } finally {
      this.running = false;
      if (!this.disposed) this.schedule();
    }
  }
}

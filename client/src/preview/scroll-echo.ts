/**
 * Scroll sync goes both ways, so each programmatic scroll comes back as a scroll event of the
 * other side. The preview reveals editor lines; the editor's visible-range events that those
 * reveals cause must not be sent back to the preview, or the preview jumps back to the line it
 * reported one or two wheel steps ago (the editor answers in order, after the preview has moved on).
 *
 * An editor scroll is an echo when it lands on a line the preview revealed and that has not
 * been answered yet (the editor answers in order, so earlier reveals are answered too); when it
 * lands elsewhere while a reveal is still unanswered (the editor cannot always put the revealed
 * line at its top: the end of the document); or when it comes while the preview is still
 * driving (a reveal in the last `drivingMs`).
 */
export interface EchoClock {
  now(): number;
}

const systemClock: EchoClock = { now: () => Date.now() };

export class ScrollEchoGuard {
  private pending: { line: number; at: number }[] = [];
  private lastRevealAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly clock: EchoClock = systemClock,
    /** How long after its last reveal the preview counts as the side being scrolled. */
    private readonly drivingMs = 250,
    /** How long a reveal may wait for its answer (a busy extension host answers late). */
    private readonly pendingMs = 2_000,
  ) {}

  /** The preview scrolled the editor to `line`. */
  revealed(line: number): void {
    const now = this.clock.now();
    this.prune(now);
    this.pending.push({ line, at: now });
    this.lastRevealAt = now;
  }

  /** Whether the editor's scroll to `line` answers the preview's reveals (and is not to be sent back). */
  isEcho(line: number): boolean {
    const now = this.clock.now();
    this.prune(now);
    const answered = this.pending.findIndex((reveal) => reveal.line === line);
    if (answered >= 0) {
      this.pending.splice(0, answered + 1);
      return true;
    }
    // Another line while a reveal waits: the editor could not put the revealed line at its top
    // (the end of the document), and this is its answer.
    if (this.pending.length > 0) {
      this.pending.shift();
      return true;
    }
    return now - this.lastRevealAt < this.drivingMs;
  }

  private prune(now: number): void {
    while (this.pending.length > 0 && now - this.pending[0]!.at > this.pendingMs) this.pending.shift();
  }
}

/**
 * Progress on a terminal's standard error: a counter updated in place, or a
 * line per step. Without a terminal it writes nothing, so logs and pipes stay
 * clean. The counter is redrawn at most every `intervalMs`, and erased at the end.
 */
export class Progress {
  private shown = false;
  private last = 0;

  constructor(
    private readonly out: { write(text: string): unknown } | undefined,
    private readonly intervalMs = 100,
    private readonly now: () => number = Date.now,
  ) {}

  /** `audit: 120/10000 clusters`, in place of the previous count. */
  public count(label: string, done: number, total: number, unit: string): void {
    if (!this.out) return;
    const t = this.now();
    if (done < total && this.shown && t - this.last < this.intervalMs) return;
    this.last = t;
    this.shown = true;
    // \r back to the line's start, ESC[K erases what a longer previous count left.
    this.out.write(`\r${label}: ${done}/${total} ${unit}\x1b[K`);
  }

  /** One line of its own, e.g. a synth target being built. */
  public line(text: string): void {
    if (!this.out) return;
    this.clear();
    this.out.write(`${text}\n`);
  }

  /** Erases the counter, so what follows starts on a clean line. */
  public clear(): void {
    if (!this.out || !this.shown) return;
    this.out.write('\r\x1b[K');
    this.shown = false;
  }
}

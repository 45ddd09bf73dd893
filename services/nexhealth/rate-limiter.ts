// Keeps this client under NexHealth's per-key limit (100 requests a second) by waiting, rather than
// collecting 429s. A sliding window of the last second's start times; pure apart from the waiting.
export class RateLimiter {
  private readonly starts: number[] = [];

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  /** Resolves when one more request may start. */
  async take(): Promise<void> {
    for (;;) {
      const current = this.now();
      while (this.starts.length > 0 && current - this.starts[0] >= 1000) this.starts.shift();
      if (this.starts.length < this.perSecond) {
        this.starts.push(current);
        return;
      }
      await this.sleep(1000 - (current - this.starts[0]));
    }
  }
}

// tokens/generate needs no credentials (a local channel has no secret), and each call opens a
// conversation: a per-address cap keeps one client from pushing everyone else's out of the store.
export class TokenRateLimit {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(private readonly perMinute: number, private readonly now: () => number = Date.now) {}

  /** Whether `client` may open another conversation now. */
  allow(client: string): boolean {
    const now = this.now();
    const window = this.windows.get(client);
    if (!window || now - window.startedAt >= 60_000) {
      if (this.windows.size > 10_000) this.windows.clear();
      this.windows.set(client, { startedAt: now, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= this.perMinute;
  }
}

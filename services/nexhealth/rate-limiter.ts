// Request budgets over sliding windows, and a fair queue in front of them. The client waits its
// turn here instead of collecting 429s; the sandbox uses the same windows to refuse what is over.

/**
 * At most `limit` requests in any `spanMs`. A request counts from the moment it starts; while it is
 * in flight its place is held, and once its answer is in, it counts from the moment it finished.
 * The server saw it somewhere in between, so a window measured this way is never shorter than the
 * server's, whatever the network's jitter.
 */
export class SlidingWindow {
  /** Finish times of requests still inside the window, oldest first (finishing is monotonic). */
  private readonly finished: number[] = [];
  private inFlight = 0;
  private holds = 0;

  constructor(readonly limit: number, readonly spanMs: number) {}

  /** 0 when one more may start at `now`; else how long until one may (Infinity: until a release). */
  waitMs(now: number): number {
    if (this.holds > 0) return Number.POSITIVE_INFINITY;
    this.forgetBefore(now);
    if (this.finished.length + this.inFlight < this.limit) return 0;
    const oldest = this.finished[0];
    return oldest === undefined ? Number.POSITIVE_INFINITY : Math.max(1, oldest + this.spanMs - now);
  }

  /** For a server: counts the request and answers true when it is within the limit. */
  admit(now: number): boolean {
    if (this.waitMs(now) > 0) return false;
    this.finished.push(now);
    return true;
  }

  begin(): void {
    this.inFlight += 1;
  }

  end(now: number): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.finished.push(Math.max(now, this.finished[this.finished.length - 1] ?? now));
  }

  hold(): void {
    this.holds += 1;
  }

  unhold(): void {
    this.holds = Math.max(0, this.holds - 1);
  }

  clear(): void {
    this.finished.length = 0;
    this.inFlight = 0;
    this.holds = 0;
  }

  private forgetBefore(now: number): void {
    while (this.finished.length > 0 && (this.finished[0] ?? 0) + this.spanMs <= now) this.finished.shift();
  }
}

export class QueueFullError extends Error {
  constructor(readonly waiting: number) {
    super(`rate limiter queue full (${waiting} waiting)`);
    this.name = 'QueueFullError';
  }
}

/** Ends a request's use of its windows: call it when the answer is in (or the request failed). */
export type Release = () => void;

export interface FairLimiterOptions {
  now?: () => number;
  /** Requests allowed to wait at once; one more is refused at once (QueueFullError). */
  maxQueue?: number;
  schedule?: (callback: () => void, ms: number) => { cancel(): void };
}

interface Waiter {
  windows: readonly SlidingWindow[];
  resolve: (release: Release) => void;
}

const realSchedule = (callback: () => void, ms: number): { cancel(): void } => {
  const timer = setTimeout(callback, ms);
  return { cancel: () => clearTimeout(timer) };
};

/**
 * First come, first served: a request never overtakes an earlier one that waits for a window it
 * also needs. A request whose windows all have room passes others that wait for other windows.
 */
export class FairLimiter {
  private readonly queue: Waiter[] = [];
  private readonly now: () => number;
  private readonly maxQueue: number;
  private readonly schedule: NonNullable<FairLimiterOptions['schedule']>;
  private timer: { cancel(): void; at: number } | undefined;

  constructor(options: FairLimiterOptions = {}) {
    this.now = options.now ?? Date.now;
    // Under a minute of the key's whole budget (3,000 a minute): a longer wait helps no patient.
    this.maxQueue = options.maxQueue ?? 2_000;
    this.schedule = options.schedule ?? realSchedule;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** Resolves when the request may start; `first` puts it ahead of the queue (a retry that had its turn). */
  take(windows: readonly SlidingWindow[], options: { first?: boolean } = {}): Promise<Release> {
    if (this.queue.length >= this.maxQueue) return Promise.reject(new QueueFullError(this.queue.length));
    return new Promise<Release>((resolve) => {
      const waiter = { windows, resolve };
      if (options.first) this.queue.unshift(waiter);
      else this.queue.push(waiter);
      this.pump();
    });
  }

  /**
   * Nobody starts on these windows until `until` settles (after a 429, the key is over a limit).
   * They open a timer tick later, so the request that waited has queued its retry (first) by then.
   */
  hold(windows: readonly SlidingWindow[], until: Promise<unknown>): void {
    for (const window of windows) window.hold();
    const release = (): void => {
      this.schedule(() => {
        for (const window of windows) window.unhold();
        this.pump();
      }, 0);
    };
    until.then(release, release);
  }

  private pump(): void {
    const now = this.now();
    const blocked = new Set<SlidingWindow>();
    let soonest = Number.POSITIVE_INFINITY;
    for (let index = 0; index < this.queue.length;) {
      const waiter = this.queue[index];
      if (waiter.windows.some((window) => blocked.has(window))) {
        index += 1;
        continue;
      }
      const waits = waiter.windows.map((window) => window.waitMs(now));
      if (waits.every((wait) => wait === 0)) {
        this.queue.splice(index, 1);
        waiter.resolve(this.start(waiter.windows));
        continue;
      }
      waiter.windows.forEach((window, position) => {
        if ((waits[position] ?? 0) > 0) blocked.add(window);
      });
      soonest = Math.min(soonest, ...waits.filter((wait) => wait > 0));
      index += 1;
    }
    this.wakeAt(Number.isFinite(soonest) ? now + soonest : undefined);
  }

  private start(windows: readonly SlidingWindow[]): Release {
    for (const window of windows) window.begin();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const now = this.now();
      for (const window of windows) window.end(now);
      this.pump();
    };
  }

  private wakeAt(at: number | undefined): void {
    if (at === undefined) {
      this.cancelTimer();
      return;
    }
    if (this.timer && this.timer.at <= at) return;
    this.cancelTimer();
    const handle = this.schedule(() => {
      this.timer = undefined;
      this.pump();
    }, Math.max(1, at - this.now()));
    this.timer = { cancel: () => handle.cancel(), at };
  }

  private cancelTimer(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }
}

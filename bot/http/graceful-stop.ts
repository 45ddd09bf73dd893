// Stopping without losing a turn: stop accepting, let the requests in flight (a turn saves its state
// before its request ends) finish within a bound, then close what is left.
import type { Server as HttpServer } from 'node:http';

export class InFlightRequests {
  private count = 0;
  private waiters: (() => void)[] = [];

  constructor(http: HttpServer) {
    http.on('request', (_req, res) => {
      this.count += 1;
      res.once('close', () => {
        this.count -= 1;
        if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
      });
    });
  }

  /** Resolves when no request is in flight, or after `boundMs` whatever remains. */
  settled(boundMs: number): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, boundMs);
      timer.unref();
      this.waiters.push(() => { clearTimeout(timer); resolve(); });
    });
  }
}

/** Stops accepting connections; resolves once every connection is closed. */
export function stopAccepting(http: HttpServer): Promise<void> {
  return new Promise((resolve) => http.close(() => resolve()));
}

// GET /healthz: the process is up. GET /readyz: the bot can actually book — its storage takes a
// write, NexHealth answers with a valid token, the webhook registration is current. A load
// balancer sends patients only to a ready instance; the body says which check failed (no secrets).
import type { Server } from 'restify';
import type { Storage } from 'botbuilder';
import { isNexHealthError } from '../services/nexhealth';

/** A check resolves with what it found ("ok", or a short reason); a throw means "failing". */
export type ReadinessCheck = () => Promise<'ok' | string>;

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, string>;
}

/** Checks are not run more often than this (a probe every second must not cost NexHealth calls). */
const CACHE_MS = 5_000;
const CHECK_TIMEOUT_MS = 5_000;

export class Readiness {
  private last?: { at: number; report: Promise<ReadinessReport> };

  constructor(private readonly checks: Record<string, ReadinessCheck>, private readonly now: () => number = Date.now) {}

  report(): Promise<ReadinessReport> {
    if (this.last && this.now() - this.last.at < CACHE_MS) return this.last.report;
    const report = this.run();
    this.last = { at: this.now(), report };
    return report;
  }

  private async run(): Promise<ReadinessReport> {
    const entries = await Promise.all(Object.entries(this.checks).map(async ([name, check]) => [name, await outcomeOf(check)] as const));
    return { ready: entries.every(([, outcome]) => outcome === 'ok' || outcome === 'off'), checks: Object.fromEntries(entries) };
  }
}

async function outcomeOf(check: ReadinessCheck): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => { timer = setTimeout(() => resolve('timed out'), CHECK_TIMEOUT_MS); });
  try {
    return await Promise.race([check(), timeout]);
  } catch (error) {
    if (isNexHealthError(error, 'auth')) return 'token refused';
    if (isNexHealthError(error)) return 'unreachable';
    return 'failing';
  } finally {
    clearTimeout(timer);
  }
}

/** A write, a read and a delete of a probe item. */
export function storageWritable(storage: Storage, instance: string): ReadinessCheck {
  return async () => {
    const key = `readiness/${instance}`;
    await storage.write({ [key]: { probe: true, eTag: '*' } });
    const read = await storage.read([key]);
    await storage.delete([key]);
    return read[key] ? 'ok' : 'not readable';
  };
}

export function registerHealthRoutes(server: Server, readiness: Readiness): void {
  // HEAD as well: some load balancers probe with it.
  for (const method of ['get', 'head'] as const) {
    server[method]('/healthz', (_req, res, next) => {
      res.send(200, { ok: true });
      next();
    });
    server[method]('/readyz', async (_req, res) => {
      const report = await readiness.report();
      res.send(report.ready ? 200 : 503, report);
    });
  }
}

/** The bot's checks: every state store, NexHealth with the token, the webhook registration. */
export function appReadiness(deps: {
  stores: Storage[];
  nexhealth: { listWebhookEndpoints(): Promise<unknown> };
  webhooks: () => string;
  instance: string;
  now: () => number;
}): Readiness {
  return new Readiness({
    storage: async () => {
      const outcomes = await Promise.all(deps.stores.map((store) => storageWritable(store, deps.instance)()));
      return outcomes.find((outcome) => outcome !== 'ok') ?? 'ok';
    },
    nexhealth: async () => { await deps.nexhealth.listWebhookEndpoints(); return 'ok'; },
    webhooks: async () => deps.webhooks(),
  }, deps.now);
}

// One sandbox per test run, started on first use and closed by the root hooks; suites reset it.
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { createLogger } from '../../services/logger';
import { DEFAULT_API_VERSION, versionStrategy, type ApiVersion, type NexHealthLimits } from '../../services/nexhealth';
import { registerSharedServer } from './shared-servers';

let running: Promise<RunningSandbox> | undefined;

/** The slot search's path in a version (v2 /appointment_slots, v3 /available_slots). */
export const slotsPath = (version: ApiVersion = DEFAULT_API_VERSION): string => versionStrategy(version).slotsPath;

export function sharedSandbox(): Promise<RunningSandbox> {
  if (!running) {
    running = startSandbox({ insertionDelayMs: 50, webhookRetryDelaysMs: [100, 200, 400], logger: createLogger({ level: 'silent' }) });
    registerSharedServer(async () => {
      const sandbox = await running;
      running = undefined;
      await sandbox?.close();
    });
  }
  return running;
}

export interface FaultSpec {
  kind: 'down' | 'slow' | 'rate_limit' | 'server_error' | 'lose_response';
  times?: number;
  delayMs?: number;
  retryAfterSeconds?: number;
  path?: string;
  method?: string;
}

export interface WebhookDeliveryRecord {
  target_url: string;
  event_name: string;
  appointment_id: number;
  /** The version the delivering subscription is pinned to. */
  api_version: string;
  status: number | string;
  at: string;
}

/** The sandbox's admin controls (not part of the NexHealth API), over HTTP like any client. */
export class SandboxAdmin {
  constructor(private readonly baseUrl: string) {}

  /** Back to the seed; with `now`, the sandbox clock is frozen there and the seed placed around it. */
  reset(now?: Date): Promise<unknown> { return this.call('POST', '/reset', now ? { now: now.toISOString() } : {}); }
  setClock(now: Date | null): Promise<unknown> { return this.call('PUT', '/clock', { now: now ? now.toISOString() : null }); }
  advanceClock(ms: number): Promise<unknown> { return this.call('POST', '/clock/advance', { ms }); }
  settings(settings: { insertionDelayMs?: number; tokenTtlSeconds?: number; webhookRetryDelaysMs?: number[]; rateLimits?: boolean; limits?: Partial<NexHealthLimits> }): Promise<unknown> {
    return this.call('PUT', '/settings', settings);
  }
  fault(fault: FaultSpec): Promise<unknown> { return this.call('POST', '/faults', fault); }
  clearFaults(): Promise<unknown> { return this.call('DELETE', '/faults'); }
  failInsertions(failNext: number, failReason?: string): Promise<unknown> { return this.call('POST', '/insertions', { failNext, failReason }); }
  webhooks(control: { dropNext?: number; duplicateNext?: number }): Promise<unknown> { return this.call('POST', '/webhooks', control); }
  async counters(): Promise<Record<string, number>> { return (await this.call('GET', '/counters')) as Record<string, number>; }
  resetCounters(): Promise<unknown> { return this.call('DELETE', '/counters'); }
  /** Requests the sandbox refused with 429 under the documented limits, by route. */
  async rateLimited(): Promise<Record<string, number>> { return (await this.call('GET', '/rate-limited')) as Record<string, number>; }
  async deliveries(): Promise<WebhookDeliveryRecord[]> { return (await this.call('GET', '/webhook-deliveries')) as WebhookDeliveryRecord[]; }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.baseUrl}/__sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`sandbox admin ${method} ${path}: ${response.status} ${await response.text()}`);
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  }
}

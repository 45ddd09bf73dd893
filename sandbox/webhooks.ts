// Webhook delivery as NexHealth does it: POST the JSON body with `timestamp` and `signature`
// headers, retry a non-2xx on a schedule, and set the endpoint inactive once the schedule is spent.
import { createHmac } from 'node:crypto';
import type { Logger } from 'pino';
import type { WebhookEndpoint } from './model';

export interface DeliveryRecord {
  target_url: string;
  event_name: string;
  appointment_id: number | null;
  /** The version the delivering subscription is pinned to. */
  api_version: string;
  attempt: number;
  status: number | 'error' | 'dropped';
  at: string;
}

export interface Delivery {
  endpoint: WebhookEndpoint;
  eventName: string;
  appointmentId: number | null;
  apiVersion: string;
  body: Record<string, unknown>;
}

/** `signature` = hex HMAC-SHA256(secret_key, timestamp + "." + base64(raw body)). */
export function signWebhook(secretKey: string, timestamp: string, rawBody: string): string {
  const payload = `${timestamp}.${Buffer.from(rawBody, 'utf8').toString('base64')}`;
  return createHmac('sha256', secretKey).update(payload).digest('hex');
}

export class WebhookDispatcher {
  readonly records: DeliveryRecord[] = [];
  dropNext = 0;
  duplicateNext = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private aborter = new AbortController();

  constructor(
    private readonly deps: { now: () => Date; retryDelaysMs: () => number[]; logger: Logger },
  ) {}

  dispatch(delivery: Delivery): void {
    if (this.dropNext > 0) {
      this.dropNext -= 1;
      this.record(delivery, 0, 'dropped');
      return;
    }
    const copies = this.duplicateNext > 0 ? 2 : 1;
    if (copies === 2) this.duplicateNext -= 1;
    for (let copy = 0; copy < copies; copy += 1) void this.attempt(delivery, 0);
  }

  /** Stops retries and in-flight requests (reset and close). */
  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.aborter.abort();
    this.aborter = new AbortController();
  }

  reset(): void {
    this.cancelAll();
    this.records.length = 0;
    this.dropNext = 0;
    this.duplicateNext = 0;
  }

  private record(delivery: Delivery, attempt: number, status: DeliveryRecord['status']): void {
    this.records.push({
      target_url: delivery.endpoint.target_url,
      event_name: delivery.eventName,
      appointment_id: delivery.appointmentId,
      api_version: delivery.apiVersion,
      attempt,
      status,
      at: this.deps.now().toISOString(),
    });
  }

  private async attempt(delivery: Delivery, attempt: number): Promise<void> {
    const signal = this.aborter.signal;
    const rawBody = JSON.stringify(delivery.body);
    const timestamp = this.deps.now().toISOString();
    let status: number | 'error';
    try {
      const response = await fetch(delivery.endpoint.target_url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          timestamp,
          signature: signWebhook(delivery.endpoint.secret_key, timestamp, rawBody),
          'user-agent': 'NexHealth-Sandbox-Webhooks',
        },
        body: rawBody,
        signal: AbortSignal.any([signal, AbortSignal.timeout(10_000)]),
      });
      await response.arrayBuffer().catch(() => undefined);
      status = response.status;
    } catch {
      status = 'error';
    }
    if (signal.aborted) return; // reset or closed meanwhile: nothing to record or retry
    this.record(delivery, attempt, status);
    if (typeof status === 'number' && status >= 200 && status < 300) return;
    const delay = this.deps.retryDelaysMs()[attempt];
    if (delay === undefined) {
      delivery.endpoint.active = false; // NexHealth disables an endpoint that keeps failing
      this.deps.logger.warn({ endpointId: delivery.endpoint.id }, 'webhook endpoint disabled after failed retries');
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(delivery, attempt + 1);
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }
}

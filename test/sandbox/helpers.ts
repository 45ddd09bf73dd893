// Shared plumbing for the sandbox suites: a started sandbox, raw API calls, admin calls, and a
// local webhook receiver. Plain fetch on purpose: these tests check the wire, not a client.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_API_KEY, DEMO_SUBDOMAIN, startSandbox, type RunningSandbox } from '../../sandbox';

export { DEMO_API_KEY, DEMO_SUBDOMAIN };

/** Monday 2026-11-30 09:00 in New York: the suites freeze the sandbox clock here. */
export const FROZEN_NOW = '2026-11-30T14:00:00.000Z';

/** What every NexHealth v2 request carries (the version is required, see sandbox/http.ts). */
export const API_HEADERS = { Accept: 'application/vnd.Nexhealth+json;version=2', 'Nex-Api-Version': 'v2' };

export interface Envelope<T = unknown> {
  code: boolean;
  data: T;
  description: string | string[] | null;
  error: string[];
  count?: number;
}

export interface Reply<T = unknown> {
  status: number;
  body: Envelope<T>;
  headers: Headers;
}

export class SandboxHarness {
  token = '';
  seed: RunningSandbox['seed'];

  constructor(readonly sandbox: RunningSandbox) {
    this.seed = sandbox.seed;
  }

  static async start(): Promise<SandboxHarness> {
    const sandbox = await startSandbox({ insertionDelayMs: 50, webhookRetryDelaysMs: [50, 100] });
    const harness = new SandboxHarness(sandbox);
    await harness.reset();
    return harness;
  }

  async close(): Promise<void> {
    await this.sandbox.close();
  }

  /** Back to seed with the clock frozen at FROZEN_NOW, and fast settings; fresh token. */
  async reset(now: string | null = FROZEN_NOW): Promise<void> {
    const reset = await this.admin<{ seed: RunningSandbox['seed'] }>('POST', '/__sandbox/reset', now ? { now } : {});
    this.seed = reset.body.seed;
    await this.admin('PUT', '/__sandbox/settings', { insertionDelayMs: 50, webhookRetryDelaysMs: [50, 100] });
    this.token = await this.authenticate();
  }

  async authenticate(): Promise<string> {
    const response = await fetch(`${this.sandbox.url}/authenticates`, { method: 'POST', headers: { ...API_HEADERS, Authorization: DEMO_API_KEY } });
    const body = (await response.json()) as Envelope<{ token: string }>;
    return body.data.token;
  }

  async call<T = unknown>(
    method: string,
    path: string,
    options: { body?: unknown; token?: string | null; headers?: Record<string, string> } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...API_HEADERS, ...(options.headers ?? {}) };
    const token = options.token === undefined ? this.token : options.token;
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${this.sandbox.url}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Envelope<T>, headers: response.headers };
  }

  async admin<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.sandbox.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  }
}

export const q = (params: Record<string, string | number | boolean | Array<string | number>>): string => {
  const search = new URLSearchParams({ subdomain: DEMO_SUBDOMAIN });
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) value.forEach((item) => search.append(`${key}[]`, String(item)));
    else search.set(key, String(value));
  }
  return `?${search.toString()}`;
};

export interface ReceivedHook {
  headers: IncomingHttpHeaders;
  raw: string;
  body: { event_name: string; webhook_subscription_id: number; data: { appointment: { id: number; foreign_id: string | null }; error?: string[] } };
}

/** A webhook receiver answering with `statuses` in turn (then 200). */
export class Receiver {
  readonly hooks: ReceivedHook[] = [];
  statuses: number[] = [];
  private waiters: Array<() => void> = [];

  private constructor(private readonly server: Server, readonly url: string) {}

  static async start(): Promise<Receiver> {
    // eslint-disable-next-line prefer-const -- the request handler reads it before it is assigned
    let receiver: Receiver | undefined;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        if (receiver) {
          receiver.hooks.push({ headers: request.headers, raw, body: JSON.parse(raw) as ReceivedHook['body'] });
          response.writeHead(receiver.statuses.shift() ?? 200);
          response.end();
          receiver.waiters.forEach((wake) => wake());
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    receiver = new Receiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`);
    return receiver;
  }

  /** Resolves once `count` hooks have arrived (fails after `timeoutMs`). */
  async waitFor(count: number, timeoutMs = 3000): Promise<ReceivedHook[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.hooks.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} webhooks, got ${this.hooks.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.hooks;
  }

  clear(): void {
    this.hooks.length = 0;
    this.statuses = [];
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

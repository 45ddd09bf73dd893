// The sandbox server: NexHealth API on node:http, plus the /__sandbox admin controls.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import type { Logger } from 'pino';
import { createLogger } from '../services/logger';
import { DOCUMENTED_LIMITS, KeyBudget, type NexHealthLimits } from '../services/nexhealth/rate-limits';
import { registerAdmin } from './admin';
import { registerApi } from './api';
import {
  ApiError, Query, Router, failure, requestVersion, type ApiRequest, type ApiResponse, type Envelope,
} from './http';
import type { State } from './model';
import { RecordSystem } from './record-system';
import { DEMO_API_KEY, DEMO_SUBDOMAIN, buildSeed, type SeedSummary } from './seed';
import { WebhookDispatcher } from './webhooks';

export { DEMO_API_KEY, DEMO_SUBDOMAIN };
export type { SeedSummary };

export const DEFAULT_WEBHOOK_RETRY_DELAYS_MS = [
  30_000, 90_000, 210_000, 600_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 86_400_000, 172_800_000,
];

export interface SandboxOptions {
  port?: number;
  host?: string;
  insertionDelayMs?: number;
  readBackDelayMs?: number;
  tokenTtlSeconds?: number;
  webhookRetryDelaysMs?: number[];
  clock?: { now(): Date };
  logger?: Logger;
}

export interface RunningSandbox {
  url: string;
  port: number;
  close(): Promise<void>;
  seed: SeedSummary;
}

export interface Settings {
  insertionDelayMs: number;
  /** How long after a change NexHealth's read-back sends `appointment_updated` (about 10 minutes for real). */
  readBackDelayMs: number;
  /** Pending appointments show NexHealth's own id ("Nex…" type), as one integrator reports; the docs say null. */
  nexForeignIdsWhilePending: boolean;
  tokenTtlSeconds: number;
  webhookRetryDelaysMs: number[];
  /** Sandbox-only switch; on by default like the real API. */
  rateLimits: boolean;
  /** The limits enforced per key: NexHealth's documented ones unless a test shortens them. */
  limits: NexHealthLimits;
}

/** `lose_response`: the request is processed, then the connection drops before the answer. */
export type FaultKind = 'down' | 'slow' | 'rate_limit' | 'server_error' | 'lose_response';

export interface Fault {
  kind: FaultKind;
  remaining: number; // Infinity = until cleared
  delayMs: number;
  retryAfterSeconds?: number;
  path?: string;
  method?: string;
}

/** Everything the admin controls can reach. */
export interface SandboxRuntime {
  state(): State;
  now(): Date;
  freezeClock(at: Date | null): void;
  advanceClock(ms: number): void;
  settings: Settings;
  faults: Fault[];
  counters: Map<string, number>;
  /** Requests answered 429 because a documented limit was exceeded (not injected faults), by route. */
  rateLimited: Map<string, number>;
  /** Forgets what each key has used of its limits (after the limits change). */
  resetLimits(): void;
  insertions: { failNext: number; failReason: string };
  webhooks: WebhookDispatcher;
  /** Insertions, synchronizer status and the office's own changes. */
  records: RecordSystem;
  /** Back to seed; `frozenAt` freezes the clock there first so the seed is placed relative to it. */
  reset(frozenAt?: Date): void;
  /** Ids (and the seed's "next weekday") of the current seed. */
  seed(): SeedSummary;
}

/** Each API key's budget under the documented limits (services/nexhealth/rate-limits.ts). */
class KeyBudgets {
  private readonly budgets = new Map<string, KeyBudget>();

  constructor(private readonly limits: () => NexHealthLimits) {}

  /** True when this request is over a limit. Uses real time: limits are about real load. */
  over(key: string, method: string, route: string): boolean {
    let budget = this.budgets.get(key);
    if (!budget) {
      budget = new KeyBudget(this.limits());
      this.budgets.set(key, budget);
    }
    return !budget.admit(method, route, Date.now());
  }

  clear(): void {
    this.budgets.clear();
  }
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, result: ApiResponse): void {
  if (response.headersSent || response.destroyed) return;
  const headers: Record<string, string> = { ...(result.headers ?? {}) };
  if (result.status === 204 || result.body === undefined) {
    response.writeHead(result.status, headers);
    response.end();
    return;
  }
  const text = JSON.stringify(result.body);
  headers['content-type'] = 'application/json; charset=utf-8';
  headers['content-length'] = String(Buffer.byteLength(text));
  response.writeHead(result.status, headers);
  response.end(text);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const logger = options.logger ?? createLogger({ name: 'sandbox', level: 'warn' });
  const baseClock = options.clock ?? { now: () => new Date() };
  const defaults = (): Settings => ({
    insertionDelayMs: options.insertionDelayMs ?? 2000,
    readBackDelayMs: options.readBackDelayMs ?? 2000,
    nexForeignIdsWhilePending: false,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    webhookRetryDelaysMs: [...(options.webhookRetryDelaysMs ?? DEFAULT_WEBHOOK_RETRY_DELAYS_MS)],
    rateLimits: true,
    limits: { ...DOCUMENTED_LIMITS },
  });
  // The signing secret survives resets so a client's cached token stays valid across tests.
  const jwtSecret = randomBytes(32);
  let frozen: Date | null = null;
  let offsetMs = 0;
  const now = (): Date => (frozen ? new Date(frozen.getTime()) : new Date(baseClock.now().getTime() + offsetMs));

  const initial = buildSeed(now());
  let state = initial.state;
  let summary = initial.summary;
  const settings = defaults();
  const limiter = new KeyBudgets(() => settings.limits);

  const webhooks = new WebhookDispatcher({ now, retryDelaysMs: () => settings.webhookRetryDelaysMs, logger });
  const insertions = { failNext: 0, failReason: 'The record system refused the appointment' };
  const runtime: SandboxRuntime = {
    state: () => state,
    now,
    freezeClock(at) {
      frozen = at;
      offsetMs = 0;
    },
    advanceClock(ms) {
      if (frozen) frozen = new Date(frozen.getTime() + ms);
      else offsetMs += ms;
    },
    settings,
    faults: [],
    counters: new Map(),
    rateLimited: new Map(),
    resetLimits: () => limiter.clear(),
    insertions,
    webhooks,
    records: new RecordSystem({ state: () => state, now, webhooks, logger, settings, insertions }),
    reset(frozenAt) {
      frozen = frozenAt ?? null;
      offsetMs = 0;
      Object.assign(settings, defaults());
      runtime.records.cancelAll();
      runtime.webhooks.reset();
      runtime.faults.length = 0;
      runtime.counters.clear();
      runtime.rateLimited.clear();
      runtime.insertions.failNext = 0;
      runtime.insertions.failReason = 'The record system refused the appointment';
      limiter.clear();
      ({ state, summary } = buildSeed(now()));
    },
    seed: () => summary,
  };

  const apiRouter = new Router();
  registerApi(apiRouter, {
    state: () => state,
    now,
    onAppointmentCreated: (appointment) => runtime.records.accepted(appointment),
    onAppointmentChanged: (appointment) => runtime.records.changed(appointment),
  });
  const adminRouter = new Router();
  registerAdmin(adminRouter, runtime);

  const issueToken = (): string => {
    const iat = Math.floor(now().getTime() / 1000);
    return jwt.sign({ sub: 'sandbox-api-user', scp: 'api_user', iat, exp: iat + settings.tokenTtlSeconds, jti: randomUUID() }, jwtSecret, { algorithm: 'HS256' });
  };

  /** The API key behind a bearer token, or undefined when missing, bad or expired. */
  const bearerKey = (header: string | undefined): string | undefined => {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match?.[1]) return undefined;
    try {
      jwt.verify(match[1], jwtSecret, { algorithms: ['HS256'], clockTimestamp: Math.floor(now().getTime() / 1000) });
      return DEMO_API_KEY;
    } catch {
      return undefined;
    }
  };

  const unauthorized = (): ApiResponse => ({ status: 401, body: failure(['Unauthorized'], 'Invalid Credentials') });

  async function handleApi(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const method = (request.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const isAuth = method === 'POST' && path === '/authenticates';
    // The version header picks the surface: a v3 path does not exist on v2, and back.
    const version = requestVersion(request.headers);
    const matched = isAuth || typeof version !== 'string' ? undefined : apiRouter.match(method, path, version);
    const routeKey = isAuth ? 'POST /authenticates' : `${method} ${matched ? matched.route.pattern : path}`;
    runtime.counters.set(routeKey, (runtime.counters.get(routeKey) ?? 0) + 1);

    const fault = runtime.faults.find((f) => (!f.path || path.startsWith(f.path)) && (!f.method || f.method.toUpperCase() === method));
    let loseResponse = false;
    if (fault) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) runtime.faults.splice(runtime.faults.indexOf(fault), 1);
      switch (fault.kind) {
        case 'down':
          request.socket.destroy();
          return;
        case 'slow':
          await sleep(fault.delayMs);
          break;
        case 'rate_limit': {
          const headers: Record<string, string> = {};
          if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
          send(response, { status: 429, body: failure(['Too many requests']), headers });
          return;
        }
        case 'server_error':
          send(response, { status: 500, body: failure(['Internal server error']) });
          return;
        case 'lose_response':
          loseResponse = true;
          break;
      }
    }

    const raw = await readBody(request);
    if (typeof version !== 'string') return send(response, version);
    const authorization = request.headers.authorization;
    let key: string | undefined;
    if (isAuth) {
      if (authorization !== DEMO_API_KEY) return send(response, unauthorized());
      key = authorization;
    } else {
      key = bearerKey(authorization);
      if (!key) return send(response, unauthorized());
    }
    if (settings.rateLimits && limiter.over(key, method, isAuth ? path : matched?.route.pattern ?? path)) {
      runtime.rateLimited.set(routeKey, (runtime.rateLimited.get(routeKey) ?? 0) + 1);
      return send(response, { status: 429, body: failure(['Too many requests'], 'Rate limit exceeded') });
    }
    if (isAuth) {
      return send(response, { status: 201, body: { code: true, data: { token: issueToken() }, description: 'Authenticated', error: [] } });
    }
    if (!matched) return send(response, { status: 404, body: failure(['Route not found']) });

    let body: unknown = undefined;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return send(response, { status: 400, body: failure(['Malformed JSON body']) });
      }
    }
    const query = new Query(url.searchParams);
    const apiRequest: ApiRequest = { method, path, route: matched.route.pattern, params: matched.params, query, body, headers: request.headers, version };
    let result: ApiResponse;
    try {
      result = await matched.route.handler(apiRequest);
      const ignored = query.ignored();
      const envelope = result.body as Envelope | undefined;
      if (ignored.length > 0 && envelope && typeof envelope === 'object' && 'code' in envelope) {
        envelope.error = [...envelope.error, `Note that following parameters are ignored: ${ignored.join(', ')}.`];
      }
    } catch (error) {
      if (error instanceof ApiError) {
        result = { status: error.status, body: failure(error.errors, error.description), headers: error.headers };
      } else {
        // Message only: never the request, which may carry patient data.
        logger.error({ route: routeKey, message: error instanceof Error ? error.message : 'unknown' }, 'sandbox handler failed');
        result = { status: 500, body: failure(['Internal server error']) };
      }
    }
    logger.debug({ route: routeKey, status: result.status }, 'sandbox request');
    if (loseResponse) {
      request.socket.destroy();
      return;
    }
    send(response, result);
  }

  async function handleAdmin(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const method = (request.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/\/+$/, '');
    const matched = adminRouter.match(method, path);
    const raw = await readBody(request);
    if (!matched) return send(response, { status: 404, body: { error: 'Unknown admin route' } });
    let body: unknown = undefined;
    try {
      body = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined;
    } catch {
      return send(response, { status: 400, body: { error: 'Malformed JSON body' } });
    }
    try {
      send(response, await matched.route.handler({
        method, path, route: matched.route.pattern, params: matched.params, query: new Query(url.searchParams), body, headers: request.headers, version: 'v3',
      }));
    } catch (error) {
      const message = error instanceof Error ? error.message : 'failed';
      send(response, { status: error instanceof ApiError ? error.status : 500, body: { error: message } });
    }
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://sandbox.local');
    const handler = url.pathname === '/__sandbox' || url.pathname.startsWith('/__sandbox/') ? handleAdmin : handleApi;
    handler(request, response, url).catch((error: unknown) => {
      logger.error({ message: error instanceof Error ? error.message : 'unknown' }, 'sandbox request failed');
      send(response, { status: 500, body: failure(['Internal server error']) });
    });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ port }, 'NexHealth sandbox listening');

  let closed = false;
  return {
    url: `http://${host}:${port}`,
    port,
    /** Live: follows resets (ids are stable; seeded appointment times move with the clock). */
    get seed() {
      return summary;
    },
    async close() {
      if (closed) return;
      closed = true;
      runtime.records.cancelAll();
      runtime.webhooks.cancelAll();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

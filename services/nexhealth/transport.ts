// HTTP to NexHealth on axios: version header, bearer token, envelope unwrapped, statuses mapped to
// typed errors, retries with exponential backoff and full jitter. Reads are retried; writes only
// when the API says it did not process them (429, 401 with a stale token, connection refused).
// Every request first waits its turn within the key's documented limits (rate-limits.ts).
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { NexHealthError, flattenProblems, type NexHealthErrorKind } from './errors';
import { FairLimiter, QueueFullError, type Release } from './rate-limiter';
import { DOCUMENTED_LIMITS, KeyBudget, type NexHealthLimits } from './rate-limits';
import { TokenProvider } from './token-provider';
import type { Envelope, PageInfo } from './types';

const USER_AGENT = 'nexhealth-booking-bot/0.1';

export type QueryValue = string | number | boolean | undefined | (string | number)[];
export type Query = Record<string, QueryValue>;
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RequestSpec {
  method: HttpMethod;
  /** The concrete path, e.g. /appointments/42. */
  path: string;
  /** The path pattern used in errors and logs, e.g. /appointments/:id (no ids, no query). */
  route: string;
  query?: Query;
  body?: unknown;
  /** Whether a 5xx or a lost connection may be retried blindly (true for reads). */
  idempotent: boolean;
}

export interface ApiResult<T> {
  status: number;
  data: T;
  count?: number;
  /** v3 cursor paging: where this page starts and ends, and whether more follow. */
  pageInfo?: PageInfo;
  /** Non-fatal problems the API listed in `error` on a success. */
  warnings: string[];
}

export interface TransportOptions {
  baseUrl: string;
  apiKey: string;
  /** The API version's headers (api-version.ts), sent on every request. */
  versionHeaders: Readonly<Record<string, string>>;
  timeoutMs: number;
  maxRetries: number;
  clock: Clock;
  logger?: Logger;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** The key's limits this client keeps to (NexHealth's documented ones unless a test shortens them). */
  rateLimits?: Partial<NexHealthLimits>;
  /** Requests allowed to wait for their turn at once; beyond, a request fails as rate_limited. */
  maxQueuedRequests?: number;
  /**
   * How long 429s are waited out in all before the call fails as rate_limited: long enough for a
   * per-minute window on reads, shorter for writes, whose patient is waiting on the answer.
   */
  rateLimitWaitMs?: { read: number; write: number };
  /** Told of every answer: `GET /appointments/:id`-style route, HTTP status (0: none), milliseconds. */
  onResponse?: (route: string, status: number, ms: number) => void;
}

const DEFAULT_RATE_LIMIT_WAIT_MS = { read: 60_000, write: 20_000 };
/** The first wait after a 429 without Retry-After (then doubling, up to a minute). */
const RATE_LIMIT_BACKOFF_BASE_MS = 1_000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class NexHealthTransport {
  private readonly http: AxiosInstance;
  private readonly tokens: TokenProvider;
  private readonly backoffBaseMs: number;
  private readonly backoffCapMs: number;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly limiter: FairLimiter;
  private readonly budget: KeyBudget;
  private readonly rateLimitWaitMs: { read: number; write: number };

  constructor(private readonly options: TransportOptions) {
    this.http = axios.create({
      baseURL: options.baseUrl,
      timeout: options.timeoutMs,
      headers: { ...options.versionHeaders, 'User-Agent': USER_AGENT },
      validateStatus: () => true,
      paramsSerializer: { serialize: serializeQuery },
      // Responses are parsed here, so a non-JSON body becomes a 'protocol' error, not a crash.
      transformResponse: [(raw: unknown) => raw],
      responseType: 'text',
    });
    this.tokens = new TokenProvider({ exchange: () => this.exchangeToken() }, options.clock);
    this.backoffBaseMs = options.backoffBaseMs ?? 250;
    this.backoffCapMs = options.backoffCapMs ?? 4_000;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? defaultSleep;
    // Real time, not the injected clock: this paces the wire, whatever time the tests pretend it is.
    // One budget per client, that is per key, shared by every conversation of this process.
    this.limiter = new FairLimiter({ now: () => Date.now(), maxQueue: options.maxQueuedRequests });
    this.budget = new KeyBudget({ ...DOCUMENTED_LIMITS, ...options.rateLimits });
    this.rateLimitWaitMs = options.rateLimitWaitMs ?? DEFAULT_RATE_LIMIT_WAIT_MS;
  }

  async request<T>(spec: RequestSpec): Promise<ApiResult<T>> {
    const endpoint = `${spec.method} ${spec.route}`;
    const tries = freshTries();
    let refreshedToken = false;
    for (;;) {
      const token = await this.tokens.token();
      const outcome = await this.send(spec, { Authorization: `Bearer ${token}` }, tries);
      if (outcome.kind === 'response' && outcome.response.status === 401 && !refreshedToken) {
        // The token expired or was revoked early: exchange the key again, once.
        this.tokens.invalidate(token);
        refreshedToken = true;
        continue;
      }
      const result = this.interpret<T>(endpoint, outcome);
      if (!(result instanceof NexHealthError)) return result;
      const delay = this.retryDelay(spec, result, outcome, tries);
      if (delay === undefined) throw result;
      this.options.logger?.warn({ endpoint, kind: result.kind, status: result.status, attempt: tries.failures + tries.rateLimited, delayMs: Math.round(delay) }, 'nexhealth: retrying');
      await this.pause(spec, result, delay);
    }
  }

  private async exchangeToken(): Promise<string> {
    const spec: RequestSpec = { method: 'POST', path: '/authenticates', route: '/authenticates', idempotent: true };
    const tries = freshTries();
    for (;;) {
      const outcome = await this.send(spec, { Authorization: this.options.apiKey }, tries);
      const result = this.interpret<unknown>('POST /authenticates', outcome);
      if (!(result instanceof NexHealthError)) {
        const token = readToken(result.data);
        if (!token) throw new NexHealthError('protocol', 'POST /authenticates', { cause: 'no token in the answer' });
        return token;
      }
      const delay = this.retryDelay(spec, result, outcome, tries);
      if (delay === undefined) throw result;
      await this.pause(spec, result, delay);
    }
  }

  /** Waits before a retry; after a 429 nobody else starts on the same windows meanwhile. */
  private async pause(spec: RequestSpec, error: NexHealthError, delayMs: number): Promise<void> {
    const waited = this.sleep(delayMs);
    if (error.kind === 'rate_limited') this.limiter.hold(this.budget.windowsFor(spec.method, spec.route), waited);
    await waited;
  }

  private async send(spec: RequestSpec, headers: Record<string, string>, tries: Tries): Promise<Outcome> {
    const release = await this.turn(spec, tries.failures + tries.rateLimited > 0);
    const started = Date.now();
    try {
      const response = await this.http.request<string>({
        method: spec.method,
        url: spec.path,
        params: spec.query,
        data: spec.body,
        headers: spec.body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
      });
      this.options.logger?.debug({ endpoint: `${spec.method} ${spec.route}`, status: response.status, ms: Date.now() - started }, 'nexhealth: response');
      this.options.onResponse?.(`${spec.method} ${spec.route}`, response.status, Date.now() - started);
      return { kind: 'response', response };
    } catch (error) {
      this.options.onResponse?.(`${spec.method} ${spec.route}`, 0, Date.now() - started);
      const code = axios.isAxiosError(error) ? error.code : undefined;
      return { kind: 'network', code: code ?? 'UNKNOWN' };
    } finally {
      release();
    }
  }

  /** Waits for the request's turn within the key's limits; a retry goes ahead of the queue. */
  private async turn(spec: RequestSpec, retry: boolean): Promise<Release> {
    try {
      return await this.limiter.take(this.budget.windowsFor(spec.method, spec.route), { first: retry });
    } catch (error) {
      if (!(error instanceof QueueFullError)) throw error;
      throw new NexHealthError('rate_limited', `${spec.method} ${spec.route}`, { cause: 'too many requests waiting' });
    }
  }

  private interpret<T>(endpoint: string, outcome: Outcome): ApiResult<T> | NexHealthError {
    if (outcome.kind === 'network') {
      const cause = outcome.code === 'ECONNABORTED' || outcome.code === 'ETIMEDOUT' ? 'timed out' : `connection failed (${outcome.code})`;
      return new NexHealthError('unavailable', endpoint, { cause });
    }
    const { status } = outcome.response;
    const envelope = parseEnvelope(outcome.response.data);
    const problems = envelope?.error ?? [];
    if (status >= 200 && status < 300) {
      if (status === 204) return { status, data: null as T, warnings: [] };
      if (!envelope) return new NexHealthError('protocol', endpoint, { status, cause: 'not a NexHealth envelope' });
      if (envelope.code === false) return new NexHealthError('invalid', endpoint, { status, problems });
      return { status, data: envelope.data as T, count: envelope.count, pageInfo: envelope.page_info, warnings: problems };
    }
    return new NexHealthError(kindForStatus(status), endpoint, {
      status,
      problems,
      retryAfterMs: parseRetryAfter(outcome.response.headers['retry-after'], this.options.clock.now()),
    });
  }

  /** How long to wait before another try, or undefined when the error is final. */
  private retryDelay(spec: RequestSpec, error: NexHealthError, outcome: Outcome, tries: Tries): number | undefined {
    if (error.kind === 'rate_limited') return this.rateLimitDelay(spec, error, tries);
    if (error.kind !== 'unavailable' || tries.failures >= this.options.maxRetries) return undefined;
    // A refused connection never reached the API, so even a create may be sent again.
    const neverSent = outcome.kind === 'network' && outcome.code === 'ECONNREFUSED';
    if (!spec.idempotent && !neverSent) return undefined;
    const backoff = this.random() * Math.min(this.backoffCapMs, this.backoffBaseMs * 2 ** tries.failures);
    tries.failures += 1;
    return backoff;
  }

  /**
   * A 429 was not processed, so any request may wait and go again: as long as Retry-After says, or
   * doubling from a second (with jitter) until a minute's window has passed in all for a read.
   */
  private rateLimitDelay(spec: RequestSpec, error: NexHealthError, tries: Tries): number | undefined {
    const budget = spec.method === 'GET' ? this.rateLimitWaitMs.read : this.rateLimitWaitMs.write;
    const remaining = budget - tries.waitedMs;
    const step = Math.min(60_000, RATE_LIMIT_BACKOFF_BASE_MS * 2 ** tries.rateLimited);
    const delay = error.retryAfterMs ?? Math.min(remaining, step / 2 + (this.random() * step) / 2);
    if (remaining <= 0 || delay > remaining) return undefined;
    tries.rateLimited += 1;
    tries.waitedMs += delay;
    return delay;
  }
}

/** What one call has used up so far: failures count against maxRetries, 429s against a time budget. */
interface Tries {
  failures: number;
  rateLimited: number;
  waitedMs: number;
}

const freshTries = (): Tries => ({ failures: 0, rateLimited: 0, waitedMs: 0 });

type Outcome = { kind: 'response'; response: AxiosResponse<string> } | { kind: 'network'; code: string };

function kindForStatus(status: number): NexHealthErrorKind {
  if (status === 400 || status === 422) return 'invalid';
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not_found';
  if (status === 409) return 'slot_unavailable';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'unavailable';
  return 'protocol';
}

function parseEnvelope(raw: string | undefined): Envelope<unknown> | undefined {
  if (!raw) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null || !('code' in value)) return undefined;
    const record = value as Record<string, unknown>;
    return {
      code: record.code === true,
      data: record.data ?? null,
      description: typeof record.description === 'string' || Array.isArray(record.description) ? (record.description as string | string[]) : undefined,
      error: Array.isArray(record.error) ? flattenProblems(record.error) : [],
      count: typeof record.count === 'number' ? record.count : undefined,
      page_info: readPageInfo(record.page_info),
    };
  } catch {
    return undefined;
  }
}

function readPageInfo(value: unknown): PageInfo | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const cursor = (key: string): string | null => (typeof record[key] === 'string' ? record[key] : null);
  return {
    has_next_page: record.has_next_page === true,
    has_previous_page: record.has_previous_page === true,
    start_cursor: cursor('start_cursor'),
    end_cursor: cursor('end_cursor'),
  };
}

function readToken(data: unknown): string | undefined {
  if (typeof data === 'object' && data !== null && 'token' in data && typeof data.token === 'string') return data.token;
  return undefined;
}

/** Retry-After in seconds or as an HTTP date, in ms from now. */
export function parseRetryAfter(header: unknown, now: Date): number | undefined {
  if (typeof header !== 'string' || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

/** NexHealth's array style: lids[]=1&lids[]=2. */
export function serializeQuery(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const item of value) params.append(`${key}[]`, String(item));
    } else {
      params.append(key, String(value));
    }
  }
  return params.toString();
}

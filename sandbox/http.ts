// Tiny HTTP plumbing for the sandbox: a router with route patterns (the counters key on them),
// the NexHealth envelope, and query helpers that raise 400s naming the parameter.
import type { IncomingHttpHeaders } from 'node:http';
import { DateTime } from 'luxon';
import type { ApiVersion } from '../services/nexhealth/api-version';

export type { ApiVersion };

/** NexHealth's `error`: strings, or (as the docs' samples show) nested arrays of them. */
export type ErrorList = Array<string | string[]>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ErrorList,
    readonly description: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(errors.join('; '));
  }
}

export const badRequest = (message: string): ApiError => new ApiError(400, [message]);
export const missing = (name: string): ApiError => badRequest(`Missing parameter ${name}`);
export const invalid = (name: string): ApiError => badRequest(`Invalid parameter ${name}`);
export const notFound = (what: string): ApiError => new ApiError(404, [`${what} not found`]);

export interface Envelope {
  code: boolean;
  data: unknown;
  description: string | string[] | null;
  error: ErrorList;
  count?: number;
  page_info?: PageInfo;
}

/** v3's cursor paging, as the OpenAPI's `*_Collection_Response_WithCursor` models show it. */
export interface PageInfo {
  has_previous_page: boolean;
  has_next_page: boolean;
  start_cursor: string | null;
  end_cursor: string | null;
}

export interface ApiResponse {
  status: number;
  body?: Envelope | Record<string, unknown> | unknown[];
  headers?: Record<string, string>;
}

export function ok(data: unknown, options: { status?: number; description?: string; count?: number; pageInfo?: PageInfo } = {}): ApiResponse {
  const body: Envelope = { code: true, data, description: options.description ?? 'Success', error: [] };
  if (options.count !== undefined) body.count = options.count;
  if (options.pageInfo !== undefined) body.page_info = options.pageInfo;
  return { status: options.status ?? 200, body };
}

export const noContent = (): ApiResponse => ({ status: 204 });

export function failure(errors: ErrorList, description: string | null = null): Envelope {
  return { code: false, data: null, description, error: errors };
}

/** Query parameters; remembers which ones a handler read so unknown ones can be reported. */
export class Query {
  private readonly read = new Set<string>();

  constructor(private readonly params: URLSearchParams) {}

  private raw(name: string): string | undefined {
    this.read.add(name);
    const value = this.params.get(name);
    return value === null || value === '' ? undefined : value;
  }

  str(name: string): string | undefined {
    return this.raw(name);
  }

  requireStr(name: string): string {
    const value = this.raw(name);
    if (value === undefined) throw missing(name);
    return value;
  }

  int(name: string): number | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) throw invalid(name);
    return Number(value);
  }

  requireInt(name: string): number {
    const value = this.int(name);
    if (value === undefined) throw missing(name);
    return value;
  }

  bool(name: string): boolean | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    throw invalid(name);
  }

  /** `name[]=1&name[]=2` (Rails style); a bare `name=1,2` is tolerated too. */
  intArray(name: string): number[] | undefined {
    this.read.add(name);
    this.read.add(`${name}[]`);
    const values = [...this.params.getAll(`${name}[]`), ...this.params.getAll(name)]
      .flatMap((value) => value.split(','))
      .filter((value) => value !== '');
    if (values.length === 0) return undefined;
    return values.map((value) => {
      if (!/^\d+$/.test(value)) throw invalid(name);
      return Number(value);
    });
  }

  date(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (!isIsoDate(value)) throw invalid(name);
    return value;
  }

  dateTime(name: string): Date | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    const parsed = parseDateTime(value);
    if (!parsed) throw invalid(name);
    return parsed;
  }

  ignored(): string[] {
    const names = new Set<string>();
    for (const key of this.params.keys()) if (!this.read.has(key)) names.add(key.replace(/\[\]$/, ''));
    return [...names];
  }
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;
}

/** An ISO 8601 date-time (with offset or Z); a bare date is read as UTC midnight. */
export function parseDateTime(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const parsed = DateTime.fromISO(value, { setZone: true, zone: 'utc' });
  return parsed.isValid ? parsed.toJSDate() : undefined;
}

/** The header values of each version: v2.2.2's Versioning page (`v2`); v3.0.0 is also v20240412. */
const VERSION_NAMES: Record<string, ApiVersion> = { v2: 'v2', 'v3.0.0': 'v3', v20240412: 'v3' };
export const BOTH_VERSIONS: readonly ApiVersion[] = ['v2', 'v3'];

/**
 * The surface a request asked for with `Nex-Api-Version` ("All requests must include" it, the
 * v2.2.2 docs say), or the 400 for a missing or unknown version.
 */
export function requestVersion(headers: IncomingHttpHeaders): ApiVersion | ApiResponse {
  const header = headers['nex-api-version'];
  if (header === undefined || header === '') return { status: 400, body: failure(['Missing header Nex-Api-Version']) };
  const version = typeof header === 'string' ? VERSION_NAMES[header] : undefined;
  return version ?? { status: 400, body: failure([`Unsupported Nex-Api-Version: ${String(header).slice(0, 20)}`]) };
}

export interface ApiRequest {
  method: string;
  path: string;
  route: string;
  params: Record<string, string>;
  query: Query;
  body: unknown;
  headers: IncomingHttpHeaders;
  /** The API version the request was made against (admin routes: v3, unused). */
  version: ApiVersion;
}

export type Handler = (request: ApiRequest) => ApiResponse | Promise<ApiResponse>;

interface Route {
  method: string;
  pattern: string;
  regex: RegExp;
  keys: string[];
  handler: Handler;
  versions: readonly ApiVersion[];
}

export class Router {
  private readonly routes: Route[] = [];

  /** A route of the given versions only: a path renamed in v3 is a 404 on v2, and back. */
  add(method: string, pattern: string, handler: Handler, versions: readonly ApiVersion[] = BOTH_VERSIONS): void {
    const keys: string[] = [];
    const source = pattern.replace(/:(\w+)/g, (_match, key: string) => {
      keys.push(key);
      return '([^/]+)';
    });
    this.routes.push({ method, pattern, regex: new RegExp(`^${source}/?$`), keys, handler, versions });
  }

  match(method: string, path: string, version?: ApiVersion): { route: Route; params: Record<string, string> } | undefined {
    for (const route of this.routes) {
      if (route.method !== method || (version !== undefined && !route.versions.includes(version))) continue;
      const found = route.regex.exec(path);
      if (!found) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((key, index) => {
        params[key] = decodeURIComponent(found[index + 1] ?? '');
      });
      return { route, params };
    }
    return undefined;
  }
}

// Body helpers: narrow unknown JSON to what a handler needs, naming the field on failure.
export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectField(body: unknown, name: string): Json {
  if (!isObject(body)) throw missing(name);
  const value = body[name];
  if (value === undefined || value === null) throw missing(name);
  if (!isObject(value)) throw invalid(name);
  return value;
}

export function optString(obj: Json, key: string, label: string): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(label);
  return value;
}

export function reqString(obj: Json, key: string, label: string): string {
  const value = optString(obj, key, label);
  if (value === undefined || value.trim() === '') throw missing(label);
  return value;
}

export function optInt(obj: Json, key: string, label: string): number | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 0) throw invalid(label);
  return number;
}

export function reqInt(obj: Json, key: string, label: string): number {
  const value = optInt(obj, key, label);
  if (value === undefined) throw missing(label);
  return value;
}

export function optBool(obj: Json, key: string, label: string): boolean | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw invalid(label);
  return value;
}

export function optIntArray(obj: Json, key: string, label: string): number[] | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalid(label);
  return value.map((item) => {
    if (typeof item !== 'number' || !Number.isInteger(item)) throw invalid(label);
    return item;
  });
}

/**
 * One page of a list endpoint, as each version pages: v2 page/per_page with `count`; v3 cursors
 * (`end_cursor` asks for what follows that item, `start_cursor` for what precedes it) with
 * `page_info`, per_page 5 unless given. The other version's paging parameters are not read, so they
 * are reported as ignored, as NexHealth does.
 */
export function listPage<T>(items: T[], request: { query: Query; version: ApiVersion }): { page: T[]; meta: { count?: number; pageInfo?: PageInfo } } {
  if (request.version === 'v2') {
    const { page, count } = paginate(items, request.query);
    return { page, meta: { count } };
  }
  const { page, pageInfo } = cursorPage(items, request.query);
  return { page, meta: { pageInfo } };
}

const V3_DEFAULT_PER_PAGE = 5;
const encodeCursor = (index: number): string => Buffer.from(`i:${index}`, 'utf8').toString('base64url');

function decodeCursor(query: Query, name: string): number | undefined {
  const value = query.str(name);
  if (value === undefined) return undefined;
  const match = /^i:(\d+)$/.exec(Buffer.from(value, 'base64url').toString('utf8'));
  if (!match) throw invalid(name);
  return Number(match[1]);
}

function cursorPage<T>(items: T[], query: Query): { page: T[]; pageInfo: PageInfo } {
  const perPage = query.int('per_page') ?? V3_DEFAULT_PER_PAGE;
  if (perPage < 1) throw invalid('per_page');
  const size = Math.min(perPage, MAX_PER_PAGE);
  const after = decodeCursor(query, 'end_cursor');
  const before = decodeCursor(query, 'start_cursor');
  const from = after !== undefined ? after + 1 : before !== undefined ? Math.max(0, before - size) : 0;
  const to = before !== undefined && after === undefined ? Math.min(before, from + size) : Math.min(items.length, from + size);
  const page = items.slice(from, to);
  return {
    page,
    pageInfo: {
      has_previous_page: from > 0,
      has_next_page: to < items.length,
      start_cursor: page.length > 0 ? encodeCursor(from) : null,
      end_cursor: page.length > 0 ? encodeCursor(to - 1) : null,
    },
  };
}

export function paginate<T>(items: T[], query: Query): { page: T[]; count: number } {
  const page = query.int('page') ?? 1;
  const perPage = query.int('per_page') ?? DEFAULT_PER_PAGE;
  if (page < 1) throw invalid('page');
  if (perPage < 1) throw invalid('per_page');
  const size = Math.min(perPage, MAX_PER_PAGE);
  return { page: items.slice((page - 1) * size, page * size), count: items.length };
}

export const DEFAULT_PER_PAGE = 25;
export const MAX_PER_PAGE = 1000;

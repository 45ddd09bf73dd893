// What every route of the bot's server gets, before any route runs: timeouts that cut off slow
// clients, headers every answer carries, and error bodies that never carry internal text.
import type { Server } from 'restify';
import { refuse } from './read-body';

/** No route takes more than this; a larger declared body is refused before routing. */
const MAX_ANY_BODY_BYTES = 1024 * 1024;

export interface HttpLimits {
  /** The whole request line and headers must arrive within this. */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this. */
  requestTimeoutMs: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 };
/** An idle kept-alive connection is closed after this (Node's default). */
const KEEP_ALIVE_TIMEOUT_MS = 5_000;

/** Error bodies by status: fixed words, so nothing a client sent or the server knows leaks. */
const ERROR_TEXT: Record<number, string> = {
  400: 'Bad request.',
  401: 'Not allowed.',
  403: 'Not allowed.',
  404: 'Not found.',
  405: 'Method not allowed.',
  406: 'Not acceptable.',
  408: 'Request timeout.',
  413: 'The body is too large.',
  415: 'Unsupported content type.',
  429: 'Too many requests. Please slow down.',
};

export function errorText(status: number): string {
  return ERROR_TEXT[status] ?? (status >= 500 ? 'Something went wrong.' : 'Bad request.');
}

export function hardenServer(server: Server, limits: HttpLimits, options: { https: boolean }): void {
  // restify builds a plain http.Server here; @types/node lacks connectionsCheckingInterval.
  const http = server.server as typeof server.server & { connectionsCheckingInterval: number };
  http.headersTimeout = limits.headersTimeoutMs;
  http.requestTimeout = limits.requestTimeoutMs;
  http.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Node checks the two timeouts on this interval (30 s by default); read when the server listens.
  http.connectionsCheckingInterval = Math.min(1_000, limits.headersTimeoutMs);
  // Every header is read (Node's default drops those past the 2,000th, which could hide a proxy's
  // X-Forwarded-For from the "unproxied" checks); their total size is bounded at 16 KB (431).
  http.maxHeadersCount = 0;

  server.pre((req, res, next) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    if (options.https) res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (Number(req.headers['content-length'] ?? 0) > MAX_ANY_BODY_BYTES) return refuse(req, res, next, 413, errorText(413));
    next();
  });

  // restify's own errors (unknown route, wrong method, a handler that threw) name paths, methods
  // and messages: replace every body with the fixed text for its status.
  server.on('restifyError', (_req, _res, err: { statusCode?: number; toJSON?: () => unknown; toString: () => string }, callback: () => void) => {
    const text = errorText(err.statusCode ?? 500);
    err.toJSON = () => ({ error: text });
    err.toString = () => text;
    callback();
  });
}

// The bot's HTTP server (restify 11): hardened (bot/http) and the Bot Framework messages endpoint.
// Health, channels and the webhook route register their own routes on it (bot/app.ts).
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import pino from 'pino';
import restify, { type Request, type Server } from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { incomingActivity, type IncomingActivity } from './http/activity-schema';
import { hardenServer, type HttpLimits } from './http/harden-server';
import { KeyedRateLimiter, LIMITS, addressKey } from './http/rate-limiter';
import { readBody } from './http/read-body';

/** A channel in this process (the local Direct Line) proves itself with this header. */
export const LOCAL_CHANNEL_HEADER = 'x-local-channel-key';
/** An activity is a message and its envelope; Azure's are far smaller. */
const MAX_ACTIVITY_BYTES = 256 * 1024;

export interface MessagesAccess {
  /** With Bot Framework credentials the adapter requires their JWT; nothing else is needed here. */
  appId?: string;
  /** The secret the bot's in-process channels carry (see LOCAL_CHANNEL_HEADER). */
  localChannelKey: string;
  /** serviceUrls of those channels: an activity carrying the key must name one of them. */
  localServiceUrls: () => string[];
  /** The port the bot listens on: a caller without the key may not name the bot itself. */
  ownPort: () => number;
}

export interface ServerOptions {
  access: MessagesAccess;
  limits: HttpLimits;
  https: boolean;
  /** The turn for an admitted activity (rate limits included). */
  turn: (context: TurnContext) => Promise<void>;
}

export function createServer(adapter: CloudAdapter, options: ServerOptions): Server {
  // restify's own logger would write whole requests (headers, tokens) on a formatter error: off.
  // restify 11 takes a pino logger; its type definitions still describe bunyan's.
  const silent = pino({ level: 'silent' }) as unknown as restify.ServerOptions['log'];
  const server = restify.createServer({ name: 'booking-bot', handleUncaughtExceptions: false, log: silent });
  hardenServer(server, options.limits, { https: options.https });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  const perAddress = new KeyedRateLimiter(LIMITS.address);

  server.post('/api/messages', readBody({ kind: 'json', maxBytes: MAX_ACTIVITY_BYTES }), async (req, res) => {
    // Without an app id nothing checks an Authorization header, so it exempts nobody.
    const unauthenticated = (!options.access.appId || !req.headers.authorization) && !carriesKey(req.headers, options.access.localChannelKey);
    if (unauthenticated && !perAddress.allow(addressKey(req.socket.remoteAddress))) {
      res.send(429, { error: 'Too many requests. Please slow down.' });
      return;
    }
    const parsed = incomingActivity.safeParse(req.body);
    if (!parsed.success) {
      res.send(400, { error: 'Not a valid activity.' });
      return;
    }
    if (!mayPost(req, parsed.data, options.access)) {
      res.send(401, { error: 'Not allowed.' });
      return;
    }
    await adapter.process(req, res, options.turn);
  });
  return server;
}

/**
 * Without Bot Framework credentials nothing signs an activity, so the network path can't be
 * trusted either (a tunnel's local end is loopback too): the bot's own channels carry a key, and
 * anything else must come from this machine unproxied and name a serviceUrl on this machine
 * (so replies can't be sent elsewhere), never the bot itself.
 */
export function mayPost(req: Request, activity: IncomingActivity, access: MessagesAccess): boolean {
  if (access.appId) return true;
  if (req.headers[LOCAL_CHANNEL_HEADER] !== undefined) {
    return carriesKey(req.headers, access.localChannelKey) && access.localServiceUrls().includes(activity.serviceUrl);
  }
  if (!isLoopback(req.socket.remoteAddress) || isForwarded(req.headers)) return false;
  const serviceUrl = new URL(activity.serviceUrl);
  const port = Number(serviceUrl.port || (serviceUrl.protocol === 'https:' ? 443 : 80));
  return isLoopbackHost(serviceUrl.hostname) && port !== access.ownPort();
}

export function carriesKey(headers: IncomingHttpHeaders, key: string): boolean {
  const given = headers[LOCAL_CHANNEL_HEADER];
  if (typeof given !== 'string') return false;
  const [a, b] = [Buffer.from(given), Buffer.from(key)];
  return a.length === b.length && timingSafeEqual(a, b);
}

export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.'));
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** Headers a proxy or tunnel adds: the request did not start on this machine. */
export function isForwarded(headers: IncomingHttpHeaders): boolean {
  return ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-real-ip', 'via', 'cf-connecting-ip'].some((name) => headers[name] !== undefined);
}

export function listen(server: Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
  });
}

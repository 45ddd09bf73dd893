// GET /metrics for Prometheus: with METRICS_TOKEN, for a bearer of that token; without it, for this
// machine only (a Prometheus agent beside the bot), never through a proxy. Nothing in it names a
// patient (services/metrics.ts).
import { timingSafeEqual } from 'node:crypto';
import type { Server } from 'restify';
import type { Metrics } from '../services/metrics';
import { isForwarded, isLoopback } from './server';

export function registerMetricsRoute(server: Server, metrics: Metrics, token: string | undefined): void {
  server.get('/metrics', async (req, res) => {
    const allowed = token ? bearerIs(req.headers.authorization, token) : isLoopback(req.socket.remoteAddress) && !isForwarded(req.headers);
    if (!allowed) {
      res.send(401, { error: 'Not allowed.' });
      return;
    }
    const body = await metrics.text();
    res.writeHead(200, { 'content-type': metrics.registry.contentType, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
}

function bearerIs(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

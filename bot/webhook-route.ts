// POST /api/nexhealth/webhook: verifies NexHealth's signature on the raw body (forged or unsigned →
// 401, nothing changes), answers 200 at once, then hands the event to services/notify.
import type { Request, Response, Server } from 'restify';
import type { Clock } from '../services/clock';
import type { Logger } from '../services/logger';
import { parseWebhookEvent, verifyWebhookSignature, type InsertionOutcomes } from '../services/notify';

export const WEBHOOK_PATH = '/api/nexhealth/webhook';

export function registerWebhookRoute(server: Server, deps: {
  secret: () => string | undefined;
  outcomes: InsertionOutcomes;
  clock: Clock;
  logger: Logger;
}): void {
  server.post(WEBHOOK_PATH, (req: Request, res: Response, next) => {
    const secret = deps.secret();
    if (!secret) {
      // Not registered yet: NexHealth retries a non-2xx, and reconciliation covers the gap.
      res.send(503, { error: 'webhook not ready' });
      return next();
    }
    const rawBody: unknown = req.rawBody;
    const check = verifyWebhookSignature(typeof rawBody === 'string' || Buffer.isBuffer(rawBody) ? rawBody : undefined, {
      timestamp: req.header('timestamp'),
      signature: req.header('signature'),
    }, secret, deps.clock.now());
    if (check !== 'valid') {
      deps.logger.warn({ check }, 'webhook refused');
      res.send(401, { error: 'invalid signature' });
      return next();
    }
    const event = parseWebhookEvent(req.body);
    res.send(200, { received: true });
    next();
    if (event.kind === 'malformed') {
      deps.logger.warn('webhook body not understood');
      return;
    }
    // After the answer: the sender is never kept waiting on the patient's channel.
    setImmediate(() => {
      deps.outcomes.handleWebhook(event).catch((error: unknown) => {
        deps.logger.error({ err: error instanceof Error ? error.name : typeof error }, 'webhook event could not be handled; reconciliation will retry');
      });
    });
  });
}

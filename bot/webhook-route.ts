// POST /api/nexhealth/webhook: verifies NexHealth's signature on the raw body (forged or unsigned →
// 401, nothing changes), acknowledges a replay without doing anything, answers 200 at once, then
// hands the event to services/notify.
import type { Request, Response, Server } from 'restify';
import type { Clock } from '../services/clock';
import type { Logger } from '../services/logger';
import type { Metrics } from '../services/metrics';
import { RETRY_HORIZON_MS, parseWebhookEvent, verifyWebhookSignature, type InsertionOutcomes } from '../services/notify';
import { ReplayRecords, type KeyValueStorage } from '../services/storage';
import { describeError } from './adapter';
import { readBody } from './http/read-body';

export const WEBHOOK_PATH = '/api/nexhealth/webhook';
/** NexHealth's events are small; a megabyte leaves room for any batch. */
const MAX_WEBHOOK_BYTES = 1024 * 1024;

export function registerWebhookRoute(server: Server, deps: {
  secret: () => string | undefined;
  outcomes: InsertionOutcomes;
  storage: KeyValueStorage;
  clock: Clock;
  logger: Logger;
  metrics?: Metrics;
}): void {
  const replays = new ReplayRecords(deps.storage, 'nexhealth-webhook', RETRY_HORIZON_MS, () => deps.clock.now().getTime());
  server.post(WEBHOOK_PATH, readBody({ kind: 'json', maxBytes: MAX_WEBHOOK_BYTES }), async (req: Request, res: Response) => {
    const secret = deps.secret();
    if (!secret) {
      // Not registered yet: NexHealth retries a non-2xx, and reconciliation covers the gap.
      res.send(503, { error: 'Not ready.' });
      return;
    }
    const timestamp = req.header('timestamp');
    const signature = req.header('signature');
    const rawBody: unknown = req.rawBody;
    const check = verifyWebhookSignature(typeof rawBody === 'string' ? rawBody : undefined, { timestamp, signature }, secret, deps.clock.now());
    if (check !== 'valid') {
      deps.logger.warn({ check }, 'webhook refused');
      deps.metrics?.webhook('refused');
      res.send(401, { error: 'Not allowed.' });
      return;
    }
    if (!(await replays.firstSighting(`${timestamp ?? ''}.${(signature ?? '').trim().toLowerCase()}`))) {
      deps.logger.info('webhook replay acknowledged and ignored');
      deps.metrics?.webhook('replayed');
      res.send(200, { received: true });
      return;
    }
    deps.metrics?.webhook('verified');
    const event = parseWebhookEvent(req.body);
    res.send(200, { received: true });
    if (event.kind === 'malformed') {
      deps.logger.warn('webhook body not understood');
      return;
    }
    // After the answer: the sender is never kept waiting on the patient's channel.
    setImmediate(() => {
      deps.outcomes.handleWebhook(event).catch((error: unknown) => {
        deps.logger.error({ err: describeError(error) }, 'webhook event could not be handled; reconciliation will retry');
      });
    });
  });
}

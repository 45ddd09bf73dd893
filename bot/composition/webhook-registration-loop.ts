// The NexHealth webhook registration, kept current: now, then hourly (NexHealth turns an endpoint
// off after two days of failed deliveries); after a failure, again in a minute. The bot starts
// anyway: reconciliation tells patients meanwhile.
import type { Storage } from 'botbuilder';
import type { Logger } from '../../services/logger';
import { ensureWebhookRegistration, readWebhookRegistration, type WebhookApi } from '../../services/notify';
import { describeError } from '../adapter';

export interface Registration {
  first: Promise<void>;
  stop(): void;
  /** For /readyz: 'ok' once registered, until a check fails; 'off' without webhooks. */
  state(): 'ok' | 'not registered yet' | 'failing' | 'off';
}

/** Registers `targetUrl` (or, with webhooks off, reads what another instance registered) and hands each secret to `useSecret`. */
export function keepWebhookRegistered(options: { enabled: boolean; api: WebhookApi; secrets: Storage; targetUrl: string; logger: Logger; useSecret: (secret: string | undefined) => void }): Registration {
  if (!options.enabled) {
    // Without webhooks, a stored secret (another instance registered) still verifies deliveries.
    const first = readWebhookRegistration(options.secrets).then((registered) => options.useSecret(registered?.secret));
    return { first, stop: () => undefined, state: () => 'off' };
  }
  return keepRegistering(async () => {
    const registered = await ensureWebhookRegistration(options.api, options.secrets, options.targetUrl, options.logger);
    options.useSecret(registered.secret);
  }, options.logger);
}

function keepRegistering(register: () => Promise<void>, logger: Logger): Registration {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let state: ReturnType<Registration['state']> = 'not registered yet';
  const again = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => void attempt(), ms);
    timer.unref();
  };
  const attempt = async (): Promise<void> => {
    try {
      await register();
      state = 'ok';
      again(60 * 60_000);
    } catch (error) {
      state = 'failing';
      logger.warn({ err: describeError(error) }, 'webhook registration failed; retrying in a minute');
      again(60_000);
    }
  };
  return { first: attempt(), stop: () => { stopped = true; if (timer) clearTimeout(timer); }, state: () => state };
}

// The composition root: builds every part from the validated configuration and wires them by
// constructor. `npm start` and the end-to-end tests both start the bot through here.
import { ConversationState, MemoryStorage, type Storage } from 'botbuilder';
import type { Server } from 'restify';
import { MainDialog } from '../dialogs/main-dialog';
import type { ConversationData } from '../dialogs/conversation-data';
import { startSandbox, type RunningSandbox } from '../sandbox';
import { BookingService } from '../services/booking';
import { systemClock, type Clock } from '../services/clock';
import type { AppConfig } from '../services/config';
import { createLogger } from '../services/logger';
import { NexHealthClient } from '../services/nexhealth';
import { FileStorage } from '../services/storage';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { AppointmentRequestListener } from '../dialogs/dialog-services';
import type { Logger } from '../services/logger';
import { InsertionOutcomes, PendingAppointmentStore, ensureWebhookRegistration, readWebhookRegistration } from '../services/notify';
import { createAdapter, describeError } from './adapter';
import { AppointmentRequests } from './appointment-requests';
import { ConversationLocks } from './conversation-locks';
import { ProactiveInsertionNotifier } from './insertion-notifier';
import { WEBHOOK_PATH, registerWebhookRoute } from './webhook-route';
import { directLineChannel } from './channels/direct-line';
import { twilioSmsChannel } from './channels/twilio';
import { ProactiveAdapters, type BotRuntime, type ChannelRoutes } from './runtime';
import { BookingBot } from './booking-bot';
import { ReplyRenderer } from './rendering/reply-renderer';
import { closeServer, createServer, listen } from './server';

/** Every channel and route beyond /api/messages; each registers itself on the server. */
const channels: ChannelRoutes[] = [directLineChannel, twilioSmsChannel];

export interface AppOverrides {
  clock?: Clock;
  logger?: Logger;
  /** State storage (tests pass one to share it between two instances). */
  storage?: Storage;
  /** Host to listen on (default all interfaces). */
  host?: string;
}

export interface RunningApp {
  url: string;
  port: number;
  sandbox?: RunningSandbox;
  client: NexHealthClient;
  outcomes: InsertionOutcomes;
  close(): Promise<void>;
}

export async function startApp(config: AppConfig, overrides: AppOverrides = {}): Promise<RunningApp> {
  const logger = overrides.logger ?? createLogger({ level: config.logLevel });
  const clock = overrides.clock ?? systemClock;

  let sandbox: RunningSandbox | undefined;
  let baseUrl = config.nexhealth.baseUrl;
  if (config.nexhealth.mode === 'sandbox' && !baseUrl) {
    sandbox = await startSandbox({ port: config.nexhealth.sandboxPort, insertionDelayMs: config.nexhealth.sandboxInsertionDelayMs, clock, logger: logger.child({ part: 'sandbox' }) });
    baseUrl = sandbox.url;
  }
  const client = new NexHealthClient({
    baseUrl: baseUrl ?? '',
    apiKey: config.nexhealth.apiKey,
    subdomain: config.nexhealth.subdomain,
    clock,
    logger: logger.child({ part: 'nexhealth' }),
    timeoutMs: config.nexhealth.timeoutMs,
    maxRetries: config.nexhealth.maxRetries,
    referenceTtlMs: config.nexhealth.referenceTtlMs,
    requestableProvidersOnly: config.nexhealth.requestableOnly,
  });
  const booking = new BookingService(client, clock, { locationId: config.nexhealth.locationId, bookableOnlineTypesOnly: config.nexhealth.bookableOnlineOnly, logger });

  const storage = overrides.storage ?? createStorage(config);
  const conversationState = new ConversationState(storage);
  const renderer = new ReplyRenderer();
  // The dialogs need the request listener and the notifier needs the dialog: the listener is
  // given the outcomes coordinator once it exists (below).
  const requests = new LateRequests();
  const dialog = new MainDialog({
    booking,
    clock,
    renderer,
    logger,
    conversationData: conversationState.createProperty<ConversationData>('conversationData'),
    requests,
  });
  const locks = new ConversationLocks();
  const bot = new BookingBot(conversationState, dialog, renderer, locks);
  const adapter = createAdapter(config.bot, logger);
  const server: Server = createServer(adapter, bot, { loopbackOnly: !config.bot.appId });
  let url = `http://localhost:${config.port}`;
  const proactive = new ProactiveAdapters({
    continueConversation: (reference, logic) => adapter.continueConversationAsync(config.bot.appId ?? '', reference, logic),
  });

  const outcomes = new InsertionOutcomes(
    new PendingAppointmentStore(storage),
    client,
    new ProactiveInsertionNotifier(proactive, conversationState, bot.dialogState, dialog, booking, locks, logger.child({ part: 'notify' })),
    clock,
    logger.child({ part: 'notify' }),
    { reconcileAfterMs: config.webhooks.reconcileAfterMs },
  );
  requests.target = new AppointmentRequests(outcomes);
  let webhookSecret: string | undefined;
  registerWebhookRoute(server, { secret: () => webhookSecret, outcomes, clock, logger: logger.child({ part: 'webhook' }) });

  const runtime: BotRuntime = { adapter, bot, config, logger, clock, storage, proactive, localUrl: () => url };
  const closers = channels.map((register) => register(server, runtime)).filter((registered) => registered?.close);
  const port = await listen(server, config.port, overrides.host);
  url = `http://localhost:${port}`;
  logger.info({ url, nexhealth: config.nexhealth.mode, storage: config.storage.kind }, 'bot listening');

  const registration = config.webhooks.enabled
    ? keepRegistering(async () => {
      const registered = await ensureWebhookRegistration(client, storage, `${config.publicUrl ?? url}${WEBHOOK_PATH}`, logger.child({ part: 'webhook' }));
      webhookSecret = registered.secret;
    }, logger)
    : undefined;
  // Without webhooks, a stored secret (another instance registered) still verifies deliveries.
  if (!config.webhooks.enabled) webhookSecret = (await readWebhookRegistration(storage))?.secret;
  await registration?.first;
  await outcomes.start();

  return {
    url,
    port,
    sandbox,
    client,
    outcomes,
    async close() {
      registration?.stop();
      await outcomes.stop();
      for (const registered of closers) await registered?.close?.();
      await closeServer(server);
      await sandbox?.close();
    },
  };
}

/** Forwards to the request listener set after construction (breaks the dialog ↔ notifier cycle). */
class LateRequests implements AppointmentRequestListener {
  target?: AppointmentRequestListener;

  async appointmentRequested(...args: Parameters<AppointmentRequestListener['appointmentRequested']>): Promise<void> {
    await this.target?.appointmentRequested(...args);
  }

  async replacementPending(appointmentId: number): Promise<boolean> {
    return (await this.target?.replacementPending(appointmentId)) ?? false;
  }
}

/**
 * Registers the webhook now and checks it again every hour (NexHealth turns an endpoint off after
 * two days of failed deliveries); after a failure, again in a minute. The bot starts anyway:
 * reconciliation tells patients meanwhile.
 */
function keepRegistering(register: () => Promise<void>, logger: Logger): { first: Promise<void>; stop: () => void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const again = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => void attempt(), ms);
    timer.unref();
  };
  const attempt = async (): Promise<void> => {
    try {
      await register();
      again(60 * 60_000);
    } catch (error) {
      logger.warn({ err: describeError(error) }, 'webhook registration failed; retrying in a minute');
      again(60_000);
    }
  };
  return { first: attempt(), stop: () => { stopped = true; if (timer) clearTimeout(timer); } };
}

function createStorage(config: AppConfig): Storage {
  switch (config.storage.kind) {
    case 'memory':
      return new MemoryStorage();
    case 'file':
      return new FileStorage(config.storage.directory);
    case 'blob':
      return new BlobsStorage(config.storage.connectionString, config.storage.container);
  }
}


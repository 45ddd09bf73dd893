// The composition root: builds every part from the validated configuration and wires them by
// constructor. `npm start` and the end-to-end tests both start the bot through here.
import { ConversationState } from 'botbuilder';
import type { Server } from 'restify';
import { MainDialog } from '../dialogs/main-dialog';
import type { ConversationData } from '../dialogs/conversation-data';
import { startSandbox, type RunningSandbox } from '../sandbox';
import { BookingService } from '../services/booking';
import { systemClock, type Clock } from '../services/clock';
import type { AppConfig } from '../services/config';
import { createLogger } from '../services/logger';
import { NexHealthClient } from '../services/nexhealth';
import { ExpiringStorage } from '../services/storage';
import type { AppointmentRequestListener } from '../dialogs/dialog-services';
import type { Logger } from '../services/logger';
import { InsertionOutcomes, PendingAppointmentStore, ensureWebhookRegistration, readWebhookRegistration } from '../services/notify';
import { createAdapter, describeError, type LocalChannelSigning } from './adapter';
import { AppointmentRequests } from './appointment-requests';
import { ConversationLocks } from './conversation-locks';
import { ProactiveInsertionNotifier } from './insertion-notifier';
import { WEBHOOK_PATH, registerWebhookRoute } from './webhook-route';
import { directLineChannel } from './channels/direct-line';
import { twilioSmsChannel } from './channels/twilio';
import { ProactiveAdapters, type BotRuntime, type ChannelRoutes } from './runtime';
import { BookingBot, DIALOG_STATE_PROPERTY } from './booking-bot';
import { ReplyRenderer } from './rendering/reply-renderer';
import { randomBytes } from 'node:crypto';
import { LOCAL_CHANNEL_HEADER, closeServer, createServer, listen } from './server';
import { createStores, moveWebhookSecret, type StateStores } from './state-stores';
import { TurnGate } from './turn-gate';
import { SERVICE_PATH } from './channels/direct-line/local-direct-line';

/** Every channel and route beyond /api/messages; each registers itself on the server. */
const channels: ChannelRoutes[] = [directLineChannel, twilioSmsChannel];

const CONVERSATION_DATA_PROPERTY = 'conversationData';
/** A flow's answers (name, birth date, contact, the matched record) last 30 minutes without a message. */
const FLOW_IDLE_MS = 30 * 60_000;
const SWEEP_EVERY_MS = 5 * 60_000;

export interface AppOverrides {
  clock?: Clock;
  logger?: Logger;
  /** State stores (tests pass them to share state between two instances). */
  stores?: StateStores;
  /** How often the file store's expired conversations are swept (default 5 minutes). */
  sweepEveryMs?: number;
  /** Host to listen on (default all interfaces). */
  host?: string;
}

export interface RunningApp {
  url: string;
  port: number;
  sandbox?: RunningSandbox;
  client: NexHealthClient;
  outcomes: InsertionOutcomes;
  /** The key the bot signs its local channel calls with (tests act as the bot with it). */
  localChannel: LocalChannelSigning;
  /** One pass of the conversation-state sweep (it also runs every few minutes on file storage). */
  sweepConversations(): Promise<number>;
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
  const stores = overrides.stores ?? createStores(config.storage);
  await moveWebhookSecret(stores);
  const pendingStore = new PendingAppointmentStore(stores.records);
  const booking = new BookingService(client, clock, {
    locationId: config.nexhealth.locationId, bookableOnlineTypesOnly: config.nexhealth.bookableOnlineOnly, logger, slotCacheTtlMs: config.nexhealth.slotCacheTtlMs,
    beforeCancel: (appointmentId) => pendingStore.unwatch(appointmentId),
  });
  // The dialog stack holds a flow's answers too (in its options), so both go after 30 minutes.
  const conversations = new ExpiringStorage(stores.conversations, clock, {
    idleMs: config.conversationIdleMs,
    shortLived: { afterMs: FLOW_IDLE_MS, properties: [CONVERSATION_DATA_PROPERTY, DIALOG_STATE_PROPERTY] },
  });
  const sweeper = conversations.startSweeping(overrides.sweepEveryMs ?? SWEEP_EVERY_MS, (error) => logger.warn({ err: describeError(error) }, 'conversation state sweep failed'));
  const conversationState = new ConversationState(conversations);
  const renderer = new ReplyRenderer();
  // The dialogs need the request listener and the notifier needs the dialog: the listener is
  // given the outcomes coordinator once it exists (below).
  const requests = new LateRequests();
  const dialog = new MainDialog({
    booking,
    clock,
    renderer,
    logger,
    conversationData: conversationState.createProperty<ConversationData>(CONVERSATION_DATA_PROPERTY),
    requests,
  });
  const locks = new ConversationLocks();
  const bot = new BookingBot(conversationState, dialog, renderer, locks);
  let url = `http://localhost:${config.port}`;
  let port = config.port;
  const localChannel = { header: LOCAL_CHANNEL_HEADER, key: randomBytes(32).toString('base64url'), serviceUrl: () => `${url}${SERVICE_PATH}` };
  const adapter = createAdapter(config.bot, logger, localChannel);
  const gate = new TurnGate(locks);
  const server: Server = createServer(adapter, {
    access: { appId: config.bot.appId, localChannelKey: localChannel.key, localServiceUrls: () => [localChannel.serviceUrl()], ownPort: () => port },
    limits: config.http,
    https: (config.publicUrl ?? '').startsWith('https://'),
    turn: (context) => gate.admit(context, (admitted) => bot.run(admitted)),
  });
  const proactive = new ProactiveAdapters({
    continueConversation: (reference, logic) => adapter.continueConversationAsync(config.bot.appId ?? '', reference, logic),
  });

  const outcomes = new InsertionOutcomes(
    pendingStore,
    client,
    new ProactiveInsertionNotifier(proactive, conversationState, bot.dialogState, dialog, booking, locks, logger.child({ part: 'notify' })),
    clock,
    logger.child({ part: 'notify' }),
    { reconcileAfterMs: config.webhooks.reconcileAfterMs },
  );
  requests.target = new AppointmentRequests(outcomes);
  let webhookSecret: string | undefined;
  registerWebhookRoute(server, { secret: () => webhookSecret, outcomes, storage: stores.records, clock, logger: logger.child({ part: 'webhook' }) });

  const runtime: BotRuntime = { adapter, bot, gate, config, logger, clock, storage: stores.records, proactive, localUrl: () => url, localChannel };
  const closers = channels.map((register) => register(server, runtime)).filter((registered) => registered?.close);
  port = await listen(server, config.port, overrides.host);
  url = `http://localhost:${port}`;
  logger.info({ url, nexhealth: config.nexhealth.mode, storage: config.storage.kind }, 'bot listening');

  const registration = config.webhooks.enabled
    ? keepRegistering(async () => {
      const registered = await ensureWebhookRegistration(client, stores.secrets, `${config.publicUrl ?? url}${WEBHOOK_PATH}`, logger.child({ part: 'webhook' }));
      webhookSecret = registered.secret;
    }, logger)
    : undefined;
  // Without webhooks, a stored secret (another instance registered) still verifies deliveries.
  if (!config.webhooks.enabled) webhookSecret = (await readWebhookRegistration(stores.secrets))?.secret;
  await registration?.first;
  await outcomes.start();

  return {
    url,
    port,
    sandbox,
    client,
    outcomes,
    localChannel,
    sweepConversations: () => conversations.sweep(),
    async close() {
      registration?.stop();
      await sweeper.stop();
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

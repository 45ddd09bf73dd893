// The composition root: builds every part from the validated configuration and wires them by
// constructor. `npm start` and the end-to-end tests both start the bot through here.
import { randomBytes } from 'node:crypto';
import type { Server } from 'restify';
import { MainDialog } from '../dialogs/main-dialog';
import type { ConversationData } from '../dialogs/conversation-data';
import type { AppointmentRequestListener } from '../dialogs/dialog-services';
import type { RunningSandbox } from '../sandbox';
import { BookingService } from '../services/booking';
import { systemClock, type Clock } from '../services/clock';
import type { AppConfig } from '../services/config';
import { createLogger, type Logger } from '../services/logger';
import { Metrics, countingAnswers } from '../services/metrics';
import type { NexHealthClient } from '../services/nexhealth';
import { InsertionOutcomes, PendingAppointmentStore } from '../services/notify';
import { createAdapter, describeError, type LocalChannelSigning } from './adapter';
import { AppointmentRequests } from './appointment-requests';
import { BookingBot } from './booking-bot';
import { directLineChannel } from './channels/direct-line';
import { SERVICE_PATH } from './channels/direct-line/local-direct-line';
import { twilioSmsChannel } from './channels/twilio';
import { CONVERSATION_DATA_PROPERTY, openConversationState } from './composition/conversation-state';
import { connectNexHealth } from './composition/nexhealth';
import { keepWebhookRegistered, type Registration } from './composition/webhook-registration-loop';
import { ConversationLocks } from './conversation-locks';
import { InFlightRequests, stopAccepting } from './http/graceful-stop';
import { ProactiveInsertionNotifier } from './insertion-notifier';
import { registerMetricsRoute } from './metrics-route';
import { appReadiness, registerHealthRoutes } from './readiness';
import { ReplyRenderer } from './rendering/reply-renderer';
import { ProactiveAdapters, type BotRuntime, type ChannelRoutes } from './runtime';
import { LOCAL_CHANNEL_HEADER, createServer, listen } from './server';
import { createStores, moveWebhookSecret, sweepExpiredRecords, type StateStores } from './state-stores';
import { TurnGate } from './turn-gate';
import { loadLogKey } from './turn-log';
import { WEBHOOK_PATH, registerWebhookRoute } from './webhook-route';

/** How long a stop waits for turns in flight (a turn that waits on NexHealth may take seconds). */
const STOP_TURNS_WITHIN_MS = 10_000;

/** Every channel and route beyond /api/messages; each registers itself on the server. */
const channels: ChannelRoutes[] = [directLineChannel, twilioSmsChannel];


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
  const metrics = new Metrics();
  const clock = overrides.clock ?? systemClock;
  const { client, sandbox } = await connectNexHealth(config, clock, logger, metrics);
  const stores = overrides.stores ?? createStores(config.storage);
  await moveWebhookSecret(stores);
  const pendingStore = new PendingAppointmentStore(stores.records);
  const booking = new BookingService(client, clock, {
    locationId: config.nexhealth.locationId, bookableOnlineTypesOnly: config.nexhealth.bookableOnlineOnly, logger, slotCacheTtlMs: config.nexhealth.slotCacheTtlMs,
    // The bot's own cancellations are not office changes to tell the patient about.
    beforeCancel: (appointmentId) => pendingStore.unwatch(appointmentId),
  });
  const recordsSweeper = sweepExpiredRecords(stores.records, () => clock.now().getTime(), (error) => logger.warn({ err: describeError(error) }, 'records sweep failed'));
  const { conversationState, conversations, sweeper } = openConversationState(stores.conversations, { idleMs: config.conversationIdleMs, sweepEveryMs: overrides.sweepEveryMs, clock, logger });
  const renderer = new ReplyRenderer();
  // The dialogs need the request listener and the notifier needs the dialog: the listener is
  // given the outcomes coordinator once it exists (below).
  const requests = new LateRequests();
  const conversationData = conversationState.createProperty<ConversationData>(CONVERSATION_DATA_PROPERTY);
  const dialog = new MainDialog({ booking, clock, renderer, logger, conversationData, requests, funnel: metrics });
  const locks = new ConversationLocks();
  const bot = new BookingBot(conversationState, dialog, renderer, locks, { key: await loadLogKey(stores.secrets), logger: logger.child({ part: 'turn' }), metrics });
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
  const inFlight = new InFlightRequests(server.server);
  const proactive = new ProactiveAdapters({ continueConversation: (reference, logic) => adapter.continueConversationAsync(config.bot.appId ?? '', reference, logic) });
  const notifier = new ProactiveInsertionNotifier(proactive, conversationState, bot.dialogState, dialog, booking, locks, logger.child({ part: 'notify' }));
  const outcomes = new InsertionOutcomes(pendingStore, client, countingAnswers(notifier, metrics, () => clock.now()), clock, logger.child({ part: 'notify' }), { reconcileAfterMs: config.webhooks.reconcileAfterMs });
  requests.target = new AppointmentRequests(outcomes);
  let webhookSecret: string | undefined;
  registerWebhookRoute(server, { secret: () => webhookSecret, outcomes, storage: stores.records, clock, logger: logger.child({ part: 'webhook' }), metrics });
  // eslint-disable-next-line prefer-const -- the readiness check reads it before it is assigned
  let registration: Registration | undefined;
  const instance = localChannel.key.slice(0, 12);
  registerHealthRoutes(server, appReadiness({ stores: [stores.records, stores.conversations, stores.secrets], nexhealth: client, webhooks: () => registration?.state() ?? 'not registered yet', instance, now: () => clock.now().getTime() }));
  registerMetricsRoute(server, metrics, config.metricsToken);

  const runtime: BotRuntime = { adapter, bot, gate, config, logger, clock, storage: stores.records, proactive, localUrl: () => url, localChannel };
  const closers = channels.map((register) => register(server, runtime)).filter((registered) => registered?.close);
  port = await listen(server, config.port, overrides.host);
  url = `http://localhost:${port}`;
  logger.info({ url, nexhealth: config.nexhealth.mode, storage: config.storage.kind }, 'bot listening');
  registration = keepWebhookRegistered({
    enabled: config.webhooks.enabled, api: client, secrets: stores.secrets, targetUrl: `${config.publicUrl ?? url}${WEBHOOK_PATH}`,
    logger: logger.child({ part: 'webhook' }), useSecret: (secret) => { webhookSecret = secret; },
  });
  await registration.first;
  await outcomes.start();

  const stopping = registration;
  return {
    url, port, sandbox, client, outcomes, localChannel,
    sweepConversations: () => conversations.sweep(),
    async close() {
      stopping.stop();
      // New connections are refused at once; turns already running finish and save their state.
      const closed = stopAccepting(server.server);
      await inFlight.settled(STOP_TURNS_WITHIN_MS);
      await sweeper.stop();
      await recordsSweeper.stop();
      await outcomes.stop();
      for (const registered of closers) await registered?.close?.();
      server.server.closeAllConnections();
      await closed;
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

// The composition root: builds every part from the validated configuration and wires them by
// constructor. `npm start` and the end-to-end tests both start the bot through here.
import type { RunningSandbox } from '../sandbox';
import { BookingService } from '../services/booking';
import { systemClock, type Clock } from '../services/clock';
import type { AppConfig } from '../services/config';
import { createLogger, type Logger } from '../services/logger';
import { Metrics, countingAnswers } from '../services/metrics';
import type { NexHealthClient } from '../services/nexhealth';
import { InsertionOutcomes, PendingAppointmentStore, type ProactiveMessenger } from '../services/notify';
import type { LocalChannelSigning } from './adapter';
import { directLineChannel } from './channels/direct-line';
import { twilioSmsChannel } from './channels/twilio';
import { createBotServer, type BotServer } from './composition/bot-server';
import { buildConversationBot } from './composition/conversation-bot';
import { connectNexHealth } from './composition/nexhealth';
import { openState } from './composition/state';
import { keepWebhookRegistered, type Registration } from './composition/webhook-registration-loop';
import { stopAccepting } from './http/graceful-stop';
import { registerMetricsRoute } from './metrics-route';
import { ProactiveTurns } from './proactive-turns';
import { appReadiness, registerHealthRoutes } from './readiness';
import type { BotRuntime, ChannelRoutes } from './runtime';
import { listen } from './server';
import type { StateStores } from './state-stores';
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
  /** Tells a patient something outside their turn, through the bot's own turn (for any service). */
  messenger: ProactiveMessenger;
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
  const state = await openState(config, { stores: overrides.stores, sweepEveryMs: overrides.sweepEveryMs, clock, logger });
  const { stores } = state;
  const pendingStore = new PendingAppointmentStore(stores.records, () => clock.now().getTime());
  const booking = new BookingService(client, clock, {
    locationId: config.nexhealth.locationId, bookableOnlineTypesOnly: config.nexhealth.bookableOnlineOnly, logger, slotCacheTtlMs: config.nexhealth.slotCacheTtlMs,
    // The bot's own cancellations are not office changes to tell the patient about.
    beforeCancel: (appointmentId) => pendingStore.unwatch(appointmentId),
  });
  const reconcileAfterMs = config.webhooks.reconcileAfterMs;
  const { bot, locks } = buildConversationBot({ booking, clock, logger, metrics, conversationState: state.conversationState, pendingStore, reconcileAfterMs, logKey: await loadLogKey(stores.secrets) });
  const http = createBotServer(config, logger, bot, locks);
  const { server, address, localChannel } = http;
  const messenger = new ProactiveTurns(http.proactive, bot);
  const outcomes = new InsertionOutcomes(pendingStore, client, messenger, clock, logger.child({ part: 'notify' }), {
    reconcileAfterMs, cancelReplaced: (appointmentId) => booking.appointments.cancel(appointmentId), onAnswered: countingAnswers(metrics),
  });
  let webhookSecret: string | undefined;
  registerWebhookRoute(server, { secret: () => webhookSecret, outcomes, storage: stores.records, clock, logger: logger.child({ part: 'webhook' }), metrics });
  // eslint-disable-next-line prefer-const -- the readiness check reads it before it is assigned
  let registration: Registration | undefined;
  registerHealthRoutes(server, appReadiness({ stores: [stores.records, stores.conversations, stores.secrets], nexhealth: client, webhooks: () => registration?.state() ?? 'not registered yet', instance: localChannel.key.slice(0, 12), now: () => clock.now().getTime() }));
  registerMetricsRoute(server, metrics, config.metricsToken);
  const runtime: BotRuntime = { adapter: http.adapter, bot, gate: http.gate, config, logger, clock, storage: stores.records, proactive: http.proactive, localUrl: () => address.url, localChannel };
  const closers = channels.map((register) => register(server, runtime)).filter((registered) => registered?.close);
  address.port = await listen(server, config.port, overrides.host);
  address.url = `http://localhost:${address.port}`;
  logger.info({ url: address.url, nexhealth: config.nexhealth.mode, storage: config.storage.kind }, 'bot listening');
  registration = keepWebhookRegistered({
    enabled: config.webhooks.enabled, api: client, secrets: stores.secrets, targetUrl: `${config.publicUrl ?? address.url}${WEBHOOK_PATH}`,
    logger: logger.child({ part: 'webhook' }), useSecret: (secret) => { webhookSecret = secret; },
  });
  await registration.first;
  await outcomes.start();
  const stopping = registration;
  return {
    url: address.url, port: address.port, sandbox, client, outcomes, messenger, localChannel,
    sweepConversations: () => state.conversations.sweep(),
    close: () => closeApp(http, [() => stopping.stop(), () => state.stop(), () => outcomes.stop(), ...closers.map((registered) => () => registered?.close?.())], sandbox),
  };
}

/** Refuses new connections at once, lets turns already running finish and save, then stops the rest in order. */
async function closeApp(http: BotServer, stops: (() => unknown)[], sandbox?: RunningSandbox): Promise<void> {
  const closed = stopAccepting(http.server.server);
  await http.inFlight.settled(STOP_TURNS_WITHIN_MS);
  for (const stop of stops) await stop();
  http.server.server.closeAllConnections();
  await closed;
  await sandbox?.close();
}

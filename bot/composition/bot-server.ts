// The HTTP side: the adapter, the restify server with /api/messages behind the turn gate, the local
// channel's signing key, and where the bot listens (known once it does).
import { randomBytes } from 'node:crypto';
import type { CloudAdapter } from 'botbuilder';
import type { Server } from 'restify';
import type { AppConfig } from '../../services/config';
import type { Logger } from '../../services/logger';
import { createAdapter, type LocalChannelSigning } from '../adapter';
import type { BookingBot } from '../booking-bot';
import { SERVICE_PATH } from '../channels/direct-line/local-direct-line';
import type { ConversationLocks } from '../conversation-locks';
import { InFlightRequests } from '../http/graceful-stop';
import { ProactiveAdapters } from '../runtime';
import { LOCAL_CHANNEL_HEADER, createServer } from '../server';
import { TurnGate } from '../turn-gate';

export interface BotServer {
  server: Server;
  adapter: CloudAdapter;
  gate: TurnGate;
  inFlight: InFlightRequests;
  proactive: ProactiveAdapters;
  localChannel: LocalChannelSigning;
  /** Where the bot listens: the configured port until `listen` found the real one. */
  address: { url: string; port: number };
}

export function createBotServer(config: AppConfig, logger: Logger, bot: BookingBot, locks: ConversationLocks): BotServer {
  const address = { url: `http://localhost:${config.port}`, port: config.port };
  const localChannel = { header: LOCAL_CHANNEL_HEADER, key: randomBytes(32).toString('base64url'), serviceUrl: () => `${address.url}${SERVICE_PATH}` };
  const adapter = createAdapter(config.bot, logger, localChannel);
  const gate = new TurnGate(locks);
  const server = createServer(adapter, {
    access: { appId: config.bot.appId, localChannelKey: localChannel.key, localServiceUrls: () => [localChannel.serviceUrl()], ownPort: () => address.port },
    limits: config.http,
    https: (config.publicUrl ?? '').startsWith('https://'),
    turn: (context) => gate.admit(context, (admitted) => bot.run(admitted)),
  });
  const proactive = new ProactiveAdapters({ continueConversation: (reference, logic) => adapter.continueConversationAsync(config.bot.appId ?? '', reference, logic) });
  return { server, adapter, gate, inFlight: new InFlightRequests(server.server), proactive, localChannel, address };
}

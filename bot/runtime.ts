// What a channel's routes get to work with. Each channel (local Direct Line, Twilio SMS, the
// NexHealth webhook) registers its routes on the bot's server through a `ChannelRoutes` function.
import type { ActivityHandler, CloudAdapter, Storage } from 'botbuilder';
import type { Server } from 'restify';
import type { Clock } from '../services/clock';
import type { AppConfig } from '../services/config';
import type { Logger } from '../services/logger';

export interface BotRuntime {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  config: AppConfig;
  logger: Logger;
  clock: Clock;
  storage: Storage;
  /** The bot's own local URL, known once it listens (a local channel's serviceUrl points here). */
  localUrl(): string;
}

/** Registers a channel's routes; may return what to stop when the bot closes. */
export type ChannelRoutes = (server: Server, runtime: BotRuntime) => { close?: () => Promise<void> } | void;

// What a channel's routes get to work with. Each channel (local Direct Line, Twilio SMS, the
// NexHealth webhook) registers its routes on the bot's server through a `ChannelRoutes` function.
import type { ActivityHandler, CloudAdapter, ConversationReference, Storage, TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import type { Clock } from '../services/clock';
import type { AppConfig } from '../services/config';
import type { Logger } from '../services/logger';
import type { LocalChannelSigning } from './adapter';
import type { TurnGate } from './turn-gate';

export interface BotRuntime {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  /** Admits a patient's message as a turn, or says "slow down" (bot/turn-gate.ts). */
  gate: TurnGate;
  config: AppConfig;
  logger: Logger;
  clock: Clock;
  storage: Storage;
  proactive: ProactiveAdapters;
  /** The bot's own local URL, known once it listens (a local channel's serviceUrl points here). */
  localUrl(): string;
  /** The key the bot's in-process channels share with it, and where they are. */
  localChannel: LocalChannelSigning;
}

/** Sends into an existing conversation outside a turn (proactive messages). */
export interface ProactiveAdapter {
  continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

/**
 * Which adapter reaches a conversation: the CloudAdapter by default; a channel with its own adapter
 * (Twilio SMS without Azure) registers it for its channelId.
 */
export class ProactiveAdapters {
  private readonly byChannel = new Map<string, ProactiveAdapter>();

  constructor(private readonly fallback: ProactiveAdapter) {}

  register(channelId: string, adapter: ProactiveAdapter): void {
    this.byChannel.set(channelId, adapter);
  }

  for(reference: Partial<ConversationReference>): ProactiveAdapter {
    return this.byChannel.get(reference.channelId ?? '') ?? this.fallback;
  }
}

/** Registers a channel's routes; may return what to stop when the bot closes. */
export type ChannelRoutes = (server: Server, runtime: BotRuntime) => { close?: () => Promise<void> } | void;

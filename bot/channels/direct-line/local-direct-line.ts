// The local channel itself: what Azure's Direct Line service does for Web Chat, in process.
// Users' activities are stamped and handed to the bot over HTTP; the bot's replies (and proactive
// messages) arrive at the connector routes under `serviceUrl` and are kept for polls and streams.
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Activity, ChannelAccount } from 'botbuilder';
import type { BotRuntime } from '../../runtime';
import { carriesKey } from '../../server';
import { BotDelivery, type DeliveryResult } from './bot-delivery';
import { ConversationStore, type ConversationStoreLimits, type DirectLineConversation } from './conversation-store';
import { DirectLineTokens } from './direct-line-tokens';

export const CHANNEL_ID = 'webchat';
/** Where the bot's connector calls land: `<bot url>/directline/v3/conversations/...`. */
export const SERVICE_PATH = '/directline';

export interface TokenGrant {
  conversationId: string;
  token: string;
  expires_in: number;
}

export interface LocalDirectLineOptions {
  limits?: ConversationStoreLimits;
  tokenTtlSeconds?: number;
}

export class LocalDirectLine {
  readonly store: ConversationStore;
  readonly tokens: DirectLineTokens;
  private readonly delivery: BotDelivery;
  private readonly bot: ChannelAccount;

  constructor(private readonly runtime: BotRuntime, options: LocalDirectLineOptions = {}) {
    this.store = new ConversationStore(runtime.clock, options.limits);
    this.tokens = new DirectLineTokens(runtime.clock, options.tokenTtlSeconds);
    this.delivery = new BotDelivery(() => `${runtime.localUrl()}/api/messages`, runtime.localChannel, runtime.logger.child({ part: 'directline' }));
    this.bot = { id: runtime.config.bot.appId || 'booking-bot', name: 'Booking bot', role: 'bot' };
  }

  serviceUrl(): string {
    return this.runtime.localChannel.serviceUrl();
  }

  /** Whether a connector call comes from this bot (it carries the key only the bot holds). */
  fromThisBot(headers: IncomingHttpHeaders): boolean {
    return carriesKey(headers, this.runtime.localChannel.key);
  }

  /** A new conversation and the token that opens it (Direct Line's tokens/generate). */
  openConversation(requestedUserId?: string): TokenGrant {
    const userId = requestedUserId && /^dl_[\w-]{1,64}$/.test(requestedUserId) ? requestedUserId : `dl_${randomBytes(12).toString('hex')}`;
    const conversation = this.store.create(userId);
    return this.grant(conversation);
  }

  grant(conversation: DirectLineConversation): TokenGrant {
    return {
      conversationId: conversation.id,
      token: this.tokens.issue({ conversationId: conversation.id, userId: conversation.userId }),
      expires_in: this.tokens.ttlSeconds,
    };
  }

  /** Tells the bot the user joined, once per conversation, so it greets. */
  start(conversation: DirectLineConversation): void {
    if (conversation.started) return;
    conversation.started = true;
    const joined = this.stamp(conversation, { type: 'conversationUpdate', from: { id: conversation.userId, name: 'Patient', role: 'user' }, membersAdded: [{ id: conversation.userId, name: 'Patient', role: 'user' }], recipient: this.bot });
    void this.delivery.deliver(conversation, joined);
  }

  /** A user's activity: kept (Web Chat waits for its echo), then delivered to the bot. */
  async fromUser(conversation: DirectLineConversation, posted: Partial<Activity>): Promise<{ id: string; delivered: DeliveryResult } | undefined> {
    this.start(conversation);
    const { id: _ignoredId, ...rest } = posted;
    const activity = this.stamp(conversation, {
      ...rest,
      from: { id: conversation.userId, name: posted.from?.name ?? '', role: 'user' },
      recipient: this.bot,
    });
    const stored = this.store.append(conversation.id, activity as Activity);
    if (!stored) return undefined;
    const delivered = await this.delivery.deliver(conversation, stored);
    return { id: stored.id, delivered };
  }

  /** A message of the channel's own, shown as the bot's (e.g. "slow down" when it refuses a post). */
  notice(conversation: DirectLineConversation, text: string): void {
    this.fromBot(conversation.id, { type: 'message', text });
  }

  /** What the bot sent to the conversation (a reply, or proactive without replyToId). */
  fromBot(conversationId: string, sent: Partial<Activity>, replyToId?: string): Activity | undefined {
    const conversation = this.store.get(conversationId);
    if (!conversation) return undefined;
    const { id: _ignoredId, replyToId: _bodyReplyToId, ...rest } = sent;
    // A proactive message replies to a made-up id (the continuation's); Web Chat would hold it
    // back for seconds waiting for that activity, so only a known reply id is kept.
    const repliesTo = replyToId ?? sent.replyToId;
    const activity = this.stamp(conversation, {
      ...rest,
      from: { ...this.bot, ...sent.from, role: 'bot' },
      recipient: { id: conversation.userId, name: '', role: 'user' },
      ...(repliesTo && this.store.has(conversationId, repliesTo) ? { replyToId: repliesTo } : {}),
    });
    return this.store.append(conversationId, activity as Activity);
  }

  /** The bot's update of an activity it sent (delivered again under a new watermark). */
  updateFromBot(conversationId: string, activityId: string, sent: Partial<Activity>): Activity | undefined {
    const conversation = this.store.get(conversationId);
    if (!conversation) return undefined;
    const activity = this.stamp(conversation, { ...sent, from: { ...this.bot, ...sent.from, role: 'bot' }, recipient: { id: conversation.userId, name: '', role: 'user' } });
    return this.store.replace(conversationId, activityId, activity as Activity);
  }

  /** The channel's envelope; what the bot may trust regardless of what the client sent. */
  private stamp(conversation: DirectLineConversation, activity: Partial<Activity>): Partial<Activity> {
    return {
      ...activity,
      timestamp: this.runtime.clock.now(),
      channelId: CHANNEL_ID,
      serviceUrl: this.serviceUrl(),
      conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
    };
  }
}

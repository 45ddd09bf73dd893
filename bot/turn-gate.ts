// Messages into one conversation beyond what a person types are not turned into turns: the first
// one over the limit gets a friendly "slow down", the rest are dropped. Proactive results never
// pass here (they are not the patient's messages).
import type { TurnContext } from 'botbuilder';
import { messages } from '../services/copy';
import { ConversationLocks } from './conversation-locks';
import { KeyedRateLimiter, LIMITS } from './http/rate-limiter';

/** Turns of one conversation that may wait behind the running one. */
const MAX_QUEUED_TURNS = 5;

export class TurnGate {
  private readonly perConversation: KeyedRateLimiter;
  private readonly notices: KeyedRateLimiter;

  constructor(private readonly locks: ConversationLocks, now: () => number = Date.now) {
    this.perConversation = new KeyedRateLimiter(LIMITS.conversation, now);
    this.notices = new KeyedRateLimiter(LIMITS.slowDownNotice, now);
  }

  async admit(context: TurnContext, turn: (context: TurnContext) => Promise<void>): Promise<void> {
    const key = ConversationLocks.keyOf(context.activity);
    if (this.perConversation.allow(key) && this.locks.queued(key) < MAX_QUEUED_TURNS) return turn(context);
    if (this.notices.allow(key)) await context.sendActivity(messages.slowDown);
  }
}

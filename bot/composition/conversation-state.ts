// Conversation state on its own expiring store: a flow's answers go after 30 minutes idle, the
// whole conversation after CONVERSATION_IDLE_HOURS; file and memory stores are swept.
import { ConversationState, type Storage } from 'botbuilder';
import type { Clock } from '../../services/clock';
import type { Logger } from '../../services/logger';
import { ExpiringStorage } from '../../services/storage';
import { describeError } from '../adapter';
import { DIALOG_STATE_PROPERTY } from '../booking-bot';

/** Where flows kept their data before it moved into their dialogs' state: still expired for conversations saved by an older version. */
export const CONVERSATION_DATA_PROPERTY = 'conversationData';
/** A flow's answers (name, birth date, contact, the matched record) last 30 minutes without a message. */
const FLOW_IDLE_MS = 30 * 60_000;
const SWEEP_EVERY_MS = 5 * 60_000;

export function openConversationState(store: Storage, options: { idleMs: number; sweepEveryMs?: number; clock: Clock; logger: Logger }) {
  // The dialog stack holds a flow's answers too (in its options), so both go after 30 minutes.
  const conversations = new ExpiringStorage(store, options.clock, {
    idleMs: options.idleMs,
    shortLived: { afterMs: FLOW_IDLE_MS, properties: [CONVERSATION_DATA_PROPERTY, DIALOG_STATE_PROPERTY] },
  });
  const sweeper = conversations.startSweeping(options.sweepEveryMs ?? SWEEP_EVERY_MS, (error) => options.logger.warn({ err: describeError(error) }, 'conversation state sweep failed'));
  return { conversationState: new ConversationState(conversations), conversations, sweeper };
}

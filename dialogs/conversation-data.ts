// What a conversation remembers between turns (in ConversationState, through one accessor).
import type { BookingDraft } from '../services/booking';
import type { Slot } from '../services/nlu';

/** What the bot just asked: tells `understand` how to read a bare answer. */
export type Expecting = Slot | 'choice' | 'confirm';

export interface ConversationData {
  /** The booking being put together; cleared when the flow ends. */
  draft: BookingDraft;
  expecting?: Expecting;
}

export function emptyConversationData(): ConversationData {
  return { draft: {} };
}

// Proactive messages (insertion results, office changes, anything another service must tell a
// patient) travel as an event activity through the bot's normal turn: continueConversation →
// bot.run. So the same path that handles a patient's message takes the conversation's lock, runs
// the dialogs (a refusal offers other times in the same turn) and saves state once at the end.
import { ActivityTypes, type ConversationReference, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { StatePropertyAccessor } from 'botbuilder';
import type { MainDialog } from '../dialogs/main-dialog';
import { neutralActivity } from '../dialogs/dialog-steps';
import { turnCatalogue } from '../services/copy';
import type { ProactiveMessage, ProactiveMessenger } from '../services/notify';
import type { ProactiveAdapters } from './runtime';

/** The event activity's name (for logs and routing). */
export const PROACTIVE_EVENT = 'proactiveMessage';
/**
 * The message itself rides in the turn's in-process state, never in the activity: an event a
 * client posts to /api/messages with the same name carries nothing the bot acts on.
 */
const PROACTIVE_MESSAGE = Symbol('proactive message');

/**
 * Sends through the conversation's adapter and the bot's turn. Never call it for the conversation
 * whose turn is running (its lock is held by that turn): send from outside the turn.
 */
export class ProactiveTurns implements ProactiveMessenger {
  constructor(
    private readonly adapters: ProactiveAdapters,
    private readonly bot: { run(context: TurnContext): Promise<void> },
  ) {}

  async send(conversation: Record<string, unknown>, message: ProactiveMessage): Promise<void> {
    const reference = conversation as Partial<ConversationReference>;
    let failure: { error: unknown } | undefined;
    await this.adapters.for(reference).continueConversation(reference, async (context) => {
      context.activity.type = ActivityTypes.Event;
      context.activity.name = PROACTIVE_EVENT;
      context.turnState.set(PROACTIVE_MESSAGE, message);
      // Kept from the adapter's turn-error handler (it would apologise and swallow it): a failed
      // delivery must reach the caller, which keeps the result to tell it again.
      try {
        await this.bot.run(context);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
  }
}

/** The proactive turn's reply: what the message says, worded for the channel (BookingBot's event handler). */
export async function replyToProactive(context: TurnContext, deps: { dialog: MainDialog; dialogState: StatePropertyAccessor<DialogState> }): Promise<void> {
  const message = context.turnState.get<ProactiveMessage | undefined>(PROACTIVE_MESSAGE);
  if (!message) return;
  const messages = turnCatalogue(context.turnState);
  switch (message.kind) {
    case 'booked': await context.sendActivity(messages.booked(message.summary)); return;
    case 'rescheduled': await context.sendActivity(messages.rescheduled(message.summary, message.oldWhen)); return;
    case 'refused': {
      const lead = message.oldWhen ? messages.rescheduleRefused(message.oldWhen) : messages.officeRefused;
      await deps.dialog.offerOtherTimes(context, deps.dialogState, message.retry, lead);
      return;
    }
    case 'text': {
      const choices = message.choices?.map((label) => ({ label }));
      await context.sendActivity(neutralActivity({ kind: choices ? 'question' : 'menu', text: message.text, ...(choices ? { choices } : {}) }));
      return;
    }
    case 'sync_offline': await context.sendActivity(messages.syncOffline); return;
    case 'office_cancelled': await context.sendActivity(messages.officeCancelled(message.type, message.when)); return;
    case 'office_moved': await context.sendActivity(messages.officeMoved(message.type, message.when, message.newWhen)); return;
  }
}

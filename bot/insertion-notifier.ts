// Tells the patient, in their own conversation, what the record system said: "You're booked", or
// "couldn't take that time" followed at once by other times to pick from.
import type { BotState, ConversationReference, StatePropertyAccessor } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { MainDialog } from '../dialogs/main-dialog';
import { messages } from '../dialogs/messages';
import type { BookingDraft } from '../services/booking';
import type { InsertionNotifier, InsertionOutcome, PendingAppointment } from '../services/notify';
import type { ProactiveAdapters } from './runtime';

export class ProactiveInsertionNotifier implements InsertionNotifier {
  constructor(
    private readonly adapters: ProactiveAdapters,
    private readonly conversationState: BotState,
    private readonly dialogState: StatePropertyAccessor<DialogState>,
    private readonly dialog: MainDialog,
  ) {}

  async notify(record: PendingAppointment, outcome: InsertionOutcome): Promise<void> {
    const reference = record.conversation as Partial<ConversationReference>;
    await this.adapters.for(reference).continueConversation(reference, async (context) => {
      if (outcome === 'complete') {
        await context.sendActivity(messages.booked(record.summary));
      } else {
        await this.dialog.offerOtherTimes(context, this.dialogState, record.retry as BookingDraft, messages.officeRefused);
      }
      await this.conversationState.saveChanges(context, false);
    });
  }
}

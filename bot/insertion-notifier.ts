// Tells the patient, in their own conversation, what the record system said: "You're booked", or
// "couldn't take that time" followed at once by other times to pick from. A confirmed reschedule
// cancels the appointment it replaces first; a refused one leaves it untouched.
import type { BotState, ConversationReference, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { MainDialog } from '../dialogs/main-dialog';
import { messages } from '../dialogs/messages';
import type { InsertionNotifier, InsertionOutcome, PatientNotice, PendingAppointment } from '../services/notify';
import { isNexHealthError } from '../services/nexhealth';
import type { Logger } from '../services/logger';
import { ConversationLocks } from './conversation-locks';
import type { ProactiveAdapters } from './runtime';

/** Cancels the appointment a confirmed reschedule replaces (BookingService). */
export interface AppointmentCanceller {
  cancel(appointmentId: number): Promise<void>;
}

export class ProactiveInsertionNotifier implements InsertionNotifier {
  constructor(
    private readonly adapters: ProactiveAdapters,
    private readonly conversationState: BotState,
    private readonly dialogState: StatePropertyAccessor<DialogState>,
    private readonly dialog: MainDialog,
    private readonly appointments: AppointmentCanceller,
    private readonly locks: ConversationLocks,
    private readonly logger?: Logger,
  ) {}

  private async cancelReplaced(appointmentId: number): Promise<void> {
    try {
      await this.appointments.cancel(appointmentId);
    } catch (error) {
      // Already cancelled or gone at the office: nothing left to undo. Anything transient is retried.
      if (!isNexHealthError(error) || error.transient) throw error;
      this.logger?.warn({ appointmentId, err: error.kind }, 'replaced appointment could not be cancelled');
    }
  }

  /** The synchronizer is offline, or the office changed a bot-booked appointment: one message. */
  async tell(conversation: Record<string, unknown>, notice: PatientNotice): Promise<void> {
    await this.inConversation(conversation, async (context) => {
      await context.sendActivity(noticeText(notice));
    });
  }

  /** After any turn of this conversation in progress, never in the middle of it. */
  private async inConversation(conversation: Record<string, unknown>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const reference = conversation as Partial<ConversationReference>;
    await this.locks.run(ConversationLocks.keyOf(reference), () => this.adapters.for(reference).continueConversation(reference, logic));
  }

  async notify(record: PendingAppointment, outcome: InsertionOutcome): Promise<void> {
    await this.inConversation(record.conversation, async (context) => {
      const replaced = record.replaces;
      if (outcome === 'complete' && replaced) {
        // Cancelled before telling: a failure here releases the claim and the result is delivered again.
        await this.cancelReplaced(replaced.appointmentId);
        await context.sendActivity(messages.rescheduled(record.summary, replaced.when));
      } else if (outcome === 'complete') {
        await context.sendActivity(messages.booked(record.summary));
      } else {
        const lead = replaced ? messages.rescheduleRefused(replaced.when) : messages.officeRefused;
        await this.dialog.offerOtherTimes(context, this.dialogState, record.retry, lead);
      }
      await this.conversationState.saveChanges(context, false);
    });
  }
}

function noticeText(notice: PatientNotice): string {
  switch (notice.kind) {
    case 'sync_offline': return messages.syncOffline;
    case 'office_cancelled': return messages.officeCancelled(notice.type, notice.when);
    case 'office_moved': return messages.officeMoved(notice.type, notice.when, notice.newWhen);
  }
}

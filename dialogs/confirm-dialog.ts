// One summary, one yes/no, then the booking request. "No, Thursday instead" is a correction.
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { slotKey, type AppointmentSummary, type BookingDraft } from '../services/booking';
import { isNexHealthError } from '../services/nexhealth';
import { emptyConversationData } from './conversation-data';
import type { DialogServices } from './dialog-services';
import { ask, conversationData, rememberFacts, textPrompt } from './dialog-steps';
import { messages } from './messages';
import { understandTurn } from './turn-understanding';

export const CONFIRM_DIALOG = 'confirmDialog';
const STEPS = 'confirmSteps';

/** How the confirmation ended: booked (flow over), or back to the loop with a lead-in for the next question. */
export type ConfirmResult = { outcome: 'booked' } | { outcome: 'changed' } | { outcome: 'declined' | 'taken'; lead: string };

export class ConfirmDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(CONFIRM_DIALOG);
    this.addDialog(textPrompt());
    this.addDialog(new WaterfallDialog(STEPS, [this.askStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async askStep(step: WaterfallStepContext<{ retry?: string }>): Promise<DialogTurnResult> {
    const { draft } = await conversationData(step.context, this.services);
    const summary = (await this.summary(draft)).text;
    const text = step.options.retry ? `${step.options.retry} ${messages.askConfirm(summary)}` : messages.askConfirm(summary);
    return ask(step, this.services, 'confirm', { text, choices: [{ label: messages.yes }, { label: messages.no }] });
  }

  private async answerStep(step: WaterfallStepContext<{ retry?: string }>): Promise<DialogTurnResult> {
    const understanding = await understandTurn(step.context, this.services, 'confirm');
    const { changed } = await rememberFacts(step.context, this.services, understanding);
    if (changed.length > 0) return step.endDialog({ outcome: 'changed' } satisfies ConfirmResult);
    const data = await conversationData(step.context, this.services);
    if (understanding.intent === 'no') {
      const declined = data.draft.chosenSlot;
      data.draft = { ...data.draft, chosenSlot: undefined, offeredSlots: data.draft.offeredSlots?.filter((slot) => !declined || slotKey(slot) !== slotKey(declined)) };
      return step.endDialog({ outcome: 'declined', lead: messages.notBooked } satisfies ConfirmResult);
    }
    if (understanding.intent !== 'yes') return step.replaceDialog(CONFIRM_DIALOG, { retry: messages.retryConfirm });
    return this.book(step);
  }

  private async book(step: WaterfallStepContext<{ retry?: string }>): Promise<DialogTurnResult> {
    const data = await conversationData(step.context, this.services);
    const { draft } = data;
    const slot = draft.chosenSlot;
    if (!slot || draft.patientId === undefined || draft.appointmentTypeId === undefined || draft.locationId === undefined) {
      return step.endDialog({ outcome: 'changed' } satisfies ConfirmResult);
    }
    // Everything that can fail is done before the create; after it, a failed turn is answered by
    // "yes" again, which finds the patient's own appointment instead of booking twice.
    const summary = await this.summary(draft);
    let result;
    try {
      result = await this.services.booking.book({ locationId: draft.locationId, patientId: draft.patientId, appointmentTypeId: draft.appointmentTypeId, slot });
    } catch (error) {
      if (!isNexHealthError(error) || !error.transient) throw error;
      return step.replaceDialog(CONFIRM_DIALOG, { retry: messages.bookingUnsure });
    }
    if (result.kind === 'taken') {
      // Search again around the same preference, skipping only the time that went.
      data.draft = { ...draft, chosenSlot: undefined, offeredSlots: undefined, seenSlotKeys: [slotKey(slot)] };
      return step.endDialog({ outcome: 'taken', lead: messages.slotTaken } satisfies ConfirmResult);
    }
    const { awaitsInsertion, timeZone } = result;
    await this.services.requests.appointmentRequested(step.context, { appointment: result.appointment, slot, summary: summary.text, type: summary.type, timeZone, draft, awaitsInsertion });
    this.services.funnel?.funnel('request_sent');
    await this.services.conversationData.set(step.context, emptyConversationData());
    // A reschedule: the old appointment stays until the office confirms the new one.
    await step.context.sendActivity(requestSentText(awaitsInsertion, draft.replaces?.when));
    return step.endDialog({ outcome: 'booked' } satisfies ConfirmResult);
  }

  /** "Cleaning with Dr. Sarah Lee, Tue, Dec 1 at 2:30 PM, Brooklyn Office", and its parts. */
  private async summary(draft: BookingDraft): Promise<AppointmentSummary> {
    const facts = { appointmentTypeId: draft.appointmentTypeId, providerId: draft.chosenSlot?.providerId, start: draft.chosenSlot?.start };
    return this.services.booking.summarize(draft.locationId ?? 0, facts);
  }
}

/** An office whose system never receives API bookings confirms by itself: said so, not promised by us. */
function requestSentText(awaitsInsertion: boolean, replacing: string | undefined): string {
  if (!awaitsInsertion) return replacing ? messages.requestSentOfficeConfirmsReplacing(replacing) : messages.requestSentOfficeConfirms;
  return replacing ? messages.requestSentReplacing(replacing) : messages.requestSent;
}

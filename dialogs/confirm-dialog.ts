// One summary, one yes/no, then the booking request. "No, Thursday instead" is a correction.
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { slotKey, type AppointmentSummary, type BookingDraft } from '../services/booking';
import type { Catalogue } from '../services/copy';
import { AskDialog, retried, type Question } from './ask-dialog';
import type { DialogServices } from './dialog-services';
import { flowState, rememberFacts, say } from './dialog-steps';
import { understandTurn } from './turn-understanding';

export const CONFIRM_DIALOG = 'confirmDialog';
type Options = { retry?: string };

/** How the confirmation ended: booked (flow over), or back to the loop with a lead-in for the next question. */
export type ConfirmResult = { outcome: 'booked' } | { outcome: 'changed' } | { outcome: 'declined' | 'taken'; lead: string };

export class ConfirmDialog extends AskDialog<Options> {
  constructor(services: DialogServices) {
    super(CONFIRM_DIALOG, services);
  }

  protected async question(step: WaterfallStepContext<Options>): Promise<Question> {
    const messages = say(step);
    const summary = (await this.summary(flowState(step).draft)).text;
    return { expecting: 'confirm', text: retried(step.options.retry, messages.askConfirm(summary)), choices: [{ label: messages.yes }, { label: messages.no }] };
  }

  protected async answer(step: WaterfallStepContext<Options>): Promise<DialogTurnResult> {
    const messages = say(step);
    const understanding = await understandTurn(step, this.services, 'confirm');
    const { changed } = await rememberFacts(step, this.services, understanding);
    if (changed.length > 0) return step.endDialog({ outcome: 'changed' } satisfies ConfirmResult);
    const flow = flowState(step);
    if (understanding.intent === 'no') {
      const declined = flow.draft.chosenSlot;
      flow.draft = { ...flow.draft, chosenSlot: undefined, offeredSlots: flow.draft.offeredSlots?.filter((slot) => !declined || slotKey(slot) !== slotKey(declined)) };
      return step.endDialog({ outcome: 'declined', lead: messages.notBooked } satisfies ConfirmResult);
    }
    if (understanding.intent !== 'yes') return this.reask(step, { retry: messages.retryConfirm });
    return this.book(step);
  }

  private async book(step: WaterfallStepContext<Options>): Promise<DialogTurnResult> {
    const messages = say(step);
    const flow = flowState(step);
    const { draft } = flow;
    const slot = draft.chosenSlot;
    if (!slot || draft.patientId === undefined || draft.appointmentTypeId === undefined || draft.locationId === undefined) {
      return step.endDialog({ outcome: 'changed' } satisfies ConfirmResult);
    }
    // Everything that can fail is done before the create; after it, a failed turn is answered by
    // "yes" again, which finds the patient's own appointment instead of booking twice.
    const summary = await this.summary(draft);
    const result = await this.services.booking.appointments.book({ locationId: draft.locationId, patientId: draft.patientId, appointmentTypeId: draft.appointmentTypeId, slot });
    if (result.kind === 'unavailable') return this.reask(step, { retry: messages.bookingUnsure });
    if (result.kind === 'taken') {
      // Search again around the same preference, skipping only the time that went.
      flow.draft = { ...draft, chosenSlot: undefined, offeredSlots: undefined, seenSlotKeys: [slotKey(slot)] };
      return step.endDialog({ outcome: 'taken', lead: messages.slotTaken } satisfies ConfirmResult);
    }
    const { awaitsInsertion, timeZone } = result;
    await this.services.requests.appointmentRequested(step.context, { appointment: result.appointment, slot, summary: summary.text, type: summary.type, timeZone, draft, awaitsInsertion });
    this.services.funnel?.funnel('request_sent');
    // A reschedule: the old appointment stays until the office confirms the new one.
    await step.context.sendActivity(requestSentText(messages, awaitsInsertion, draft.replaces?.when));
    return step.endDialog({ outcome: 'booked' } satisfies ConfirmResult);
  }

  /** "Cleaning with Dr. Sarah Lee, Tue, Dec 1 at 2:30 PM, Brooklyn Office", and its parts. */
  private async summary(draft: BookingDraft): Promise<AppointmentSummary> {
    const facts = { appointmentTypeId: draft.appointmentTypeId, providerId: draft.chosenSlot?.providerId, start: draft.chosenSlot?.start };
    return this.services.booking.appointments.summarize(draft.locationId ?? 0, facts);
  }
}

/** An office whose system never receives API bookings confirms by itself: said so, not promised by us. */
function requestSentText(messages: Catalogue, awaitsInsertion: boolean, replacing: string | undefined): string {
  if (!awaitsInsertion) return replacing ? messages.requestSentOfficeConfirmsReplacing(replacing) : messages.requestSentOfficeConfirms;
  return replacing ? messages.requestSentReplacing(replacing) : messages.requestSent;
}

// "Cancel Cleaning with Dr. Sarah Lee, Tue, Dec 1 at 2:30 PM, Brooklyn Office?" yes/no, then the
// cancellation. Ends the manage flow either way.
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { UpcomingAppointment } from '../services/booking';
import { AskDialog, retried, type Question } from './ask-dialog';
import type { DialogServices } from './dialog-services';
import { flowState, say } from './dialog-steps';
import { understandTurn } from './turn-understanding';

export const CANCEL_APPOINTMENT_DIALOG = 'cancelAppointmentConfirmDialog';

/** Answered (cancelled or kept): the manage flow ends. */
export type CancelAppointmentResult = { done: true };
const DONE: CancelAppointmentResult = { done: true };

type Options = { retry?: string };

export class CancelAppointmentDialog extends AskDialog<Options> {
  constructor(services: DialogServices) {
    super(CANCEL_APPOINTMENT_DIALOG, services);
  }

  protected async question(step: WaterfallStepContext<Options>): Promise<Question | undefined> {
    const messages = say(step);
    const chosen = this.chosen(step);
    if (!chosen) return undefined;
    return { expecting: 'cancelConfirm', text: retried(step.options.retry, messages.askCancel(chosen.summary)), choices: [{ label: messages.yes }, { label: messages.no }] };
  }

  protected override async withoutQuestion(step: WaterfallStepContext<Options>): Promise<DialogTurnResult> {
    return step.endDialog(DONE);
  }

  protected async answer(step: WaterfallStepContext<Options>): Promise<DialogTurnResult> {
    const messages = say(step);
    const understanding = await understandTurn(step, this.services, 'cancelConfirm');
    const chosen = this.chosen(step);
    if (!chosen) return step.endDialog(DONE);
    if (understanding.intent === 'no') {
      await step.context.sendActivity(messages.keptAppointment);
      return step.endDialog(DONE);
    }
    if (understanding.intent !== 'yes') return this.reask(step, { retry: messages.retryConfirm });
    const result = await this.services.booking.appointments.cancelForPatient(chosen.id);
    if (result.kind === 'unavailable') return this.reask(step, { retry: `${messages.serviceDown} ${messages.nothingCancelledYet}` });
    this.services.logger.info({ appointmentId: chosen.id }, 'appointment cancelled by the patient');
    await step.context.sendActivity(messages.cancelled(chosen.type, chosen.when));
    return step.endDialog(DONE);
  }

  private chosen(step: WaterfallStepContext): UpcomingAppointment | undefined {
    const { manage } = flowState(step);
    return manage?.appointments?.find((appointment) => appointment.id === manage.chosenId);
  }
}

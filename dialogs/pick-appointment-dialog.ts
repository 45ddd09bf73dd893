// Which of the patient's upcoming appointments: offers them as choices (numbered on SMS) and takes
// "2", "the second one", "the Tuesday one" or "Tuesday at 2:30".
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { pickAppointment } from '../services/booking';
import { AskDialog, retried, type Question } from './ask-dialog';
import type { DialogServices } from './dialog-services';
import { flowState, say } from './dialog-steps';
import { understandTurn } from './turn-understanding';

export const PICK_APPOINTMENT_DIALOG = 'pickAppointmentDialog';

export interface PickAppointmentOptions {
  /** The question ("Which appointment would you like to cancel?"). */
  question: string;
  retry?: boolean;
}

export class PickAppointmentDialog extends AskDialog<PickAppointmentOptions> {
  constructor(services: DialogServices) {
    super(PICK_APPOINTMENT_DIALOG, services);
  }

  protected async question(step: WaterfallStepContext<PickAppointmentOptions>): Promise<Question> {
    const messages = say(step);
    const { manage } = flowState(step);
    const text = retried(step.options.retry ? messages.retryPick : undefined, step.options.question);
    return { expecting: 'appointment', text, choices: (manage?.appointments ?? []).map((appointment) => ({ label: appointment.summary, short: `${appointment.when}, ${appointment.type}` })) };
  }

  protected async answer(step: WaterfallStepContext<PickAppointmentOptions>): Promise<DialogTurnResult> {
    const flow = flowState(step);
    const understanding = await understandTurn(step, this.services, 'appointment');
    const chosen = pickAppointment(flow.manage?.appointments ?? [], understanding);
    if (!chosen) return this.reask(step, { ...step.options, retry: true });
    flow.manage = { ...flow.manage, chosenId: chosen.id };
    return step.endDialog();
  }
}

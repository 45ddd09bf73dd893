// Which of the patient's upcoming appointments: offers them as choices (numbered on SMS) and takes
// "2", "the second one", "the Tuesday one" or "Tuesday at 2:30".
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { pickAppointment } from '../services/booking';
import type { DialogServices } from './dialog-services';
import { ask, conversationData, textPrompt } from './dialog-steps';
import { messages } from './messages';
import { understandTurn } from './turn-understanding';

export const PICK_APPOINTMENT_DIALOG = 'pickAppointmentDialog';
const STEPS = 'pickAppointmentSteps';

export interface PickAppointmentOptions {
  /** The question ("Which appointment would you like to cancel?"). */
  question: string;
  retry?: boolean;
}

export class PickAppointmentDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(PICK_APPOINTMENT_DIALOG);
    this.addDialog(textPrompt());
    this.addDialog(new WaterfallDialog(STEPS, [this.askStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async askStep(step: WaterfallStepContext<PickAppointmentOptions>): Promise<DialogTurnResult> {
    const { manage } = await conversationData(step.context, this.services);
    const text = step.options.retry ? `${messages.retryPick} ${step.options.question}` : step.options.question;
    return ask(step, this.services, 'appointment', { text, choices: (manage?.appointments ?? []).map((appointment) => ({ label: appointment.summary, short: `${appointment.when}, ${appointment.type}` })) });
  }

  private async answerStep(step: WaterfallStepContext<PickAppointmentOptions>): Promise<DialogTurnResult> {
    const data = await conversationData(step.context, this.services);
    const understanding = await understandTurn(step.context, this.services, 'appointment');
    const chosen = pickAppointment(data.manage?.appointments ?? [], understanding);
    if (!chosen) return step.replaceDialog(PICK_APPOINTMENT_DIALOG, { ...step.options, retry: true });
    data.manage = { ...data.manage, chosenId: chosen.id };
    return step.endDialog();
  }
}

// "Cancel Cleaning with Dr. Sarah Lee, Tue, Dec 1 at 2:30 PM, Brooklyn Office?" yes/no, then the
// cancellation. Ends the manage flow either way.
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { isNexHealthError } from '../services/nexhealth';
import type { DialogServices } from './dialog-services';
import { ask, conversationData, textPrompt } from './dialog-steps';
import { messages } from './messages';
import { understandTurn } from './turn-understanding';

export const CANCEL_APPOINTMENT_DIALOG = 'cancelAppointmentConfirmDialog';
const STEPS = 'cancelAppointmentSteps';

/** Answered (cancelled or kept): the manage flow ends. */
export type CancelAppointmentResult = { done: true };
const DONE: CancelAppointmentResult = { done: true };

export class CancelAppointmentDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(CANCEL_APPOINTMENT_DIALOG);
    this.addDialog(textPrompt());
    this.addDialog(new WaterfallDialog(STEPS, [this.askStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async askStep(step: WaterfallStepContext<{ retry?: string }>): Promise<DialogTurnResult> {
    const chosen = await this.chosen(step);
    if (!chosen) return step.endDialog(DONE);
    const question = messages.askCancel(chosen.summary);
    return ask(step, this.services, 'cancelConfirm', { text: step.options.retry ? `${step.options.retry} ${question}` : question, choices: [{ label: messages.yes }, { label: messages.no }] });
  }

  private async answerStep(step: WaterfallStepContext<{ retry?: string }>): Promise<DialogTurnResult> {
    const understanding = await understandTurn(step.context, this.services, 'cancelConfirm');
    const chosen = await this.chosen(step);
    if (!chosen) return step.endDialog(DONE);
    if (understanding.intent === 'no') {
      await step.context.sendActivity(messages.keptAppointment);
      return step.endDialog(DONE);
    }
    if (understanding.intent !== 'yes') return step.replaceDialog(CANCEL_APPOINTMENT_DIALOG, { retry: messages.retryConfirm });
    try {
      await this.services.booking.cancel(chosen.id);
    } catch (error) {
      if (!isNexHealthError(error) || !error.transient) throw error;
      return step.replaceDialog(CANCEL_APPOINTMENT_DIALOG, { retry: `${messages.serviceDown} Nothing was cancelled yet.` });
    }
    this.services.logger.info({ appointmentId: chosen.id }, 'appointment cancelled by the patient');
    await step.context.sendActivity(messages.cancelled(chosen.type, chosen.when));
    return step.endDialog(DONE);
  }

  private async chosen(step: WaterfallStepContext) {
    const { manage } = await conversationData(step.context, this.services);
    return manage?.appointments?.find((appointment) => appointment.id === manage.chosenId);
  }
}

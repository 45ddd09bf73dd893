// Asks what kind of appointment, offering the location's types as choices.
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { DialogServices } from './dialog-services';
import { ask, conversationData, rememberFacts, textPrompt } from './dialog-steps';
import { messages } from './messages';
import { understandTurn } from './turn-understanding';

export const APPOINTMENT_TYPE_DIALOG = 'appointmentTypeDialog';
const STEPS = 'appointmentTypeSteps';

export class AppointmentTypeDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(APPOINTMENT_TYPE_DIALOG);
    this.addDialog(textPrompt());
    this.addDialog(new WaterfallDialog(STEPS, [this.askStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async askStep(step: WaterfallStepContext<{ retry?: boolean }>): Promise<DialogTurnResult> {
    const { draft } = await conversationData(step.context, this.services);
    const reference = await this.services.booking.understandingReference(draft.locationId);
    const text = step.options.retry ? messages.retryAppointmentType : messages.askAppointmentType;
    return ask(step, this.services, 'appointmentType', { text, choices: reference.appointmentTypes.map((type) => ({ label: type.name })) });
  }

  private async answerStep(step: WaterfallStepContext<{ retry?: boolean }>): Promise<DialogTurnResult> {
    const understanding = await understandTurn(step.context, this.services, 'appointmentType');
    const { draft, changed } = await rememberFacts(step.context, this.services, understanding);
    if (draft.appointmentTypeId !== undefined || changed.length > 0) return step.endDialog();
    return step.replaceDialog(APPOINTMENT_TYPE_DIALOG, { retry: true });
  }
}

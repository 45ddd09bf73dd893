// Asks what kind of appointment, offering the location's types as choices.
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { AskDialog, type Question } from './ask-dialog';
import type { DialogServices } from './dialog-services';
import { flowState, rememberFacts, say } from './dialog-steps';
import { understandTurn } from './turn-understanding';

export const APPOINTMENT_TYPE_DIALOG = 'appointmentTypeDialog';

type Options = { retry?: boolean };

export class AppointmentTypeDialog extends AskDialog<Options> {
  constructor(services: DialogServices) {
    super(APPOINTMENT_TYPE_DIALOG, services);
  }

  protected async question(step: WaterfallStepContext<Options>): Promise<Question> {
    const messages = say(step);
    const reference = await this.services.booking.schedule.understandingReference(flowState(step).draft.locationId);
    const text = step.options.retry ? messages.retryAppointmentType : messages.askAppointmentType;
    return { expecting: 'appointmentType', text, choices: reference.appointmentTypes.map((type) => ({ label: type.name })) };
  }

  protected async answer(step: WaterfallStepContext<Options>): Promise<DialogTurnResult> {
    const understanding = await understandTurn(step, this.services, 'appointmentType');
    const { draft, changed } = await rememberFacts(step, this.services, understanding);
    if (draft.appointmentTypeId !== undefined || changed.length > 0) return step.endDialog();
    return this.reask(step, { retry: true });
  }
}

// Asks which office, when the practice has several and the patient has not said.
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { AskDialog, retried, type Question } from './ask-dialog';
import type { DialogServices } from './dialog-services';
import { rememberFacts, say } from './dialog-steps';
import { understandTurn } from './turn-understanding';

export const LOCATION_DIALOG = 'locationDialog';

type Options = { retry?: boolean };

export class LocationDialog extends AskDialog<Options> {
  constructor(services: DialogServices) {
    super(LOCATION_DIALOG, services);
  }

  protected async question(step: WaterfallStepContext<Options>): Promise<Question> {
    const messages = say(step);
    const locations = await this.services.booking.schedule.locations();
    const text = retried(step.options.retry ? messages.retryLocation : undefined, messages.askLocation);
    return { expecting: 'location', text, choices: locations.map((location) => ({ label: location.name })) };
  }

  protected async answer(step: WaterfallStepContext<Options>): Promise<DialogTurnResult> {
    const understanding = await understandTurn(step, this.services, 'location');
    const { draft } = await rememberFacts(step, this.services, understanding);
    if (draft.locationId === undefined) return this.reask(step, { retry: true });
    return step.endDialog();
  }
}

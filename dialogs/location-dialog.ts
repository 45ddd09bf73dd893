// Asks which office, when the practice has several and the patient has not said.
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { DialogServices } from './dialog-services';
import { ask, rememberFacts, textPrompt } from './dialog-steps';
import { messages } from './messages';
import { understandTurn } from './turn-understanding';

export const LOCATION_DIALOG = 'locationDialog';
const STEPS = 'locationSteps';

export class LocationDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(LOCATION_DIALOG);
    this.addDialog(textPrompt());
    this.addDialog(new WaterfallDialog(STEPS, [this.askStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async askStep(step: WaterfallStepContext<{ retry?: boolean }>): Promise<DialogTurnResult> {
    const locations = await this.services.booking.locations();
    const text = step.options.retry ? `${messages.retryLocation} ${messages.askLocation}` : messages.askLocation;
    return ask(step, this.services, 'location', { text, choices: locations.map((location) => ({ label: location.name })) });
  }

  private async answerStep(step: WaterfallStepContext<{ retry?: boolean }>): Promise<DialogTurnResult> {
    const understanding = await understandTurn(step.context, this.services, 'location');
    const { draft } = await rememberFacts(step.context, this.services, understanding);
    if (draft.locationId === undefined) return step.replaceDialog(LOCATION_DIALOG, { retry: true });
    return step.endDialog();
  }
}

// Asks a new patient, once, the sex their record should carry: three tappable choices. Existing
// patients are never asked (their record already has it).
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { PATIENT_GENDERS, readGender } from '../services/booking';
import { AskDialog, retried, type Question } from './ask-dialog';
import type { DialogServices } from './dialog-services';
import { flowState, rememberFacts, say } from './dialog-steps';
import { understandTurn } from './turn-understanding';

export const GENDER_DIALOG = 'genderDialog';

type Options = { retry?: boolean };

export class GenderDialog extends AskDialog<Options> {
  constructor(services: DialogServices) {
    super(GENDER_DIALOG, services);
  }

  protected async question(step: WaterfallStepContext<Options>): Promise<Question> {
    const messages = say(step);
    const text = retried(step.options.retry ? messages.retryGender : undefined, messages.askGender);
    return { expecting: 'gender', text, choices: PATIENT_GENDERS.map((label) => ({ label })) };
  }

  protected async answer(step: WaterfallStepContext<Options>): Promise<DialogTurnResult> {
    const understanding = await understandTurn(step, this.services, 'gender');
    const gender = readGender(step.context.activity.text ?? '', understanding.choice);
    if (gender) {
      const flow = flowState(step);
      flow.draft = { ...flow.draft, gender };
      return step.endDialog();
    }
    // Not an answer, but perhaps a correction ("actually it's Ana"): the loop re-decides.
    const { changed } = await rememberFacts(step, this.services, understanding);
    if (changed.length > 0) return step.endDialog();
    return this.reask(step, { retry: true });
  }
}

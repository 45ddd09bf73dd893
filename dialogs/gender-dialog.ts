// Asks a new patient, once, the sex their record should carry: three tappable choices. Existing
// patients are never asked (their record already has it).
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { PATIENT_GENDERS, readGender } from '../services/booking';
import type { DialogServices } from './dialog-services';
import { ask, conversationData, rememberFacts, textPrompt } from './dialog-steps';
import { messages } from './messages';
import { understandTurn } from './turn-understanding';

export const GENDER_DIALOG = 'genderDialog';
const STEPS = 'genderSteps';

export class GenderDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(GENDER_DIALOG);
    this.addDialog(textPrompt());
    this.addDialog(new WaterfallDialog(STEPS, [this.askStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async askStep(step: WaterfallStepContext<{ retry?: boolean }>): Promise<DialogTurnResult> {
    const text = step.options.retry ? `${messages.retryGender} ${messages.askGender}` : messages.askGender;
    return ask(step, this.services, 'gender', { text, choices: PATIENT_GENDERS.map((label) => ({ label })) });
  }

  private async answerStep(step: WaterfallStepContext<{ retry?: boolean }>): Promise<DialogTurnResult> {
    const understanding = await understandTurn(step.context, this.services, 'gender');
    const gender = readGender(step.context.activity.text ?? '', understanding.choice);
    if (gender) {
      const data = await conversationData(step.context, this.services);
      data.draft = { ...data.draft, gender };
      return step.endDialog();
    }
    // Not an answer, but perhaps a correction ("actually it's Ana"): the loop re-decides.
    const { changed } = await rememberFacts(step.context, this.services, understanding);
    if (changed.length > 0) return step.endDialog();
    return step.replaceDialog(GENDER_DIALOG, { retry: true });
  }
}

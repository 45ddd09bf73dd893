// Asks for one missing piece of the patient's identity: name, date of birth, or a phone or email.
// Whatever else the answer carries is kept too; the booking loop decides what to ask next.
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { withoutContact, type BookingDraft } from '../services/booking';
import type { Expecting } from './conversation-data';
import type { DialogServices } from './dialog-services';
import { ask, conversationData, rememberFacts, textPrompt } from './dialog-steps';
import { messages } from './messages';
import { understandTurn } from './turn-understanding';

export const IDENTITY_DIALOG = 'identityDialog';
const STEPS = 'identitySteps';

export type IdentityQuestion = 'name' | 'dateOfBirth' | 'contact' | 'unconfirmed' | 'newPatientPhone' | 'newPatientEmail';

export interface IdentityOptions {
  question: IdentityQuestion;
  retry?: boolean;
}

interface Question {
  expecting: Expecting;
  text: string;
  retry: string;
  answered: (draft: BookingDraft) => boolean;
}

const questions: Record<IdentityQuestion, Question> = {
  name: { expecting: 'name', text: messages.askName, retry: messages.retryName, answered: (draft) => Boolean(draft.firstName && draft.lastName) },
  dateOfBirth: { expecting: 'dateOfBirth', text: messages.askDateOfBirth, retry: messages.retryDateOfBirth, answered: (draft) => Boolean(draft.dateOfBirth) },
  contact: { expecting: 'contact', text: messages.askContact, retry: `${messages.retryContact} ${messages.askContact}`, answered: (draft) => Boolean(draft.phone || draft.email) },
  unconfirmed: { expecting: 'contact', text: messages.couldNotMatch, retry: `${messages.retryContact} ${messages.askContact}`, answered: (draft) => Boolean(draft.phone || draft.email) },
  newPatientPhone: { expecting: 'contact', text: messages.askPhoneForNew, retry: `${messages.retryContact} ${messages.askPhoneForNew}`, answered: (draft) => Boolean(draft.phone) },
  newPatientEmail: { expecting: 'contact', text: messages.askEmailForNew, retry: `${messages.retryContact} ${messages.askEmailForNew}`, answered: (draft) => Boolean(draft.email) },
};

export class IdentityDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(IDENTITY_DIALOG);
    this.addDialog(textPrompt());
    this.addDialog(new WaterfallDialog(STEPS, [this.askStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async askStep(step: WaterfallStepContext<IdentityOptions>): Promise<DialogTurnResult> {
    const question = questions[step.options.question];
    return ask(step, this.services, question.expecting, { text: step.options.retry ? question.retry : question.text });
  }

  private async answerStep(step: WaterfallStepContext<IdentityOptions>): Promise<DialogTurnResult> {
    const question = questions[step.options.question];
    const understanding = await understandTurn(step.context, this.services, question.expecting);
    const { draft, changed } = await rememberFacts(step.context, this.services, understanding);
    // Answered, or corrected something else (the loop then re-decides what to ask).
    if (question.answered(draft) || changed.length > 0) return step.endDialog();
    return step.replaceDialog(IDENTITY_DIALOG, { ...step.options, retry: true });
  }
}

/** Three misses end a flow: after that the office sorts it out (conversation.md, Privacy). */
export const MAX_IDENTITY_ATTEMPTS = 3;

/**
 * After details that matched no record: forgets the contact and asks for it again, or, at the
 * third miss, gives up through `giveUp`. `remember` stores the new count where the flow keeps it.
 */
export async function afterIdentityMiss(
  step: WaterfallStepContext,
  services: DialogServices,
  attemptsSoFar: number,
  remember: (attempts: number) => void,
  giveUp: () => Promise<DialogTurnResult>,
): Promise<DialogTurnResult> {
  const attempts = attemptsSoFar + 1;
  if (attempts >= MAX_IDENTITY_ATTEMPTS) return giveUp();
  const data = await conversationData(step.context, services);
  data.draft = withoutContact(data.draft);
  remember(attempts);
  return step.beginDialog(IDENTITY_DIALOG, { question: 'unconfirmed' } satisfies IdentityOptions);
}

// Asks for one missing piece of the patient's identity: name, date of birth, or a phone or email.
// Whatever else the answer carries is kept too; the booking loop decides what to ask next.
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { withoutContact, type BookingDraft } from '../services/booking';
import type { Catalogue } from '../services/copy';
import { AskDialog, retried, type Question } from './ask-dialog';
import type { Expecting } from './conversation-data';
import type { DialogServices } from './dialog-services';
import { flowState, rememberFacts, say } from './dialog-steps';
import { understandTurn } from './turn-understanding';

export const IDENTITY_DIALOG = 'identityDialog';

export type IdentityQuestion = 'name' | 'dateOfBirth' | 'contact' | 'unconfirmed' | 'newPatientPhone' | 'newPatientEmail';

export interface IdentityOptions {
  question: IdentityQuestion;
  retry?: boolean;
}

interface IdentityAsk {
  expecting: Expecting;
  text: string;
  retry: string;
  answered: (draft: BookingDraft) => boolean;
}

const hasContact = (draft: BookingDraft) => Boolean(draft.phone || draft.email);
const questionsIn = (messages: Catalogue): Record<IdentityQuestion, IdentityAsk> => ({
  name: { expecting: 'name', text: messages.askName, retry: messages.retryName, answered: (draft) => Boolean(draft.firstName && draft.lastName) },
  dateOfBirth: { expecting: 'dateOfBirth', text: messages.askDateOfBirth, retry: messages.retryDateOfBirth, answered: (draft) => Boolean(draft.dateOfBirth) },
  contact: { expecting: 'contact', text: messages.askContact, retry: retried(messages.retryContact, messages.askContact), answered: hasContact },
  unconfirmed: { expecting: 'contact', text: messages.couldNotMatch, retry: retried(messages.retryContact, messages.askContact), answered: hasContact },
  newPatientPhone: { expecting: 'contact', text: messages.askPhoneForNew, retry: retried(messages.retryContact, messages.askPhoneForNew), answered: (draft) => Boolean(draft.phone) },
  newPatientEmail: { expecting: 'contact', text: messages.askEmailForNew, retry: retried(messages.retryContact, messages.askEmailForNew), answered: (draft) => Boolean(draft.email) },
});

export class IdentityDialog extends AskDialog<IdentityOptions> {
  constructor(services: DialogServices) {
    super(IDENTITY_DIALOG, services);
  }

  protected async question(step: WaterfallStepContext<IdentityOptions>): Promise<Question> {
    const question = questionsIn(say(step))[step.options.question];
    return { expecting: question.expecting, text: step.options.retry ? question.retry : question.text };
  }

  protected async answer(step: WaterfallStepContext<IdentityOptions>): Promise<DialogTurnResult> {
    const question = questionsIn(say(step))[step.options.question];
    const understanding = await understandTurn(step, this.services, question.expecting);
    const { draft, changed } = await rememberFacts(step, this.services, understanding);
    // Answered, or corrected something else (the loop then re-decides what to ask).
    if (question.answered(draft) || changed.length > 0) return step.endDialog();
    return this.reask(step, { ...step.options, retry: true });
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
  attemptsSoFar: number,
  remember: (attempts: number) => void,
  giveUp: () => Promise<DialogTurnResult>,
): Promise<DialogTurnResult> {
  const attempts = attemptsSoFar + 1;
  if (attempts >= MAX_IDENTITY_ATTEMPTS) return giveUp();
  const flow = flowState(step);
  flow.draft = withoutContact(flow.draft);
  remember(attempts);
  return step.beginDialog(IDENTITY_DIALOG, { question: 'unconfirmed' } satisfies IdentityOptions);
}

// The ask/understand/re-ask skeleton of every one-question dialog, in the spirit of botbuilder's
// Prompt (onPrompt / onRecognize): a subclass says what to ask and what to make of the answer.
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStep, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { ChoiceOption } from '../services/copy';
import type { Expecting } from './conversation-data';
import type { DialogServices } from './dialog-services';
import { ask, textPrompt } from './dialog-steps';

export interface Question {
  expecting: Expecting;
  text: string;
  choices?: ChoiceOption[];
}

/** "Sorry, I didn't catch that. Which office…?": a re-ask's reason before the question. */
export function retried(reason: string | undefined, question: string): string {
  return reason ? `${reason} ${question}` : question;
}

export abstract class AskDialog<O extends object> extends ComponentDialog {
  private readonly stepsId: string;

  protected constructor(dialogId: string, protected readonly services: DialogServices) {
    super(dialogId);
    this.stepsId = `${dialogId}Steps`;
    this.addDialog(textPrompt());
    this.addDialog(new WaterfallDialog<O>(this.stepsId, this.steps()));
    this.initialDialogId = this.stepsId;
  }

  /** What to ask now; undefined: nothing to ask (see `withoutQuestion`). */
  protected abstract question(step: WaterfallStepContext<O>): Promise<Question | undefined>;

  /** Reads the answer: ends the dialog, or re-asks. */
  protected abstract answer(step: WaterfallStepContext<O>): Promise<DialogTurnResult>;

  /** The waterfall: ask, then answer; a dialog with a second question adds steps. */
  protected steps(): WaterfallStep<O>[] {
    return [(step) => this.askStep(step), (step) => this.answer(step)];
  }

  protected async withoutQuestion(step: WaterfallStepContext<O>): Promise<DialogTurnResult> {
    return step.endDialog();
  }

  protected async ask(step: WaterfallStepContext<O>, question: Question): Promise<DialogTurnResult> {
    return ask(step, question.expecting, { text: question.text, choices: question.choices });
  }

  /**
   * Asks again: only this dialog's own steps restart, so the dialog stays on the stack under its
   * id (replacing it by id from inside would nest it where "help" cannot reprompt it).
   */
  protected async reask(step: WaterfallStepContext<O>, options: O): Promise<DialogTurnResult> {
    return step.replaceDialog(this.stepsId, options);
  }

  private async askStep(step: WaterfallStepContext<O>): Promise<DialogTurnResult> {
    const question = await this.question(step);
    return question ? this.ask(step, question) : this.withoutQuestion(step);
  }
}

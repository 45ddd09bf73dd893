// When the patient can come, then which of the open times: asks for a preference if there is none,
// searches, offers at most five times (+ "Other times"), and takes "2", "2:30" or "Tuesday at 2:30".
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { formatSlotTime, pickOffered, slotKey, type OpenSlot } from '../services/booking';
import type { Understanding } from '../services/nlu';
import type { DialogServices } from './dialog-services';
import { ask, conversationData, rememberFacts, textPrompt } from './dialog-steps';
import { messages } from './messages';
import { understandTurn } from './turn-understanding';

export const CHOOSE_TIME_DIALOG = 'chooseTimeDialog';
const STEPS = 'chooseTimeSteps';

export interface ChooseTimeOptions {
  /** Why this round: a first ask, an answer not understood, or showing the same times again. */
  retry?: 'when' | 'past' | 'choice';
  /** Text to put before the offer (e.g. "that time was just taken"). */
  lead?: string;
}

/** What the dialog ends with: the booking loop goes on, or the flow stops (no times at all). */
export type ChooseTimeResult = { stop: boolean };

export class ChooseTimeDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(CHOOSE_TIME_DIALOG);
    this.addDialog(textPrompt());
    this.addDialog(new WaterfallDialog(STEPS, [this.whenStep.bind(this), this.offerStep.bind(this), this.choiceStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async whenStep(step: WaterfallStepContext<ChooseTimeOptions>): Promise<DialogTurnResult> {
    const { draft } = await conversationData(step.context, this.services);
    if (draft.when && draft.when.windows.length > 0) return step.next();
    const retry = step.options.retry;
    const text = retry === 'past' ? messages.pastWhen
      : retry === 'when' ? `${messages.retryWhen} ${messages.whenHint}`
        : step.options.lead ? `${step.options.lead} ${messages.askWhen}` : messages.askWhen;
    return ask(step, this.services, 'when', { text });
  }

  private async offerStep(step: WaterfallStepContext<ChooseTimeOptions>): Promise<DialogTurnResult> {
    const data = await conversationData(step.context, this.services);
    if (step.result !== undefined) {
      const understanding = await understandTurn(step.context, this.services, 'when');
      const { draft, changed } = await rememberFacts(step.context, this.services, understanding);
      if (!draft.when || draft.when.windows.length === 0) {
        if (understanding.when?.past) return step.replaceDialog(CHOOSE_TIME_DIALOG, { retry: 'past' });
        if (changed.length > 0) return step.endDialog({ stop: false });
        return step.replaceDialog(CHOOSE_TIME_DIALOG, { retry: 'when' });
      }
    }
    const draft = data.draft;
    if (step.options.retry === 'choice' && draft.offeredSlots?.length) {
      return this.offer(step, draft.offeredSlots, step.options.lead ?? messages.retryChoice);
    }
    const offer = await this.services.booking.findTimes({
      locationId: draft.locationId ?? 0,
      appointmentTypeId: draft.appointmentTypeId ?? 0,
      providerId: draft.providerId ?? 'any',
      preference: draft.when ?? { windows: [], asap: true },
      exclude: new Set(draft.seenSlotKeys ?? []),
    });
    if (offer.slots.length === 0) {
      if ((draft.seenSlotKeys ?? []).length > 0) {
        // Paged past every time for this preference: ask for another one.
        data.draft = { ...draft, when: undefined, offeredSlots: undefined, seenSlotKeys: undefined };
        return step.replaceDialog(CHOOSE_TIME_DIALOG, { lead: messages.noMoreTimes });
      }
      await step.context.sendActivity(messages.noTimesAtAll);
      this.services.funnel?.funnel('abandoned');
      return step.endDialog({ stop: true });
    }
    data.draft = { ...draft, offeredSlots: offer.slots, seenSlotKeys: [...(draft.seenSlotKeys ?? []), ...offer.slots.map(slotKey)] };
    const heading = offer.fit === 'around' ? messages.nothingInWindow : messages.timesFound;
    this.services.funnel?.funnel('times_offered');
    return this.offer(step, offer.slots, step.options.lead ? `${step.options.lead} ${heading}` : heading);
  }

  private async choiceStep(step: WaterfallStepContext<ChooseTimeOptions>): Promise<DialogTurnResult> {
    const data = await conversationData(step.context, this.services);
    const offered = data.draft.offeredSlots ?? [];
    const understanding = await understandTurn(step.context, this.services, 'choice');
    if (wantsOtherTimes(understanding, offered)) return step.replaceDialog(CHOOSE_TIME_DIALOG, {});
    const chosen = chosenSlot(understanding, offered);
    if (chosen) {
      data.draft = { ...data.draft, chosenSlot: chosen };
      return step.endDialog({ stop: false });
    }
    const { changed } = await rememberFacts(step.context, this.services, understanding);
    if (changed.includes('when')) return step.replaceDialog(CHOOSE_TIME_DIALOG, {});
    if (changed.length > 0) return step.endDialog({ stop: false });
    return step.replaceDialog(CHOOSE_TIME_DIALOG, { retry: 'choice' });
  }

  private async offer(step: WaterfallStepContext<ChooseTimeOptions>, slots: OpenSlot[], text: string): Promise<DialogTurnResult> {
    const reference = await this.services.booking.understandingReference((await conversationData(step.context, this.services)).draft.locationId);
    const choices = [...slots.map((slot) => ({ label: formatSlotTime(slot.start, reference.timeZone) })), { label: messages.otherTimes }];
    return ask(step, this.services, 'choice', { text, choices });
  }
}

function wantsOtherTimes(understanding: Understanding, offered: OpenSlot[]): boolean {
  return understanding.more === true || understanding.choice === offered.length + 1;
}

function chosenSlot(understanding: Understanding, offered: OpenSlot[]): OpenSlot | undefined {
  if (understanding.choice !== undefined) return offered[understanding.choice - 1];
  if (understanding.when && understanding.when.windows.length > 0) return pickOffered(offered, understanding.when);
  return undefined;
}

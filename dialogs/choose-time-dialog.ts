// When the patient can come, then which of the open times: asks for a preference if there is none,
// searches, offers at most five times (+ "Other times"), and takes "2", "2:30" or "Tuesday at 2:30".
import type { DialogTurnResult, WaterfallStep, WaterfallStepContext } from 'botbuilder-dialogs';
import { formatSlotTime, pickOffered, slotKey, type OpenSlot } from '../services/booking';
import type { Understanding } from '../services/nlu';
import type { DialogServices } from './dialog-services';
import { AskDialog, retried, type Question } from './ask-dialog';
import { flowState, rememberFacts, say } from './dialog-steps';
import { understandTurn } from './turn-understanding';

export const CHOOSE_TIME_DIALOG = 'chooseTimeDialog';

export interface ChooseTimeOptions {
  /** Why this round: a first ask, an answer not understood, or showing the same times again. */
  retry?: 'when' | 'past' | 'choice';
  /** Text to put before the offer (e.g. "that time was just taken"). */
  lead?: string;
}

/** What the dialog ends with: the booking loop goes on, or the flow stops (no times at all). */
export type ChooseTimeResult = { stop: boolean };

/** Two questions: when (skipped when the patient has said), then which of the times found. */
export class ChooseTimeDialog extends AskDialog<ChooseTimeOptions> {
  constructor(services: DialogServices) {
    super(CHOOSE_TIME_DIALOG, services);
  }

  protected override steps(): WaterfallStep<ChooseTimeOptions>[] {
    return [...super.steps(), (step) => this.choiceStep(step)];
  }

  /** "When would you like to come in?", unless the draft already says when. */
  protected async question(step: WaterfallStepContext<ChooseTimeOptions>): Promise<Question | undefined> {
    const messages = say(step);
    const { draft } = flowState(step);
    if (draft.when && draft.when.windows.length > 0) return undefined;
    const retry = step.options.retry;
    const text = retry === 'past' ? messages.pastWhen
      : retry === 'when' ? retried(messages.retryWhen, messages.whenHint)
        : retried(step.options.lead, messages.askWhen);
    return { expecting: 'when', text };
  }

  protected override async withoutQuestion(step: WaterfallStepContext<ChooseTimeOptions>): Promise<DialogTurnResult> {
    return step.next();
  }

  /** Reads the "when" answer (if one was asked), then searches and offers times. */
  protected async answer(step: WaterfallStepContext<ChooseTimeOptions>): Promise<DialogTurnResult> {
    const messages = say(step);
    const flow = flowState(step);
    if (step.result !== undefined) {
      const understanding = await understandTurn(step, this.services, 'when');
      const { draft, changed } = await rememberFacts(step, this.services, understanding);
      if (!draft.when || draft.when.windows.length === 0) {
        if (understanding.when?.past) return this.reask(step, { retry: 'past' });
        if (changed.length > 0) return step.endDialog({ stop: false });
        return this.reask(step, { retry: 'when' });
      }
    }
    const draft = flow.draft;
    if (step.options.retry === 'choice' && draft.offeredSlots?.length) {
      return this.offer(step, draft.offeredSlots, step.options.lead ?? messages.retryChoice);
    }
    const offer = await this.services.booking.schedule.findTimes({
      locationId: draft.locationId ?? 0,
      appointmentTypeId: draft.appointmentTypeId ?? 0,
      providerId: draft.providerId ?? 'any',
      preference: draft.when ?? { windows: [], asap: true },
      exclude: new Set(draft.seenSlotKeys ?? []),
    });
    if (offer.slots.length === 0) {
      if ((draft.seenSlotKeys ?? []).length > 0) {
        // Paged past every time for this preference: ask for another one.
        flow.draft = { ...draft, when: undefined, offeredSlots: undefined, seenSlotKeys: undefined };
        return this.reask(step, { lead: messages.noMoreTimes });
      }
      await step.context.sendActivity(messages.noTimesAtAll);
      this.services.funnel?.funnel('abandoned');
      return step.endDialog({ stop: true });
    }
    flow.draft = { ...draft, offeredSlots: offer.slots, seenSlotKeys: [...(draft.seenSlotKeys ?? []), ...offer.slots.map(slotKey)] };
    const heading = offer.fit === 'around' ? messages.nothingInWindow : messages.timesFound;
    this.services.funnel?.funnel('times_offered');
    return this.offer(step, offer.slots, retried(step.options.lead, heading));
  }

  private async choiceStep(step: WaterfallStepContext<ChooseTimeOptions>): Promise<DialogTurnResult> {
    const flow = flowState(step);
    const offered = flow.draft.offeredSlots ?? [];
    const understanding = await understandTurn(step, this.services, 'choice');
    if (wantsOtherTimes(understanding, offered)) return this.reask(step, {});
    const chosen = chosenSlot(understanding, offered);
    if (chosen) {
      flow.draft = { ...flow.draft, chosenSlot: chosen };
      return step.endDialog({ stop: false });
    }
    const { changed } = await rememberFacts(step, this.services, understanding);
    if (changed.includes('when')) return this.reask(step, {});
    if (changed.length > 0) return step.endDialog({ stop: false });
    return this.reask(step, { retry: 'choice' });
  }

  private async offer(step: WaterfallStepContext<ChooseTimeOptions>, slots: OpenSlot[], text: string): Promise<DialogTurnResult> {
    const messages = say(step);
    const reference = await this.services.booking.schedule.understandingReference(flowState(step).draft.locationId);
    const choices = [...slots.map((slot) => ({ label: formatSlotTime(slot.start, reference.timeZone) })), { label: messages.otherTimes }];
    return this.ask(step, { expecting: 'choice', text, choices });
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

// Small pieces every flow's steps share: where a flow keeps its data (its dialog's state), asking
// a question (the prompt carries what the bot expects) and taking the facts of an answer into the draft.
import { ActionTypes, MessageFactory, type Activity } from 'botbuilder';
import { TextPrompt, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { applyFacts, type BookingDraft, type DraftField } from '../services/booking';
import { OUTGOING_MESSAGE, turnCatalogue, type Catalogue, type OutgoingMessage } from '../services/copy';
import type { Understanding } from '../services/nlu';
import type { Expecting, FlowState } from './conversation-data';
import type { DialogServices } from './dialog-services';

export const TEXT_PROMPT = 'textPrompt';

/** A text prompt that re-asks, kindly, when a message carries no text (an attachment, a card tap). */
export function textPrompt(): TextPrompt {
  return new TextPrompt(TEXT_PROMPT, async (prompt) => typeof prompt.recognized.value === 'string' && prompt.recognized.value.trim().length > 0);
}

interface FlowHolder { flow?: FlowState }
interface PromptMark { expecting: Expecting }

/** The deepest dialog context of the stack below `dc` (the one whose active dialog is the prompt, if any). */
function leaf(dc: DialogContext): DialogContext {
  let current = dc;
  for (let child = current.child; child; child = current.child) current = child;
  return current;
}

/** Makes the dialog just begun in `dc` a flow: `flow` lives in its instance state and goes with it. */
export function holdFlow(dc: DialogContext, flow: FlowState): void {
  const state = dc.activeDialog?.state as FlowHolder | undefined;
  if (state) state.flow = flow;
}

/** The innermost flow's data, found from any dialog context at or above it; outside every flow, an empty one. */
export function flowState(dc: DialogContext): FlowState {
  for (let current: DialogContext | undefined = leaf(dc); current; current = current.parent) {
    const state = current.activeDialog?.state as FlowHolder | undefined;
    if (state?.flow) return state.flow;
  }
  return { draft: {} };
}

/** What the waiting prompt asked (carried in its options), or undefined when nothing is asked. */
export function expectingOf(dc: DialogContext): Expecting | undefined {
  const state = leaf(dc).activeDialog?.state as { options?: { validations?: Partial<PromptMark> } } | undefined;
  return state?.options?.validations?.expecting;
}

/** What the bot says in this conversation's language (read by the bot at the start of the turn). */
export function say(dc: DialogContext): Catalogue {
  return turnCatalogue(dc.context.turnState);
}

/**
 * A message with choices as any channel takes it (suggested actions), carrying the neutral message
 * for the channel's rendering in bot/ (cards on Teams, numbered text on SMS).
 */
export function neutralActivity(message: OutgoingMessage): Partial<Activity> {
  const choices = message.choices ?? [];
  const activity = choices.length === 0
    ? MessageFactory.text(message.text)
    : MessageFactory.suggestedActions(choices.map((choice) => ({ type: ActionTypes.ImBack, title: choice.label, value: choice.value ?? choice.label })), message.text);
  activity.channelData = { [OUTGOING_MESSAGE]: message };
  return activity;
}

/** Asks one question: the prompt carries what the answer will be about; waits. */
export async function ask(step: WaterfallStepContext, expecting: Expecting, message: Omit<OutgoingMessage, 'kind'>): Promise<DialogTurnResult> {
  const question: OutgoingMessage = { ...message, kind: 'question' };
  const prompt = neutralActivity(question);
  const retryPrompt = neutralActivity({ ...question, text: `${say(step).onlyText} ${message.text}` });
  return step.prompt(TEXT_PROMPT, { prompt, retryPrompt, validations: { expecting } satisfies PromptMark });
}

/**
 * Takes every fact of a message into the flow's draft at once (mixed initiative); a type or provider
 * chosen before the location is mapped to that location's own.
 */
export async function rememberFacts(dc: DialogContext, services: DialogServices, understanding: Understanding): Promise<{ draft: BookingDraft; changed: DraftField[] }> {
  const flow = flowState(dc);
  const { draft, changed } = applyFacts(flow.draft, understanding);
  if (draft.locationId !== undefined && changed.includes('locationId')) {
    const previousType = understanding.appointmentTypeId ?? flow.draft.appointmentTypeId;
    draft.appointmentTypeId = previousType === undefined ? undefined : await services.booking.schedule.sameTypeAt(previousType, draft.locationId);
    if (typeof draft.providerId === 'number') {
      const here = await services.booking.schedule.reference(draft.locationId);
      if (!here.providers.some((provider) => provider.id === draft.providerId)) draft.providerId = undefined;
    }
  }
  flow.draft = draft;
  return { draft, changed };
}

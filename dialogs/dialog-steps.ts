// Small pieces every flow's steps share: asking a question (which sets what the bot expects) and
// taking the facts of an answer into the draft.
import type { TurnContext } from 'botbuilder';
import { TextPrompt, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { OutgoingMessage } from '../bot/rendering/reply-renderer';
import { applyFacts, type BookingDraft, type DraftField } from '../services/booking';
import type { Understanding } from '../services/nlu';
import { emptyConversationData, type ConversationData, type Expecting } from './conversation-data';
import type { DialogServices } from './dialog-services';
import { messages } from './messages';

export const TEXT_PROMPT = 'textPrompt';

/** A text prompt that re-asks, kindly, when a message carries no text (an attachment, a card tap). */
export function textPrompt(): TextPrompt {
  return new TextPrompt(TEXT_PROMPT, async (prompt) => typeof prompt.recognized.value === 'string' && prompt.recognized.value.trim().length > 0);
}

export async function conversationData(context: TurnContext, services: DialogServices): Promise<ConversationData> {
  return services.conversationData.get(context, emptyConversationData());
}

/** Asks one question: records what the answer will be about, renders it for the channel, waits. */
export async function ask(step: WaterfallStepContext, services: DialogServices, expecting: Expecting, message: OutgoingMessage): Promise<DialogTurnResult> {
  const data = await conversationData(step.context, services);
  data.expecting = expecting;
  const prompt = services.renderer.render(step.context.activity, message);
  const retryPrompt = services.renderer.render(step.context.activity, { ...message, text: `${messages.onlyText} ${message.text}` });
  return step.prompt(TEXT_PROMPT, { prompt, retryPrompt });
}

/**
 * Takes every fact of a message into the draft at once (mixed initiative); a type or provider
 * chosen before the location is mapped to that location's own.
 */
export async function rememberFacts(context: TurnContext, services: DialogServices, understanding: Understanding): Promise<{ draft: BookingDraft; changed: DraftField[] }> {
  const data = await conversationData(context, services);
  const { draft, changed } = applyFacts(data.draft, understanding);
  if (draft.locationId !== undefined && changed.includes('locationId')) {
    const previousType = understanding.appointmentTypeId ?? data.draft.appointmentTypeId;
    draft.appointmentTypeId = previousType === undefined ? undefined : await services.booking.sameTypeAt(previousType, draft.locationId);
    if (typeof draft.providerId === 'number') {
      const here = await services.booking.reference(draft.locationId);
      if (!here.providers.some((provider) => provider.id === draft.providerId)) draft.providerId = undefined;
    }
  }
  data.draft = draft;
  return { draft, changed };
}

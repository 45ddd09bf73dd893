// The one place that knows how each channel shows a message with choices. Dialogs describe what to
// say (text + choices); this decides suggested actions, cards or numbered plain text.
import { ActionTypes, CardFactory, MessageFactory, type Activity, type CardAction } from 'botbuilder';
import type { ChoiceOption, OutgoingMessage } from '../../services/copy';

export type { ChoiceOption, OutgoingMessage };

/** Where a conversation happens, as far as rendering cares. */
export type ChannelProfile = 'buttons' | 'cards' | 'plain';

export const SMS_MAX_LENGTH = 320;

export function channelProfile(incoming: Pick<Activity, 'channelId'>): ChannelProfile {
  switch (incoming.channelId) {
    case 'sms':
      return 'plain';
    case 'msteams':
      // Teams: cards everywhere; suggested actions do not show in group chats and channels.
      return 'cards';
    default:
      return 'buttons';
  }
}

export class ReplyRenderer {
  render(incoming: Pick<Activity, 'channelId'> & Partial<Pick<Activity, 'conversation'>>, message: Omit<OutgoingMessage, 'kind'>): Partial<Activity> {
    const choices = message.choices ?? [];
    const profile = channelProfile(incoming);
    if (profile === 'plain') return MessageFactory.text(plainText(message.text, choices));
    if (choices.length === 0) return MessageFactory.text(message.text);
    const actions: CardAction[] = choices.map((choice) => ({ type: ActionTypes.ImBack, title: choice.label, value: choice.value ?? choice.label }));
    if (profile === 'cards') {
      const activity = MessageFactory.attachment(CardFactory.heroCard('', message.text, undefined, actions));
      // Some Teams clients show only the card; the text keeps notifications and transcripts readable.
      activity.text = message.text;
      return activity;
    }
    return MessageFactory.suggestedActions(actions, message.text);
  }
}

/** SMS: no markdown, numbered choices, "Reply 1-N", under 320 characters. */
export function plainText(text: string, choices: ChoiceOption[]): string {
  // The spec's limit is "under 320 characters".
  const limit = SMS_MAX_LENGTH - 1;
  const body = stripMarkdown(text);
  if (choices.length === 0) return truncate(body, limit);
  const footer = choices.length === 1 ? 'Reply 1' : `Reply 1-${choices.length}`;
  const MIN_BODY = 40;
  const room = limit - MIN_BODY - footer.length - 2;
  const listOf = (labels: string[], maxLabel = Number.MAX_SAFE_INTEGER) =>
    labels.map((label, index) => `${index + 1}) ${truncate(stripMarkdown(label), maxLabel)}`).join('\n');
  // The numbered choices and "Reply 1-N" must survive: short labels first, then shortened ones.
  let list = listOf(choices.map((choice) => choice.label));
  if (list.length > room) list = listOf(choices.map((choice) => choice.short ?? choice.label));
  if (list.length > room) {
    const perLine = Math.floor(room / choices.length) - `${choices.length}) `.length - 1;
    list = listOf(choices.map((choice) => choice.short ?? choice.label), Math.max(8, perLine));
  }
  const tail = `\n${list}\n${footer}`;
  return `${truncate(body, Math.max(MIN_BODY, limit - tail.length))}${tail}`;
}

function stripMarkdown(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, '$1').replace(/__(.+?)__/g, '$1').replace(/`([^`]*)`/g, '$1').replace(/\[([^\]]+)\]\([^)]+\)/g, '$1');
}

function truncate(text: string, max: number): string {
  // Three dots, not "…": one character outside GSM-7 makes the whole SMS UCS-2 (70 per segment).
  return text.length <= max ? text : `${text.slice(0, max - 3).trimEnd()}...`;
}

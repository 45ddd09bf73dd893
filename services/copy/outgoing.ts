// A message as dialogs say it, before any channel: text, the choices offered, and what it is.
// bot/rendering turns it into suggested actions, a card or numbered plain text per channel.

export interface ChoiceOption {
  /** What the patient sees. */
  label: string;
  /** What a tap sends back as the patient's message (defaults to the label). */
  value?: string;
  /** A shorter label for plain text when the full ones do not fit (SMS, 320 characters). */
  short?: string;
}

export interface OutgoingMessage {
  /** 'question': waits for the answer; 'menu': what the bot can do, nothing is waited for. */
  kind: 'question' | 'menu';
  text: string;
  choices?: ChoiceOption[];
}

/** Where an outgoing activity carries its channel-neutral message until the channel's rendering takes it. */
export const OUTGOING_MESSAGE = 'outgoingMessage';

// Carrier keywords (CTIA / Twilio's defaults). Only a message that is exactly one of these words
// counts: "cancel my appointment" is a request for the bot, "CANCEL" is an opt-out.
export type SmsKeyword = 'stop' | 'start' | 'help';

const keywords: Record<string, SmsKeyword> = {
  stop: 'stop', stopall: 'stop', unsubscribe: 'stop', cancel: 'stop', end: 'stop', quit: 'stop',
  start: 'start', unstop: 'start', yes: 'start',
  help: 'help', info: 'help',
};

export function smsKeyword(text: string | undefined): SmsKeyword | undefined {
  // Phones add trailing spaces and punctuation ("Stop.", "STOP!"); anything more is a sentence.
  const word = (text ?? '').trim().toLowerCase().replace(/[.!]+$/, '');
  return Object.prototype.hasOwnProperty.call(keywords, word) ? keywords[word] : undefined;
}

export const smsReplies = {
  optedOut: 'You are unsubscribed and will get no more messages from this number. Reply START to resubscribe.',
  optedIn: 'You are resubscribed. Text us anytime to book an appointment. Reply HELP for help, STOP to unsubscribe.',
  help: 'Appointment booking assistant: text what you need, e.g. "book a cleaning next week". Msg & data rates may apply. Reply STOP to unsubscribe.',
} as const;

// How an SMS thread through our own Twilio endpoint looks to the bot. Azure Bot Service's Twilio
// channel also says channelId 'sms'; our references carry their own serviceUrl to tell them apart.
import { createHash } from 'node:crypto';
import type { ConversationReference } from 'botbuilder';

export const SMS_CHANNEL_ID = 'sms';
export const TWILIO_SMS_SERVICE_URL = 'twilio:sms';

/** Stable per (patient, practice number) pair; the numbers themselves are not in it. */
export function smsConversationId(patientNumber: string, practiceNumber: string): string {
  return `twilio-${createHash('sha256').update(`${patientNumber}|${practiceNumber}`).digest('hex').slice(0, 40)}`;
}

export function smsConversationReference(patientNumber: string, practiceNumber: string): Partial<ConversationReference> {
  return {
    channelId: SMS_CHANNEL_ID,
    serviceUrl: TWILIO_SMS_SERVICE_URL,
    user: { id: patientNumber, name: '', role: 'user' },
    bot: { id: practiceNumber, name: '', role: 'bot' },
    conversation: { id: smsConversationId(patientNumber, practiceNumber), isGroup: false, conversationType: 'personal', name: '' },
  };
}

export function isTwilioSmsReference(reference: Partial<ConversationReference>): boolean {
  return reference.channelId === SMS_CHANNEL_ID && reference.serviceUrl === TWILIO_SMS_SERVICE_URL;
}

// Twilio's webhook form (From, To, Body, MessageSid, NumMedia, MediaUrl0…) as parameters and as a
// Bot Framework message activity.
import { ActivityTypes, type Activity, type Attachment } from 'botbuilder';
import { SMS_CHANNEL_ID, TWILIO_SMS_SERVICE_URL, smsConversationId } from './sms-conversation';

export type TwilioParams = Record<string, string>;

/** The raw form body, parsed here rather than by restify's qs so brackets mean nothing special. */
export function readTwilioParams(request: { rawBody?: unknown; body?: unknown }): TwilioParams {
  const raw = Buffer.isBuffer(request.rawBody) ? request.rawBody.toString('utf8') : request.rawBody;
  const params: TwilioParams = {};
  if (typeof raw === 'string') {
    for (const [key, value] of new URLSearchParams(raw)) params[key] = value;
    return params;
  }
  if (typeof request.body === 'object' && request.body !== null) {
    for (const [key, value] of Object.entries(request.body)) if (typeof value === 'string') params[key] = value;
  }
  return params;
}

export function smsActivity(params: TwilioParams, now: Date): Partial<Activity> | undefined {
  const patient = params.From;
  const practice = params.To;
  if (!patient || !practice) return undefined;
  const mediaCount = Math.min(Number.parseInt(params.NumMedia ?? '0', 10) || 0, 10);
  const attachments: Attachment[] = [];
  for (let index = 0; index < mediaCount; index += 1) {
    const contentUrl = params[`MediaUrl${index}`];
    if (contentUrl) attachments.push({ contentType: params[`MediaContentType${index}`] ?? 'application/octet-stream', contentUrl });
  }
  return {
    type: ActivityTypes.Message,
    id: params.MessageSid ?? params.SmsSid,
    timestamp: now,
    channelId: SMS_CHANNEL_ID,
    serviceUrl: TWILIO_SMS_SERVICE_URL,
    from: { id: patient, name: '', role: 'user' },
    recipient: { id: practice, name: '', role: 'bot' },
    conversation: { id: smsConversationId(patient, practice), isGroup: false, conversationType: 'personal', name: '' },
    text: params.Body ?? '',
    textFormat: 'plain',
    attachments: attachments.length > 0 ? attachments : undefined,
  };
}

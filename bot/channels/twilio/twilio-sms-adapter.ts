// A Bot Framework adapter for SMS straight through Twilio: the webhook's form POST becomes a
// turn, every reply (and every proactive message) goes out through Twilio's REST API. Webhooks are
// answered with empty TwiML, so there is one way out for all messages.
import { ActivityTypes, BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';
import type { IncomingHttpHeaders } from 'node:http';
import twilio from 'twilio';
import { readTwilioParams, smsActivity } from './inbound-sms';

/** The part of Twilio's client this adapter uses (`client.messages`). */
export interface TwilioMessages {
  create(options: { to: string; from: string; body: string }): Promise<{ sid: string }>;
}

export interface TwilioSmsAdapterOptions {
  authToken: string;
  /** The public URL Twilio posts to: the signature is computed over it. */
  webhookUrl: string;
  /** Default sender when a reference does not name our number. */
  phoneNumber: string;
  messages: TwilioMessages;
  /** Twilio waits 15 s for an answer; a slower turn goes on after the webhook is answered. */
  answerWithinMs?: number;
  /** Twilio refused to send because the recipient opted out with the carrier (error 21610). */
  onRecipientUnsubscribed?: (phoneNumber: string) => Promise<void>;
  /** False for a MessageSid seen before: a replayed webhook is answered and does nothing. */
  firstSighting?: (messageSid: string) => Promise<boolean>;
  now?: () => Date;
}

export interface WebhookRequest {
  headers: IncomingHttpHeaders;
  url?: string;
  rawBody?: unknown;
  body?: unknown;
}

export interface WebhookResponse {
  writeHead(status: number, headers?: Record<string, string>): unknown;
  end(body?: string): unknown;
}

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';
const UNSUBSCRIBED_RECIPIENT = 21610;
const E164 = /^\+[1-9]\d{6,14}$/;

export class TwilioSmsAdapter extends BotAdapter {
  /** Turns of one conversation run one after another: two quick texts must not race on state. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly options: TwilioSmsAdapterOptions) {
    super();
  }

  async processWebhook(req: WebhookRequest, res: WebhookResponse, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const params = readTwilioParams(req);
    const signature = req.headers['x-twilio-signature'];
    const query = new URL(req.url ?? '/', 'http://localhost').search;
    if (typeof signature !== 'string' || !twilio.validateRequest(this.options.authToken, signature, `${this.options.webhookUrl}${query}`, params)) {
      res.writeHead(403, { 'Content-Type': 'text/plain' });
      res.end('Forbidden');
      return;
    }
    const activity = smsActivity(params, this.options.now?.() ?? new Date());
    if (!activity) {
      res.writeHead(400, { 'Content-Type': 'text/plain' });
      res.end('From and To are required');
      return;
    }
    if (activity.id && this.options.firstSighting && !(await this.options.firstSighting(activity.id))) {
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      res.end(EMPTY_TWIML);
      return;
    }
    const context = new TurnContext(this, activity);
    const turn = this.enqueue(activity.conversation?.id ?? '', () => this.runMiddleware(context, logic));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([turn, new Promise<void>((resolve) => { timer = setTimeout(resolve, this.options.answerWithinMs ?? 10_000); })]);
    clearTimeout(timer);
    res.writeHead(200, { 'Content-Type': 'text/xml' });
    res.end(EMPTY_TWIML);
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await new Promise((resolve) => setTimeout(resolve, Math.min(typeof activity.value === 'number' ? activity.value : 1000, 5000)));
      }
      const body = activity.type === ActivityTypes.Message ? activity.text?.trim() : undefined;
      if (!body) {
        // Typing indicators, traces and text-less messages have no SMS form.
        responses.push({ id: '' });
        continue;
      }
      const to = activity.recipient?.id ?? context.activity.from?.id ?? '';
      const from = activity.from?.id && E164.test(activity.from.id) ? activity.from.id : this.options.phoneNumber;
      responses.push({ id: await this.sendSms(to, from, body) });
    }
    return responses;
  }

  async updateActivity(): Promise<void> {
    throw new Error('an SMS cannot be changed once sent');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('an SMS cannot be deleted once sent');
  }

  /** Proactive messages: a turn with no incoming message, replies go to the reference's number. */
  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'ContinueConversation' }, reference, true);
    // Not queued behind the conversation's turns: a turn that itself sends proactively would wait forever.
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  /** Waits for every turn in flight (the server is closing). */
  async drain(): Promise<void> {
    await Promise.all([...this.queues.values()]);
  }

  private async sendSms(to: string, from: string, body: string): Promise<string> {
    try {
      return (await this.options.messages.create({ to, from, body })).sid;
    } catch (error) {
      if (error instanceof twilio.RestException && error.code === UNSUBSCRIBED_RECIPIENT) {
        await this.options.onRecipientUnsubscribed?.(to);
        return '';
      }
      // Twilio's messages quote the numbers: keep only status and code.
      const detail = error instanceof twilio.RestException ? `HTTP ${error.status}, code ${error.code ?? 'none'}` : error instanceof Error ? error.name : typeof error;
      throw new Error(`Twilio did not accept the SMS (${detail})`);
    }
  }

  private enqueue(key: string, work: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.then(work);
    const tail = run.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return tail;
  }
}
